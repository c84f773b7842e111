"""Helpers shared by the browser tests: wait for an idle app, take a screenshot, watch the
console and the network, the three screen sizes the app is checked at."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

VIEWPORTS: dict[str, dict[str, int]] = {
    "desktop": {"width": 1440, "height": 900},
    "projector": {"width": 1280, "height": 720},
    "phone": {"width": 390, "height": 844},
}

BASE_PATH_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")
"""Streamlit's frontend, opened at ``/<page>``, first asks for ``/<page>/_stcore/health``
and ``host-config`` to find the server's base path, then for ``/_stcore/...``: the two 404s
are Streamlit's own probing, not a fault of the app."""


def wait_until_idle(page, timeout: float = 60_000) -> None:
    """Wait for the app to be rendered and done running (Streamlit's own e2e signals) and
    for every lazily loaded element (charts, sliders) to replace its skeleton."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_timeout(150)
    page.wait_for_function(
        """() => {
            const app = document.querySelector("[data-testid='stApp']");
            return app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
                   && app.getAttribute('data-test-script-state') === 'notRunning'
                   && !document.querySelector("[data-testid='stSkeleton']");
        }""",
        timeout=timeout,
    )
    page.wait_for_timeout(300)


def screenshot(page, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


@dataclass
class Watch:
    """Everything that went wrong in a page: console errors, uncaught exceptions, requests
    that left this machine, failed responses (Streamlit's base-path probes excepted)."""

    origin: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    probes: int = 0

    def problems(self) -> list[str]:
        """What a test must find empty. A console line "Failed to load resource: 404" is
        forgiven once per base-path probe, since Chromium does not say which URL it was."""
        forgiven = self.probes
        left = []
        for line in self.errors:
            if forgiven and "status of 404" in line:
                forgiven -= 1
                continue
            left.append(line)
        return left + [f"outside request: {u}" for u in self.outside] + self.failed


def watch(page, origin: str) -> Watch:
    """Start watching ``page`` (served from ``origin``)."""
    seen = Watch(origin)
    host = urlparse(origin).netloc

    def on_console(message) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    def on_response(response) -> None:
        url = urlparse(response.url)
        if response.status >= 400:
            if response.status == 404 and BASE_PATH_PROBE.match(url.path):
                seen.probes += 1
            else:
                seen.failed.append(f"{response.status} {response.url}")

    def on_request(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            seen.outside.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(f"uncaught: {error}"))
    page.on("response", on_response)
    page.on("request", on_request)
    return seen
