"""A server that goes away and comes back: the open page reconnects by itself, and the new
server serves the same scene, since the scene lives in the URL (what a replica dying behind a
load balancer looks like to a visitor; see docs/deploy.md).

The test starts its own ``streamlit run app.py`` (not the session-wide ``app_url``, which
other tests share), opens the playground on a non-default scene in Chinese, stops the
server, watches the page notice, starts a new server on the same port and waits, without
reloading the page, until the page is connected again. Streamlit's frontend does not rerun
the script on reconnecting (the page keeps what it drew), so the test then reruns it (the
``r`` key) and checks that the new server draws the same scene, and that a change made
afterwards takes effect. Server logs and screenshots land in ``artifacts/``.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from browser_helpers import screenshot, wait_until_idle, watch
from conftest import ARTIFACTS, ROOT, _free_port, _wait_for_health

from landscapes import LANDSCAPES
from ui.i18n import tr
from ui.navigation import SECTIONS

pytestmark = pytest.mark.browser

PLAYGROUND = "/" + next(e.url_path for entries in SECTIONS.values() for e in entries
                       if e.path == "pages/playground.py")
SCENE = {"ls": "himmelblau", "steps": "300", "lang": "zh"}
"""Not the default scene (rosenbrock, 1000 steps, English): names from ui/url_state.py."""

RECONNECT_TIMEOUT_MS = 60_000
"""The frontend pings /_stcore/health with a backoff capped at a few seconds; a minute is
generous."""

OUTAGE_CONSOLE_ERRORS = (
    # Chromium's line for each health / host-config ping (and media check) that finds no one
    # listening on the port.
    re.compile(r"Failed to load resource: net::ERR_CONNECTION_REFUSED"),
    # Streamlit's own report, after a few failed pings, that the server does not answer.
    re.compile(r"Client Error in reaching server endpoint - No response received when "
               r"attempting to reach /_stcore/health"),
    re.compile(r"Streamlit server is not responding\. Are you connected to the internet\?"),
    # When the connection drops, the download buttons re-check their file (/media/...).
    re.compile(r"Client Error: Download Button fetch error - Failed to fetch"),
)
"""The console errors allowed while the server is down, and only then (whole lines)."""

OUTAGE_REQUEST_PATHS = re.compile(r"/_stcore/(health|host-config)|/media/[0-9a-f]+\.\w+")
"""The requests allowed to fail (connection refused) while the server is down: the
frontend's pings and the download buttons' checks."""

STATE = ("document.querySelector(\"[data-testid='stApp']\")"
         "?.getAttribute('data-test-connection-state')")
"""Streamlit's connection state (CONNECTED, PINGING_SERVER, CONNECTING ...), as JS."""
STEPS_DISABLED = "document.querySelector('.st-key-pg_steps input')?.disabled"
"""While disconnected, Streamlit disables every widget (the page stays as drawn), as JS."""
MAP = "[data-testid='stPlotlyChart'] .js-plotly-plot"

RECORD_STATES = """
window.__states = [];
new MutationObserver(() => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) return;
    const state = app.getAttribute('data-test-connection-state') + '/'
                  + app.getAttribute('data-test-script-state');
    const last = window.__states[window.__states.length - 1];
    if (!last || last[1] !== state) window.__states.push([performance.now(), state]);
}).observe(document, {subtree: true, childList: true, attributes: true});
"""
"""Keeps every (connection state / script state) the app goes through, with its time."""


def start_server(port: int, name: str) -> subprocess.Popen:
    """``streamlit run app.py`` on ``127.0.0.1:port``, once it answers its health endpoint
    (its log in ``artifacts/<name>.log``)."""
    ARTIFACTS.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "streamlit", "run", "app.py",
               "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with open(ARTIFACTS / f"{name}.log", "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        _wait_for_health(f"http://127.0.0.1:{port}", process, timeout=60)
    except BaseException:
        stop_server(process)
        raise
    return process


def stop_server(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stop ``process`` with ``sig`` (SIGKILL if it has not exited 10 s later)."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def states(page) -> list[tuple[float, str]]:
    return [tuple(s) for s in page.evaluate("() => window.__states")]


def wait_until_settled(page, quiet_ms: float = 1500, timeout: float = 60_000) -> None:
    """Wait until the app is idle and has stayed so for ``quiet_ms`` (a fresh server runs
    the page twice on its first request; ``wait_until_idle`` can fall between the runs)."""
    wait_until_idle(page, timeout)
    page.wait_for_function(
        """(quiet) => {
            const last = window.__states[window.__states.length - 1];
            return last && last[1] === 'CONNECTED/notRunning'
                   && performance.now() - last[0] > quiet
                   && !document.querySelector("[data-testid='stSkeleton']");
        }""", arg=quiet_ms, timeout=timeout)


def wait_for_sidebar(page, steps: str, timeout: float = 30_000) -> None:
    """Wait until the sidebar shows the landscape of ``SCENE`` and ``steps``."""
    title = LANDSCAPES[SCENE["ls"]].title[SCENE["lang"]]
    page.wait_for_function(
        """([title, steps]) => {
            const ls = document.querySelector('.st-key-pg_ls input');
            const st = document.querySelector('.st-key-pg_steps input');
            return ls && st && ls.value === title && st.value === steps;
        }""", arg=[title, steps], timeout=timeout)


def assert_scene(page, steps: str = SCENE["steps"]) -> None:
    """The page shows SCENE (with ``steps``): Himmelblau, Chinese, the URL, the map."""
    wait_for_sidebar(page, steps)
    assert page.locator(".st-key-pg_ls input").input_value() == \
        LANDSCAPES["himmelblau"].title["zh"]
    assert page.locator(".st-key-pg_steps input").input_value() == steps
    query = {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}
    assert query == {**SCENE, "steps": steps}, page.url
    assert page.get_by_text(tr("pg.steps", "zh"), exact=True).first.is_visible()
    assert page.locator("[data-testid='stSidebar']").get_by_text(
        tr("pg.page_title", "zh"), exact=True).first.is_visible()
    page.wait_for_selector(MAP, timeout=30_000)
    traces = page.evaluate(f"""() => [...document.querySelectorAll("{MAP}")]
        .map(p => (p.data || []).map(t => t.name))""")
    assert any("comet" in names for names in traces), f"no map with its paths: {traces}"


def runs_since(page, t0: float) -> int:
    """How many script runs the page saw start after ``t0`` (performance.now() ms)."""
    return sum(1 for t, s in states(page) if t > t0 and s.endswith("/running"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["terminate", "kill"])
def test_page_reconnects_to_a_new_server_and_keeps_its_scene(browser, sig):
    """Stop the server under an open playground (SIGTERM: a clean shutdown; SIGKILL: a
    replica that dies), start a new one on the same port: the page reconnects without a
    reload, the new server draws the same scene from the page's URL and takes the next
    change, and the console shows only the connection errors of the outage, only during it."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    name = f"server-restart-{signal.Signals(sig).name.lower()}"
    first = second = None
    context = browser.new_context(viewport={"width": 1440, "height": 900},
                                  device_scale_factor=1)
    try:
        first = start_server(port, f"{name}-first")
        page = context.new_page()
        page.add_init_script(RECORD_STATES)
        seen = watch(page, origin)
        phase = ["up"]
        refused: list[tuple[str, str, str]] = []  # (phase, path, failure)
        page.on("requestfailed", lambda r: refused.append(
            (phase[0], urlparse(r.url).path, r.failure or "")))
        loads: list[str] = []  # a reload fires "load" again (history.replaceState does not)
        page.on("load", lambda p: loads.append(p.url))

        page.goto(origin + PLAYGROUND + "?" + urlencode(SCENE))
        wait_until_settled(page)
        assert_scene(page)
        wait_until_settled(page)
        assert not seen.problems(), f"before the outage: {seen.problems()}"
        assert not refused, refused
        page.evaluate("() => { window.__sameDocument = true; }")  # gone if the page reloads
        loaded = len(loads)

        # --- the server goes away ---------------------------------------------------------
        errors_before = len(seen.errors)
        phase[0] = "down"
        stop_server(first, sig)
        stopped = time.monotonic()
        page.wait_for_function(f"() => {STATE} !== 'CONNECTED'", timeout=30_000)
        noticed = time.monotonic() - stopped
        page.wait_for_function(f"() => {STEPS_DISABLED} === true", timeout=30_000)
        page.wait_for_timeout(4000)  # long enough for the frontend's "not responding" dialog
        down_state = page.evaluate(f"() => {STATE}")
        status = page.locator("[data-testid='stStatusWidget']").inner_text()
        dialog = page.get_by_role("dialog").all_inner_texts()
        disabled = page.locator("input:disabled, button:disabled").count()
        screenshot(page, f"{name}-down", full_page=False)
        assert down_state in ("PINGING_SERVER", "CONNECTING"), down_state
        assert "connecting" in status.lower(), status
        assert disabled > 0

        # --- a new server on the same port: the page reconnects by itself ------------------
        second = start_server(port, f"{name}-second")
        healthy = time.monotonic()
        page.wait_for_function(f"() => {STATE} === 'CONNECTED'",
                               timeout=RECONNECT_TIMEOUT_MS)
        reconnected = time.monotonic() - healthy
        outage = time.monotonic() - stopped
        errors_outage = seen.errors[errors_before:]
        errors_after = len(seen.errors)
        phase[0] = "up again"
        page.wait_for_function(f"() => {STEPS_DISABLED} === false", timeout=30_000)
        wait_until_settled(page)
        assert_scene(page)  # still drawn, widgets usable again
        assert not page.get_by_role("dialog").count(), page.get_by_role("dialog").all_inner_texts()

        # --- the new server draws the scene from the page's URL and widgets -----------------
        before_rerun = page.evaluate("() => performance.now()")
        page.locator("#stMain").focus()
        page.keyboard.press("r")  # Streamlit's "rerun" key
        page.wait_for_function(
            """(t0) => window.__states.some(([t, s]) => t > t0 && s.endsWith('/running'))""",
            arg=before_rerun, timeout=30_000)
        page.evaluate("() => document.activeElement?.blur()")  # no focus ring in the picture
        wait_until_settled(page)
        assert_scene(page)
        shot = screenshot(page, f"{name}-reconnected", full_page=False)

        # --- and takes the next change -------------------------------------------------
        steps = page.locator(".st-key-pg_steps input")
        steps.fill("400")
        steps.press("Enter")
        wait_for_sidebar(page, "400")
        page.wait_for_function("() => location.search.includes('steps=400')", timeout=30_000)
        wait_until_settled(page)
        assert_scene(page, steps="400")
        screenshot(page, f"{name}-changed", full_page=False)

        print(f"{name}: the page noticed the outage after {noticed:.1f} s; while down: "
              f"state {down_state}, status {status!r}, dialog {dialog}, {disabled} widgets "
              f"disabled; reconnected {reconnected:.1f} s after the new server was healthy "
              f"(outage {outage:.1f} s); console errors in the outage: "
              f"{sorted(set(errors_outage))} ({len(errors_outage)} lines); screenshot {shot}")
        assert len(loads) == loaded == 1, f"the page was reloaded: {loads}"
        assert page.evaluate("() => window.__sameDocument === true"), "the page was reloaded"
        assert runs_since(page, before_rerun) >= 2  # the rerun and the change
        unexpected = [e for e in errors_outage
                      if not any(p.fullmatch(e) for p in OUTAGE_CONSOLE_ERRORS)]
        assert not unexpected, f"console errors during the outage: {unexpected}"
        assert not seen.errors[errors_after:], \
            f"console errors after reconnecting: {seen.errors[errors_after:]}"
        assert not seen.outside and not seen.failed, (seen.outside, seen.failed)
        wrong = [r for r in refused if r[0] != "down" or r[2] != "net::ERR_CONNECTION_REFUSED"
                 or not OUTAGE_REQUEST_PATHS.fullmatch(r[1])]
        assert not wrong, f"failed requests other than the outage's refused pings: {wrong}"
    finally:
        context.close()
        stop_server(first)
        stop_server(second)
