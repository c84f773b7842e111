"""The container recipe keeps its promises: ``Dockerfile`` and ``.dockerignore`` read as text
(Docker is not needed to run these), checked against the repository they ship.

What the app needs at run time is derived from the code, not listed by hand: the local
packages that ``app.py`` and ``pages/*.py`` import (followed through every module they
import), plus the page scripts, the favicon, the server settings and ``pyproject.toml``.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import shlex
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
PORT = "8501"
NEVER_SHIPPED = ("tests", "bench", ".venv", ".venv-torch", "artifacts", ".git",
                 "requirements-dev.txt")


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments): comments dropped, continued lines joined."""
    steps: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text("utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, rest = line.partition(" ")
        steps.append((keyword.upper(), rest.strip()))
    assert not pending, "the Dockerfile ends inside a continued line"
    return steps


def args_of(keyword: str) -> list[str]:
    return [rest for kw, rest in instructions() if kw == keyword]


def exec_form(text: str) -> list[str]:
    """A JSON-array instruction argument (``CMD ["a", "b"]``) as a list."""
    assert text.startswith("["), f"not in exec form: {text}"
    return [str(part) for part in ast.literal_eval(text)]


def local_imports() -> set[str]:
    """The repository's top-level packages that app.py and the page scripts import at run
    time, followed through every local module they import in turn."""
    local = {p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")}
    todo = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    done: set[Path] = set()
    found: set[str] = set()
    while todo:
        path = todo.pop()
        if path in done:
            continue
        done.add(path)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:  # relative: same package
                base = path.parent.joinpath(*[".."] * (node.level - 1))
                names = [".".join([*base.resolve().relative_to(ROOT).parts,
                                   *node.module.split(".")])]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] not in local:
                    continue
                found.add(parts[0])
                for candidate in (ROOT.joinpath(*parts).with_suffix(".py"),
                                  ROOT.joinpath(*parts, "__init__.py")):
                    if candidate.exists():
                        todo.append(candidate)
    return found


def needed_at_run_time() -> set[str]:
    """Every top-level file or folder the running app reads."""
    return local_imports() | {"app.py", "pages", "assets", ".streamlit", "pyproject.toml"}


def copied() -> dict[str, str]:
    """Each COPY source (normalised: no ``./``, no trailing ``/``) -> its destination."""
    out: dict[str, str] = {}
    for rest in args_of("COPY"):
        parts = [p for p in shlex.split(rest) if not p.startswith("--")]
        *sources, destination = parts
        for source in sources:
            out[source.removeprefix("./").rstrip("/")] = destination
    return out


def ignore_patterns() -> list[str]:
    lines = DOCKERIGNORE.read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_base_image_is_a_pinned_python_311_slim_tag():
    """One FROM: the official python image, 3.11 with its patch version, a slim variant."""
    froms = args_of("FROM")
    assert len(froms) == 1, froms
    image = froms[0].split()[0]
    assert re.fullmatch(r"python:3\.11\.\d+-slim(-[a-z]+)?", image), image


def test_pip_installs_the_pinned_runtime_requirements_only():
    """The only pip command installs ``-r requirements.txt`` with ``--no-cache-dir`` and
    nothing else; requirements.txt is copied before it and pins every package with ==."""
    installs = [rest for rest in args_of("RUN") if "pip" in rest]
    assert len(installs) == 1, installs
    words = shlex.split(installs[0])
    assert words[:2] == ["pip", "install"], words
    assert "--no-cache-dir" in words
    assert [w for w in words[2:] if not w.startswith("--")] == ["-r", "requirements.txt"], words
    assert "requirements.txt" in copied()
    steps = instructions()
    copy_at = next(i for i, (kw, rest) in enumerate(steps)
                   if kw == "COPY" and "requirements.txt" in rest)
    assert copy_at < steps.index(("RUN", installs[0]))
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9._-]+==[0-9][0-9A-Za-z.]*", line), \
                f"not pinned: {line}"


def test_runs_as_a_user_that_is_not_root():
    """The last USER (the one the CMD runs as) is created in the image and is not root."""
    users = args_of("USER")
    assert users, "no USER: the app would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), user
    assert any(re.search(rf"\b(useradd|adduser)\b.*\b{re.escape(user)}\b", rest)
               for rest in args_of("RUN")), f"user {user!r} is never created"
    steps = [kw for kw, _ in instructions()]
    assert max(i for i, kw in enumerate(steps) if kw == "USER") < steps.index("CMD")


def test_exposes_8501_and_serves_it_on_every_interface_headless():
    """EXPOSE 8501, and the CMD is ``streamlit run app.py`` on 0.0.0.0:8501, headless."""
    assert args_of("EXPOSE") == [PORT]
    (cmd,) = args_of("CMD")
    command = exec_form(cmd)
    assert command[:3] == ["streamlit", "run", "app.py"], command
    options = dict(zip(command[3::2], command[4::2], strict=True))
    assert options == {"--server.address": "0.0.0.0", "--server.port": PORT,
                       "--server.headless": "true"}, options


def test_healthcheck_asks_streamlits_health_endpoint_with_urllib():
    """HEALTHCHECK runs Python's urllib (slim images have no curl) against
    ``/_stcore/health`` on the port the CMD serves."""
    (check,) = args_of("HEALTHCHECK")
    _, _, command = check.partition("CMD ")
    words = exec_form(command.strip())
    assert words[:2] == ["python", "-c"], words
    code = words[2]
    assert "urllib.request" in code
    assert f"http://127.0.0.1:{PORT}/_stcore/health" in code
    assert not re.search(r"\b(curl|wget)\b", check)
    ast.parse(code)  # the one-liner is valid Python


def test_environment_has_no_bytecode_and_unbuffered_output():
    """PYTHONDONTWRITEBYTECODE and PYTHONUNBUFFERED are set (logs reach ``docker logs``
    at once)."""
    env = " ".join(args_of("ENV"))
    assert re.search(r"\bPYTHONDONTWRITEBYTECODE=1\b", env)
    assert re.search(r"\bPYTHONUNBUFFERED=1\b", env)


def test_start_up_sends_nothing_out():
    """Headless on 0.0.0.0, Streamlit asks checkip.amazonaws.com for the machine's external
    address to print in its welcome message; the image hides that message, so the server
    makes no request to the outside when it starts."""
    env = " ".join(args_of("ENV"))
    assert re.search(r"\bSTREAMLIT_LOGGER_HIDE_WELCOME_MESSAGE=true\b", env)


def test_local_import_scan_sees_the_engine_and_the_ui():
    """The scan behind the next test finds the packages the app is known to use (so an
    empty scan cannot make it pass)."""
    assert {"ui", "optim", "landscapes", "viz"} <= local_imports()


@pytest.mark.parametrize("name", sorted(needed_at_run_time()))
def test_everything_the_app_needs_at_run_time_is_copied(name):
    """Each package app.py and the pages import (derived from their imports), the page
    scripts, the favicon, ``.streamlit/config.toml`` and ``pyproject.toml`` (the app
    version in every download) is COPY'd to the same name under the WORKDIR."""
    assert (ROOT / name).exists(), name
    sources = copied()
    assert name in sources, f"{name} is needed at run time but not copied"
    destination = sources[name].removeprefix("./").rstrip("/")
    if (ROOT / name).is_dir():
        assert destination == name, f"{name}/ is copied to {sources[name]}"
    else:
        assert destination in ("", ".", name), f"{name} is copied to {sources[name]}"


def test_nothing_but_the_app_is_copied():
    """No ``COPY . .``, and none of tests/, bench/, .venv, artifacts/, .git or the dev
    requirements is copied; every COPY source is something the app needs (or
    requirements.txt, for pip)."""
    sources = set(copied())
    assert "." not in sources and "" not in sources
    assert not sources & set(NEVER_SHIPPED), sources & set(NEVER_SHIPPED)
    assert sources - needed_at_run_time() == {"requirements.txt"}


def test_workdir_is_absolute_and_set_before_the_copies():
    """The relative COPY destinations land in one absolute WORKDIR, set before them."""
    (workdir,) = args_of("WORKDIR")
    assert workdir.startswith("/")
    steps = [kw for kw, _ in instructions()]
    assert steps.index("WORKDIR") < steps.index("COPY")


def test_dockerignore_keeps_the_environment_and_history_out():
    """.dockerignore excludes .venv, .git, tests, bench, artifacts and bytecode caches,
    and excludes nothing the image copies."""
    patterns = ignore_patterns()
    for name in (".venv", ".git", "tests", "bench", "artifacts", ".pytest_cache",
                 ".ruff_cache", ".hypothesis"):
        assert name in patterns, f".dockerignore does not exclude {name}"
    assert "**/__pycache__" in patterns
    assert not any(p.startswith("!") for p in patterns), "re-included paths: check them"
    for name in copied():
        blocked = [p for p in patterns if fnmatch.fnmatch(name, p.removeprefix("**/"))]
        assert not blocked, f"{name} is copied but .dockerignore excludes it: {blocked}"


def test_shipped_settings_send_no_usage_statistics():
    """The copied ``.streamlit/config.toml`` turns usage statistics off and hides error
    details: the CMD needs no flags for either."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"


def test_deploy_doc_describes_every_shipped_setting():
    """docs/deploy.md names every setting of ``.streamlit/config.toml`` (a new setting
    needs a line for operators) and the health endpoint the HEALTHCHECK uses."""
    doc = (ROOT / "docs" / "deploy.md").read_text("utf-8")
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    for section, values in config.items():
        for key in values:
            assert f"{section}.{key}" in doc, f"docs/deploy.md does not describe {section}.{key}"
    assert "/_stcore/health" in doc
