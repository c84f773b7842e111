"""The app in a real browser: load times, slider round trips, bytes, CPU and playback rate.

    PYTHONPATH=. .venv/bin/python bench/bench_browser.py [--repeats 3] [--viewport 1440x900]

``bench_app.py`` times the script on the server (AppTest, no browser); this script times what
a visitor waits for. It starts ``streamlit run app.py`` itself (headless, on a free
127.0.0.1 port), drives Debian's Chromium (``/usr/bin/chromium``, never a downloaded one)
through Playwright, and prints a markdown table (figure | measured, ready for the README):
each figure is the median of ``--repeats`` runs, with min and max.

The playground (``/playground``), default scene (6 optimizers x 1000 steps):
* cold start: launching the server process -> the map drawn (a fresh server per repeat; the
  browser is already running);
* warm load: a new browser context, ``goto`` -> the map drawn (the map is the
  ``.js-plotly-plot`` whose data holds a trace named "comet"; "drawn" means Plotly has laid it
  out and its markers are in the SVG), with the websocket bytes, the Chromium main-thread time
  (CDP ``Performance.getMetrics``), the CPU time of Chromium's processes (``/proc``) and of the
  server (``/proc/<pid>/stat``) spent on it;
* a learning-rate change (``ArrowRight`` on the slider thumb of one optimizer's
  "Learning rate" select_slider in the sidebar) -> the map's data changed and the app idle
  (``data-test-script-state`` / ``data-test-connection-state`` on ``stApp``, as in
  ``tests/browser/browser_helpers.wait_until_idle``): to a value never run before (nothing
  cached) and back to the previous one (the server's caches hit), with bytes and CPU;
* playback: Play on the map for ``--play-seconds``; Plotly's ``plotly_animatingframe`` events
  per second, ``requestAnimationFrame`` callbacks per second (the paint rate) and the
  callbacks in which the comet's markers moved.
Every page of ``ui.navigation.SECTIONS``: a warm load -> idle (script done, every Plotly chart
drawn). ``--profile`` adds three more playground loads: a timeline (when the websocket
messages and the Plotly chunk arrive, when the map is drawn) with the size of each figure as
the browser holds it; a Chromium trace (main-thread time by kind of work, long tasks); and a
V8 sampling profile (JS time by script and function).

Robust by design: every wait has a timeout, a watchdog ends the run after ``--deadline``
seconds, and every server it started is stopped on the way out, whatever happened.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import (  # noqa: E402
    Browser,
    BrowserContext,
    Locator,
    Page,
    sync_playwright,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: E402

from bench.bench_server import (  # noqa: E402
    Server,
    commit,
    log,
    machine_busy,
    proc_cpu_seconds,
    stat_fields,
    stop_all_servers,
    terminated_cleanly,
    watchdog,
)
from ui.navigation import HOME, SECTIONS  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # as tests/browser/conftest.py
PLAYGROUND = "/" + next(e.url_path for entries in SECTIONS.values() for e in entries
                       if e.path == "pages/playground.py")
HEALTH_POLL = 0.05  # seconds between health checks: the cold start is timed to them
SETTLE_MS = 1000  # a pause before each timed load: the previous tab's teardown is over

# Helpers installed in every page of a context (``add_init_script``), so each wait is one
# expression polled on every animation frame.
PAGE_HELPERS = """
window.__benchRuns = 0;  // script runs seen to finish (running -> notRunning)
new MutationObserver(changes => {
  for (const change of changes) {
    const state = change.target.getAttribute('data-test-script-state');
    if (change.oldValue === 'running' && state === 'notRunning') window.__benchRuns += 1;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
window.__bench = {
  map() {
    return [...document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')]
      .find(p => (p.data || []).some(t => t.name === 'comet'));
  },
  error() {
    const e = document.querySelector('[data-testid=stException]');
    return e ? 'exception on the page: ' + e.innerText.slice(0, 800) : null;
  },
  idle() {
    const app = document.querySelector('[data-testid=stApp]');
    return !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
      && app.getAttribute('data-test-script-state') === 'notRunning';
  },
  mapDrawn() {
    const m = this.map();
    return !!m && !!m._fullLayout && !!m._fullData
      && m.querySelectorAll('.scatterlayer .trace .points path').length > 0;
  },
  chartsDrawn() {  // lazily loaded elements (Plotly's chunk) show a skeleton until ready
    if (document.querySelector('[data-testid=stApp] [data-testid=stSkeleton]')) return false;
    return [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => {
      const p = c.querySelector('.js-plotly-plot');
      return !!p && !!p._fullLayout;
    });
  },
  pageIdle() {  // a fresh page: a script run finished, nothing left to draw
    return window.__benchRuns > 0 && this.idle() && this.chartsDrawn()
      && !!document.querySelector('[data-testid=stMain] [data-testid=stElementContainer]');
  },
  fingerprint() {  // changes when any x value of the map changes (decoded arrays)
    const m = this.map();
    if (!m || !m._fullData) return null;
    let s = 0, n = 0;
    for (const t of m._fullData) {
      if (!t.x) continue;
      n += t.x.length;
      for (let i = 0; i < t.x.length; i++) {
        const v = +t.x[i];
        if (Number.isFinite(v)) s += v * (i % 7 + 1);
      }
    }
    return s.toFixed(9) + '/' + n;
  },
};
"""

PAGE_STATE_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const alerts = [...document.querySelectorAll('[data-testid=stAlert]')]
    .map(a => a.innerText.slice(0, 200));
  return `url ${location.pathname}, script ${app && app.getAttribute('data-test-script-state')},`
    + ` connection ${app && app.getAttribute('data-test-connection-state')},`
    + ` runs seen ${window.__benchRuns}, charts`
    + ` ${document.querySelectorAll('[data-testid=stPlotlyChart]').length}, skeletons`
    + ` ${document.querySelectorAll('[data-testid=stSkeleton]').length}, map`
    + ` ${window.__bench && __bench.map() ? 'found' : 'missing'}, alerts ${JSON.stringify(alerts)}`;
}"""

ANIMATION_START_JS = """() => {
  const map = __bench.map();
  const comet = map._fullData.findIndex(t => t.name === 'comet');
  const group = [...map.querySelectorAll('.scatterlayer .trace')][comet];
  const look = () => [...group.querySelectorAll('.points path')].slice(0, 12)
    .map(p => p.getAttribute('transform')).join(';');
  const s = {anim: 0, raf: 0, moved: 0, first: null, lastAnim: null, maxGap: 0, stop: false};
  window.__anim = s;
  map.on('plotly_animatingframe', () => {
    const now = performance.now();
    if (s.first === null) s.first = now;
    s.anim += 1;
    s.lastAnim = now;
  });
  let seen = look(), prev = null;
  const tick = now => {
    if (s.stop) return;
    if (s.first !== null) {
      s.raf += 1;
      if (prev !== null) s.maxGap = Math.max(s.maxGap, now - prev);
      prev = now;
      const cur = look();
      if (cur !== seen) { s.moved += 1; seen = cur; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""

ANIMATION_STOP_JS = """() => {
  const s = window.__anim;
  s.stop = true;
  return {anim: s.anim, raf: s.raf, moved: s.moved, maxGap: s.maxGap,
          seconds: s.first === null ? 0 : (performance.now() - s.first) / 1000};
}"""

FIGURE_STATS_JS = """() => [...document.querySelectorAll(
    '[data-testid=stPlotlyChart] .js-plotly-plot')].map(p => ({
  traces: p.data.length,
  points: p._fullData.reduce((n, t) => n + (t.x ? t.x.length : 0), 0),
  frames: ((p._transitionData && p._transitionData._frames) || []).length,
  imageBytes: (p.layout.images || []).reduce((n, i) => n + String(i.source || '').length, 0),
  svgNodes: p.querySelectorAll('*').length,
  markerPaths: p.querySelectorAll('.scatterlayer path.point').length,
  texts: p.querySelectorAll('text').length,
  markerTraces: p._fullData.filter(t => (t.mode || '').includes('markers') && t.x)
    .map(t => `${t.name || '(unnamed)'} ${t.x.length}`).join(', '),
  isMap: p.data.some(t => t.name === 'comet'),
}))"""


# --- CPU time from /proc --------------------------------------------------------------------

def chromium_processes() -> dict[int, tuple[str, float]]:
    """CPU seconds of every Chromium process started under this one: pid -> (type, seconds);
    the type is Chromium's ``--type=`` (renderer, gpu-process, utility, zygote) or browser."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                parents[int(entry.name)] = int(stat_fields(int(entry.name))[1])
    mine, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - mine
        mine |= frontier
    found = {}
    for pid in mine:
        with contextlib.suppress(OSError, ValueError, IndexError):
            # Chromium rewrites its children's argv into one space-separated string
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"chromium" not in cmdline.split(b"\0")[0].split(b" ")[0]:
                continue
            kind = re.search(rb"--type=([\w-]+)", cmdline)
            found[pid] = (kind[1].decode() if kind else "browser", proc_cpu_seconds(pid))
    return found


def chromium_cpu_delta(before: dict[int, tuple[str, float]]) -> tuple[float, float]:
    """(renderer, all Chromium processes) CPU seconds since ``before`` (new pids count from 0;
    a process that ended in between is lost, which a page load does not do)."""
    after = chromium_processes()
    renderer = total = 0.0
    for pid, (kind, seconds) in after.items():
        delta = seconds - before.get(pid, (kind, 0.0))[1]
        total += delta
        if kind == "renderer":
            renderer += delta
    return renderer, total


# --- the browser ---------------------------------------------------------------------------

@dataclass
class Wire:
    """What the server sent to a page: websocket frames (binary protobuf) and the bodies of
    ``/media/`` responses (by their Content-Length).

    The browser reports frames decompressed; ``wire_bytes`` is what they cost on the wire
    under the permessage-deflate the server negotiates (``.streamlit/config.toml``): each
    frame through one raw-deflate stream with context takeover and a sync flush, as the
    extension does (zlib's default level, as tornado uses)."""

    ws_bytes: int = 0
    ws_frames: int = 0
    media_bytes: int = 0
    wire_bytes: int = 0
    first_frame_at: float | None = None
    deflate: Any = field(default_factory=lambda: zlib.compressobj(6, zlib.DEFLATED, -15))

    def mark(self) -> tuple[int, int, int, int]:
        self.first_frame_at = None
        return self.ws_bytes, self.ws_frames, self.media_bytes, self.wire_bytes

    def since(self, mark: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (self.ws_bytes - mark[0], self.ws_frames - mark[1], self.media_bytes - mark[2],
                self.wire_bytes - mark[3])

    def attach(self, page: Page) -> None:
        def on_frame(payload: str | bytes) -> None:
            if self.first_frame_at is None:
                self.first_frame_at = time.perf_counter()
            data = payload.encode() if isinstance(payload, str) else payload
            self.ws_frames += 1
            self.ws_bytes += len(data)
            packed = self.deflate.compress(data) + self.deflate.flush(zlib.Z_SYNC_FLUSH)
            self.wire_bytes += len(packed) - 4  # the extension drops the flush's 00 00 ff ff

        def on_response(response: Any) -> None:
            if urlsplit(response.url).path.startswith("/media/"):  # not /static/media fonts
                self.media_bytes += int(response.headers.get("content-length", 0) or 0)

        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        page.on("response", on_response)


@dataclass
class Tab:
    context: BrowserContext
    page: Page
    cdp: Any
    wire: Wire

    def metrics(self) -> dict[str, float]:
        reply = self.cdp.send("Performance.getMetrics")
        return {m["name"]: m["value"] for m in reply["metrics"]}

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.context.close()


def open_tab(browser: Browser, viewport: tuple[int, int]) -> Tab:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  device_scale_factor=1)
    context.add_init_script(PAGE_HELPERS)
    page = context.new_page()
    wire = Wire()
    wire.attach(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    return Tab(context, page, cdp, wire)


def wait_js(page: Page, condition: str, timeout: float) -> None:
    """Wait (polled every animation frame) for ``condition``; fail fast on an exception."""
    try:
        handle = page.wait_for_function(f"() => __bench.error() || ({condition})",
                                        polling="raf", timeout=timeout * 1000)
    except PlaywrightTimeoutError as error:
        seen = page.evaluate(PAGE_STATE_JS) if not page.is_closed() else "page closed"
        raise TimeoutError(f"{condition} still false after {timeout:.0f} s; {seen}") from error
    value = handle.json_value()
    if isinstance(value, str) and value.startswith("exception"):
        raise RuntimeError(value)


def learning_rate_slider(page: Page, optimizer: str, timeout: float) -> Locator:
    """The thumb of ``optimizer``'s "Learning rate" select_slider, found by its label (its
    ARIA name), in this order: a visible "Adam · Learning rate η" (per-optimizer values, the
    default scene), a visible shared "Learning rate η", one inside a closed expander whose
    title starts with the optimizer's name (opened first). Searched in the whole app (the
    sidebar and beside the map). Streamlit 1.67's thumb is an ``input type=range`` (implicit
    ARIA role "slider", so ``[role=slider]`` does not match it)."""
    app = page.locator("[data-testid=stApp]")
    opt = re.escape(optimizer)
    for name in (re.compile(rf"^{opt}\b.*Learning rate"), re.compile(r"^Learning rate")):
        visible = app.get_by_role("slider", name=name).filter(visible=True)
        if visible.count():
            return visible.first
    title = page.locator("summary [data-testid=stMarkdownContainer]",
                         has_text=re.compile(rf"^{opt}\b"))
    expanders = app.locator("[data-testid=stExpander]").filter(
        has=title).filter(has=page.get_by_role("slider", name=re.compile("Learning rate")))
    if not expanders.count():
        raise RuntimeError(f"no learning-rate slider for {optimizer!r} on the page")
    expander = expanders.first
    if not expander.locator("details").first.evaluate("d => d.open"):
        expander.locator("summary").first.click(timeout=timeout * 1000)
    thumb = expander.get_by_role("slider", name=re.compile("Learning rate")).first
    thumb.wait_for(state="visible", timeout=timeout * 1000)
    return thumb


def slider_value(thumb: Locator) -> str:
    return thumb.get_attribute("aria-valuetext") or thumb.input_value()


# --- measurements --------------------------------------------------------------------------

@dataclass
class Results:
    """Samples per figure, in insertion order: name -> (values, formatter)."""

    rows: dict[str, tuple[list[float], Callable[[float], str]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: float, fmt: Callable[[float], str]) -> None:
        self.rows.setdefault(name, ([], fmt))[0].append(value)

    def table(self) -> str:
        lines = ["| figure | measured |", "|---|---|"]
        for name, (values, fmt) in self.rows.items():
            median = statistics.median(values)
            cell = fmt(median)
            if len(values) > 1:
                cell += f" (min {fmt(min(values))}, max {fmt(max(values))})"
            lines.append(f"| {name} | {cell} |")
        return "\n".join(lines)


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def millis(value: float) -> str:
    return f"{1000 * value:.0f} ms"


def kilobytes(value: float) -> str:
    return f"{value / 1000:.0f} kB"


def per_second(value: float) -> str:
    return f"{value:.1f} /s"


def count(value: float) -> str:
    return f"{value:.0f}"


def cold_start(browser: Browser, viewport: tuple[int, int], log_dir: Path, timeout: float,
               results: Results) -> None:
    tab = open_tab(browser, viewport)
    server = Server(log_dir)
    try:
        healthy = server.wait_healthy(timeout, HEALTH_POLL)
        tab.page.goto(server.url + PLAYGROUND, wait_until="commit", timeout=timeout * 1000)
        wait_js(tab.page, "__bench.mapDrawn()", timeout)
        drawn = time.perf_counter() - server.launched
    finally:
        tab.close()
        server.stop()
    results.add("cold start: server launch -> health check answers", healthy, seconds)
    results.add("**cold start: server launch -> map drawn**", drawn, seconds)


def warm_load(tab: Tab, server: Server, timeout: float, results: Results) -> None:
    """A new context's first ``goto`` of the playground -> the map drawn."""
    page = tab.page
    page.wait_for_timeout(SETTLE_MS)
    mark, metrics0 = tab.wire.mark(), tab.metrics()
    chromium0, server0 = chromium_processes(), server.cpu_seconds()
    start = time.perf_counter()
    page.goto(server.url + PLAYGROUND, wait_until="commit", timeout=timeout * 1000)
    wait_js(page, "__bench.mapDrawn()", timeout)
    drawn = time.perf_counter() - start
    renderer, chromium = chromium_cpu_delta(chromium0)
    metrics = tab.metrics()
    wait_js(page, "__bench.pageIdle()", timeout)
    idle = time.perf_counter() - start
    page.wait_for_timeout(150)  # frames already sent reach the counters
    ws_bytes, _, media, wire = tab.wire.since(mark)
    results.add("**warm load: new tab, goto -> map drawn**", drawn, seconds)
    results.add("warm load: goto -> app idle, every chart drawn", idle, seconds)
    results.add("warm load: websocket bytes received (to idle, decompressed)", ws_bytes,
                kilobytes)
    results.add("warm load: websocket bytes on the wire (deflate, to idle)", wire, kilobytes)
    if media:
        results.add("warm load: /media bytes (HTTP, to idle)", media, kilobytes)
    for key, label in [("TaskDuration", "all tasks"), ("ScriptDuration", "JS"),
                       ("LayoutDuration", "layout"), ("RecalcStyleDuration", "style")]:
        results.add(f"warm load: browser main thread, {label} (CDP, to map drawn)",
                    metrics[key] - metrics0.get(key, 0.0), millis)
    results.add("warm load: Chromium renderer CPU (/proc, to map drawn)", renderer, millis)
    results.add("warm load: all Chromium processes CPU (/proc, to map drawn)", chromium, millis)
    results.add("warm load: server CPU (/proc, to idle)", server.cpu_seconds() - server0,
                millis)
    results.add("warm load: DOM nodes after load (CDP)", metrics["Nodes"], count)


def repeat_visit(tab: Tab, timeout: float, results: Results) -> None:
    """The same tab loads the playground again (a student who reloads, or opens the link a
    second time): the browser's cache and compiled code are warm, the session is new."""
    page = tab.page
    page.wait_for_timeout(SETTLE_MS)
    chromium0 = chromium_processes()
    start = time.perf_counter()
    page.reload(wait_until="commit", timeout=timeout * 1000)
    wait_js(page, "__bench.mapDrawn()", timeout)
    drawn = time.perf_counter() - start
    renderer, _ = chromium_cpu_delta(chromium0)
    results.add("repeat visit (same browser, reload): -> map drawn", drawn, seconds)
    results.add("repeat visit: Chromium renderer CPU (/proc, to map drawn)", renderer, millis)


def slider_change(tab: Tab, server: Server, key: str, label: str, optimizer: str,
                  timeout: float, results: Results) -> str:
    """Press ``key`` on the learning-rate thumb; time -> the map's data changed + app idle."""
    page = tab.page
    thumb = learning_rate_slider(page, optimizer, timeout)
    before_value = slider_value(thumb)
    fingerprint = page.evaluate("() => __bench.fingerprint()")
    thumb.focus()
    page.wait_for_timeout(200)  # a quiet start: no frame in flight, focus settled
    mark, metrics0 = tab.wire.mark(), tab.metrics()
    chromium0, server0 = chromium_processes(), server.cpu_seconds()
    start = time.perf_counter()
    thumb.press(key)
    wait_js(page, f"__bench.fingerprint() !== {json.dumps(fingerprint)}", timeout)
    changed = time.perf_counter() - start
    wait_js(page, f"__bench.fingerprint() !== {json.dumps(fingerprint)} && __bench.idle()"
                  " && __bench.chartsDrawn() && __bench.mapDrawn()", timeout)
    idle = time.perf_counter() - start
    renderer, _ = chromium_cpu_delta(chromium0)
    metrics = tab.metrics()
    server_cpu = server.cpu_seconds() - server0
    first = tab.wire.first_frame_at
    page.wait_for_timeout(150)
    ws_bytes, frames, media, wire = tab.wire.since(mark)
    results.add(f"**{label}: key -> map updated, app idle**", idle, seconds)
    results.add(f"{label}: key -> map data changed", changed, seconds)
    if first is not None:
        results.add(f"{label}: key -> first websocket frame", first - start, seconds)
    results.add(f"{label}: websocket bytes received (decompressed)", ws_bytes, kilobytes)
    results.add(f"**{label}: websocket bytes on the wire (deflate)**", wire, kilobytes)
    results.add(f"{label}: websocket frames received", frames, count)
    if media:
        results.add(f"{label}: /media bytes (HTTP)", media, kilobytes)
    results.add(f"{label}: server CPU (/proc)", server_cpu, millis)
    results.add(f"{label}: browser main thread, all tasks (CDP)",
                metrics["TaskDuration"] - metrics0["TaskDuration"], millis)
    results.add(f"{label}: Chromium renderer CPU (/proc)", renderer, millis)
    return f"{before_value} -> {slider_value(learning_rate_slider(page, optimizer, timeout))}"


def slider_changes(tab: Tab, server: Server, repeat: int, args: argparse.Namespace,
                   results: Results) -> None:
    """A change to a value never run before, then back (a scene the server has cached).
    Every repeat's tab starts at the default value, so repeat ``i`` first steps ``i`` times
    (values computed by earlier repeats) to reach a new one."""
    for _ in range(repeat):
        slider_change(tab, server, "ArrowRight", "warm-up", args.optimizer, args.timeout,
                      Results())
    moved = slider_change(tab, server, "ArrowRight", "slider change, new value (nothing cached)",
                          args.optimizer, args.timeout, results)
    back = slider_change(tab, server, "ArrowLeft", "slider change back (cached scene)",
                         args.optimizer, args.timeout, results)
    log(f"  learning rate {moved}, then {back}")


def attempt(results: Results, what: str, action: Callable[..., Any], *args: Any) -> bool:
    """Run one measurement, ``action(*args)``; on failure note why (once) and go on."""
    try:
        action(*args)
    except Exception as error:
        first_line = (str(error).strip().splitlines() or [""])[0][:300]
        note = f"{what}: not measured ({type(error).__name__}: {first_line})"
        log(note)
        if note not in results.notes:
            results.notes.append(note)
        return False
    return True


def playback(tab: Tab, play_seconds: float, timeout: float, results: Results) -> None:
    """Play on the map for ``play_seconds``, then Pause."""
    page = tab.page
    page.evaluate(ANIMATION_START_JS)
    buttons = page.locator(".js-plotly-plot .updatemenu-button")
    metrics0, chromium0 = tab.metrics(), chromium_processes()
    buttons.first.click(timeout=timeout * 1000)
    page.wait_for_function("() => window.__anim.first !== null", timeout=timeout * 1000)
    page.wait_for_timeout(play_seconds * 1000)
    stats = page.evaluate(ANIMATION_STOP_JS)
    metrics = tab.metrics()
    renderer, _ = chromium_cpu_delta(chromium0)
    buttons.nth(1).click(timeout=timeout * 1000)  # Pause
    span = max(stats["seconds"], 1e-9)
    results.add("**playback: Plotly animation frames (plotly_animatingframe)**",
                stats["anim"] / span, per_second)
    results.add("playback: requestAnimationFrame callbacks (paint rate)",
                stats["raf"] / span, per_second)
    results.add("playback: rAF callbacks in which the comet moved", stats["moved"] / span,
                per_second)
    results.add("playback: longest gap between rAF callbacks", stats["maxGap"] / 1000, millis)
    results.add("playback: browser main thread busy (CDP TaskDuration / wall time)",
                100 * (metrics["TaskDuration"] - metrics0["TaskDuration"]) / span,
                lambda v: f"{v:.0f} %")
    results.add("playback: Chromium renderer CPU (/proc, % of one core)",
                100 * renderer / span, lambda v: f"{v:.0f} %")


def page_load(browser: Browser, server: Server, viewport: tuple[int, int], path: str,
              repeats: int, timeout: float, results: Results) -> None:
    """One page: a warm-up visit (the server's caches for it), then ``repeats`` timed ones."""
    label = ""
    for attempt_no in range(repeats + 1):
        tab = open_tab(browser, viewport)
        try:
            tab.page.wait_for_timeout(SETTLE_MS)
            start = time.perf_counter()
            tab.page.goto(server.url + path, wait_until="commit", timeout=timeout * 1000)
            wait_js(tab.page, "__bench.pageIdle()", timeout)
            elapsed = time.perf_counter() - start
            charts = tab.page.locator("[data-testid=stPlotlyChart]").count()
        finally:
            tab.close()
        if attempt_no:
            label = label or f"warm load -> idle: `{path}` ({charts} charts)"
            results.add(label, elapsed, seconds)


def page_loads(browser: Browser, server: Server, viewport: tuple[int, int], repeats: int,
               timeout: float, results: Results) -> None:
    """Every page of the navigation (``/`` for the home page)."""
    for entry in [e for entries in SECTIONS.values() for e in entries]:
        path = "/" if entry == HOME else "/" + entry.url_path
        attempt(results, f"page {path}", page_load, browser, server, viewport, path, repeats,
                timeout, results)


# --- profile: where the browser's time goes -------------------------------------------------

TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"]
JS_EVENTS = {"FunctionCall", "RunMicrotasks", "TimerFire", "EventDispatch", "FireAnimationFrame",
             "HandlePostMessage", "FireIdleCallback", "XHRReadyStateChange", "XHRLoad"}
STYLE_EVENTS = {"UpdateLayoutTree", "ParseAuthorStyleSheet", "RecalculateStyles"}
PAINT_EVENTS = {"PrePaint", "Paint", "Layerize", "Commit", "UpdateLayer", "CompositeLayers",
                "PaintImage", "Decode Image", "UpdateLayerTree", "RasterTask"}


def trace_bucket(name: str) -> str:
    """A trace event's kind of work, for the main-thread breakdown."""
    if name in {"v8.evaluateModule", "v8.compileModule", "v8.compile", "EvaluateScript",
                "v8.produceModuleCache", "v8.produceCache", "v8.parseOnBackground"}:
        return "JS bundles: compile + module top level"
    if "GC" in name:
        return "garbage collection"
    if name in JS_EVENTS or name.startswith(("V8.", "v8.")):
        return "JS: app code (React, Plotly drawing, handlers)"
    if name in STYLE_EVENTS:
        return "style recalculation"
    if "Layout" in name:
        return "layout"
    if name in PAINT_EVENTS:
        return "paint + composite"
    if name == "ParseHTML":
        return "HTML parse"
    if name == "RunTask":
        return "task overhead / untraced native work"
    return "other"


def self_times(events: list[dict]) -> dict[str, float]:
    """Self time (ms) per trace-event name on one thread's complete ('X') events: each
    event's duration minus that of the events nested in it."""
    totals: dict[str, float] = defaultdict(float)
    stack: list[dict[str, Any]] = []
    for event in sorted(events, key=lambda e: (e["ts"], -e.get("dur", 0))):
        start = event["ts"]
        while stack and stack[-1]["end"] <= start:
            done = stack.pop()
            totals[done["name"]] += (done["dur"] - done["child"]) / 1000
        dur = event.get("dur", 0)
        if stack:
            dur = min(dur, stack[-1]["end"] - start)
            stack[-1]["child"] += dur
        stack.append({"name": event["name"], "end": start + dur, "dur": dur, "child": 0.0})
    for done in stack:
        totals[done["name"]] += (done["dur"] - done["child"]) / 1000
    return totals


def waterfall_load(browser: Browser, server: Server, viewport: tuple[int, int],
                   timeout: float) -> list[str]:
    """An uninstrumented warm playground load: when the pieces arrive, when the map is drawn;
    and the figures as the browser holds them."""
    tab = open_tab(browser, viewport)
    marks: dict[str, float] = {}
    frames: list[tuple[float, int]] = []
    scripts: list[tuple[float, str, int]] = []

    def on_frame(payload: str | bytes) -> None:
        frames.append((time.perf_counter(), len(payload)))

    def on_finished(request: Any) -> None:
        if request.resource_type == "script":
            response = request.response()
            size = int(response.headers.get("content-length", 0) or 0) if response else 0
            scripts.append((time.perf_counter(), request.url.rsplit("/", 1)[-1], size))

    def on_websocket(ws: Any) -> None:
        marks.setdefault("websocket opened", time.perf_counter())
        ws.on("framereceived", on_frame)

    tab.page.on("websocket", on_websocket)
    tab.page.on("requestfinished", on_finished)
    try:
        start = time.perf_counter()
        tab.page.goto(server.url + PLAYGROUND, wait_until="commit", timeout=timeout * 1000)
        wait_js(tab.page, "__bench.mapDrawn()", timeout)
        marks["map drawn"] = time.perf_counter()
        wait_js(tab.page, "__bench.pageIdle()", timeout)
        marks["idle, all charts drawn"] = time.perf_counter()
        figures = tab.page.evaluate(FIGURE_STATS_JS)
    finally:
        tab.close()
    if frames:
        marks["first websocket frame"] = frames[0][0]
        for rank, (when, size) in enumerate(sorted(frames, key=lambda f: -f[1])[:3]):
            marks[f"websocket frame #{rank + 1} by size ({size / 1000:.0f} kB)"] = when
    if scripts:
        when, name, size = max(scripts, key=lambda s: s[2])
        marks[f"largest script {name} ({size / 1e6:.1f} MB) loaded"] = when
    steps = ", ".join(f"{name} {at - start:.2f} s"
                      for name, at in sorted(marks.items(), key=lambda kv: kv[1]))
    lines = [f"warm load timeline (after goto): {steps} (the largest frames are the "
             "figures' specs: the map, then the two curve charts)"]
    for i, fig in enumerate(figures):
        kind = "the map" if fig["isMap"] else f"chart {i + 1}"
        image = f", layout images {fig['imageBytes'] / 1000:.0f} kB" if fig["imageBytes"] else ""
        lines.append(f"{kind} in the browser: {fig['traces']} traces, {fig['points']} points, "
                     f"{fig['frames']} animation frames{image}; {fig['svgNodes']} SVG nodes "
                     f"({fig['markerPaths']} marker paths, {fig['texts']} texts)"
                     + (f"; marker traces: {fig['markerTraces']}" if fig["markerTraces"] else ""))
    return lines


def trace_load(browser: Browser, server: Server, viewport: tuple[int, int],
               timeout: float) -> list[str]:
    """A warm playground load under a Chromium trace: the renderer main thread's self time
    by kind of work, and its long tasks."""
    tab = open_tab(browser, viewport)
    try:
        browser.start_tracing(page=tab.page, categories=TRACE_CATEGORIES)
        start = time.perf_counter()
        tab.page.goto(server.url + PLAYGROUND, wait_until="commit", timeout=timeout * 1000)
        wait_js(tab.page, "__bench.mapDrawn()", timeout)
        drawn = time.perf_counter() - start
        trace = json.loads(browser.stop_tracing())
    finally:
        tab.close()
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("ph") == "M" and e.get("name") == "thread_name"
            and e.get("args", {}).get("name") == "CrRendererMain"}
    by_thread: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and (e["pid"], e["tid"]) in main:
            by_thread[(e["pid"], e["tid"])].append(e)
    if not by_thread:
        return ["trace: no renderer main thread found"]
    thread = max(by_thread.values(), key=len)  # the page's (others: blank pages, idle)
    tasks = [e["dur"] / 1000 for e in thread if e["name"] == "RunTask"]
    long_tasks = sorted((d for d in tasks if d >= 50), reverse=True)
    buckets: dict[str, float] = defaultdict(float)
    names = self_times(thread)
    for name, ms in names.items():
        buckets[trace_bucket(name)] += ms
    total = sum(buckets.values())
    top = sorted(buckets.items(), key=lambda kv: -kv[1])
    return [
        f"traced warm load (tracing slows it; map drawn after {drawn:.2f} s): renderer main "
        f"thread busy {sum(tasks):.0f} ms in {len(tasks)} tasks, {len(long_tasks)} of them long "
        f"(>= 50 ms: {', '.join(f'{d:.0f}' for d in long_tasks[:8])} ms)",
        "main-thread time by kind (trace self time): "
        + ", ".join(f"{kind} {ms:.0f} ms ({100 * ms / total:.0f} %)" for kind, ms in top),
        "largest trace events (self): " + ", ".join(
            f"{name} {ms:.0f} ms" for name, ms in sorted(names.items(), key=lambda kv: -kv[1])[:6]),
    ]


def profile_load(browser: Browser, server: Server, viewport: tuple[int, int],
                 timeout: float) -> list[str]:
    """A warm playground load under V8's sampling profiler: JS self time by script and by
    function (the Plotly chunk is recognised by its content)."""
    tab = open_tab(browser, viewport)
    try:
        tab.cdp.send("Profiler.enable")
        tab.cdp.send("Profiler.setSamplingInterval", {"interval": 250})
        tab.cdp.send("Profiler.start")
        tab.page.goto(server.url + PLAYGROUND, wait_until="commit", timeout=timeout * 1000)
        wait_js(tab.page, "__bench.mapDrawn()", timeout)
        profile = tab.cdp.send("Profiler.stop")["profile"]
        nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
        by_url: dict[str, float] = defaultdict(float)
        by_function: dict[tuple[str, str], float] = defaultdict(float)
        for node_id, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
            frame = nodes[node_id]
            url = frame.get("url") or frame.get("functionName") or "(native)"
            by_url[url] += delta / 1000
            by_function[(url, frame.get("functionName") or "(anonymous)")] += delta / 1000
        labels = {}
        for url in sorted(by_url, key=lambda u: -by_url[u])[:8]:
            labels[url] = url.rsplit("/", 1)[-1]
            if url.startswith("http"):
                with contextlib.suppress(Exception):
                    if "plotly_animatingframe" in tab.context.request.get(url).text():
                        labels[url] += " = plotly.js"
    finally:
        tab.close()
    not_js = {"(idle)", "(program)"}
    busy = sum(ms for url, ms in by_url.items() if url not in not_js)
    scripts = [u for u in labels if u not in not_js]
    top = [(k, ms) for k, ms in sorted(by_function.items(), key=lambda kv: -kv[1])
           if k[0] not in not_js][:6]
    return [
        f"V8 sampling profile (to map drawn): JS + GC {busy:.0f} ms; by script: "
        + ", ".join(f"{labels[u]} {by_url[u]:.0f} ms" for u in scripts),
        "hottest functions (self): " + ", ".join(
            f"{name} in {labels.get(url, url.rsplit('/', 1)[-1])} {ms:.0f} ms"
            for (url, name), ms in top),
    ]


# --- main ----------------------------------------------------------------------------------

def parse_viewport(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)[xX](\d+)", text)
    if not match:
        raise argparse.ArgumentTypeError("viewport is WIDTHxHEIGHT, e.g. 1440x900")
    return int(match[1]), int(match[2])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--viewport", type=parse_viewport, default=(1440, 900),
                        help="browser viewport WIDTHxHEIGHT (default 1440x900)")
    parser.add_argument("--optimizer", default="Adam",
                        help="whose learning-rate slider to move (default Adam)")
    parser.add_argument("--play-seconds", type=float, default=3.0,
                        help="playback measured for this long (default 3)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds allowed for any one wait (default 120)")
    parser.add_argument("--deadline", type=float, default=1800.0,
                        help="the whole run is stopped after this many seconds (default 1800)")
    parser.add_argument("--skip-pages", action="store_true", help="only the playground")
    parser.add_argument("--profile", action="store_true",
                        help="add a traced and a profiled load: where the browser's time goes")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return args


def header(browser: Browser, args: argparse.Namespace, load_at_start: float) -> list[str]:
    import plotly
    import streamlit

    width, height = args.viewport
    load_at_end = os.getloadavg()[0]
    return [f"commit {commit()}; Streamlit "
            f"{streamlit.__version__}, Plotly {plotly.__version__}, Chromium {browser.version} "
            f"(headless, software rendering); viewport {width}x{height}; "
            f"{os.cpu_count()} CPUs ({platform.machine()}), load average "
            f"{load_at_start:.1f} at the start, {load_at_end:.1f} at the end; median of "
            f"{args.repeats} (min, max); default scene (6 optimizers x 1000 steps)"
            + ("; THE MACHINE WAS BUSY (load average above the CPU count): figures inflated"
               if machine_busy(load_at_start, load_at_end) else "")]


def run(args: argparse.Namespace) -> None:
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} is missing (apt-get install chromium)")
    results = Results()
    extra: list[str] = []
    load_at_start = os.getloadavg()[0]
    log_dir = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    timeout, viewport = args.timeout, args.viewport
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                     timeout=timeout * 1000)
        try:
            for i in range(args.repeats):
                log(f"cold start {i + 1}/{args.repeats}")
                cold_start(browser, viewport, log_dir, timeout, results)
            server = Server(log_dir)
            server.wait_healthy(timeout, HEALTH_POLL)
            log("warm-up visit")
            tab = open_tab(browser, viewport)
            try:
                tab.page.goto(server.url + PLAYGROUND, wait_until="commit",
                              timeout=timeout * 1000)
                wait_js(tab.page, "__bench.pageIdle() && __bench.mapDrawn()", timeout)
            finally:
                tab.close()
            for i in range(args.repeats):
                log(f"warm load, slider, playback {i + 1}/{args.repeats}")
                tab = open_tab(browser, viewport)
                try:
                    if not attempt(results, "warm load", warm_load, tab, server, timeout,
                                   results):
                        continue
                    tab.page.wait_for_timeout(500)
                    attempt(results, "playback", playback, tab, args.play_seconds, timeout,
                            results)
                    tab.page.wait_for_timeout(500)
                    attempt(results, "slider change", slider_changes, tab, server, i, args,
                            results)
                    attempt(results, "repeat visit", repeat_visit, tab, timeout, results)
                finally:
                    tab.close()
            if not args.skip_pages:
                log("page loads")
                page_loads(browser, server, viewport, args.repeats, timeout, results)
            if args.profile:
                log("profile")
                for profiled in (waterfall_load, trace_load, profile_load):
                    attempt(results, profiled.__name__,
                            lambda f: extra.extend(f(browser, server, viewport, timeout)),
                            profiled)
            lines = header(browser, args, load_at_start)
        finally:
            stop_all_servers()
            with contextlib.suppress(Exception):
                browser.close()
    if results.notes:
        log(f"server logs kept in {log_dir}")
    else:
        shutil.rmtree(log_dir, ignore_errors=True)
    print("\n".join(lines))
    print()
    print(results.table())
    if results.notes:
        print()
        print("\n".join(f"* {note}" for note in results.notes))
    if extra:
        print()
        print("\n".join(f"* {line}" for line in extra))


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    timer = watchdog(args.deadline, "bench_browser")
    try:
        with terminated_cleanly():
            run(args)
    finally:
        timer.cancel()


if __name__ == "__main__":
    main()
