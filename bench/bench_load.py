"""Many visitors at once: slider-change latency of the playground under concurrent sessions.

    PYTHONPATH=. .venv/bin/python bench/bench_load.py [--sessions 1,10,30,60] [--changes 10]
        [--cached] [--one-server] [--timeout 300] [--deadline 3600]

``bench_browser.py`` times one visitor in a real browser; this script asks what a classroom
does to the server. It starts ``streamlit run app.py`` itself (headless, on a free
127.0.0.1 port, loopback only) and, for each scenario of ``--sessions`` (1, 10, 30, 60 by
default), opens that many sessions at once, each speaking Streamlit's own websocket protocol
as the browser does (no browser: the client is a few hundred lines below):

* connect to ``ws://127.0.0.1:PORT/_stcore/stream`` with the ``streamlit`` subprotocol and
  permessage-deflate (Streamlit 1.67 serves it with Starlette and uvicorn; the client is the
  ``websockets`` package Streamlit itself depends on, no new dependency);
* send a ``BackMsg.rerun_script`` for ``page_name="playground"`` (as the frontend does for
  ``/playground``; later runs send the page's ``page_script_hash`` from the ``navigation``
  message), read ``ForwardMsg`` s until ``script_finished``;
* keep what the frontend keeps between runs: every widget's current value (the state each
  widget registers when it is drawn: the proto's default, or its value when the server sets
  one), the query string the server writes (``page_info_changed``; the page reseeds its
  widgets from the URL when it changes under it), and the message cache (large elements are
  cached by hash; the client lists the hashes it holds in ``cached_message_hashes`` and the
  server sends a ``ref_hash`` in place of an element the client has; entries older than
  ``max_cached_message_age`` runs are dropped, as in the frontend).

Then each session makes ``--changes`` slider changes back to back: the learning rate of Adam
(the ``select_slider`` whose widget id ends with ``pg_lr__adam``) moved to another notch,
with every widget's state sent, as the frontend does. One rerun latency is the time from
sending that ``rerun_script`` to its ``script_finished``. By default every change is a scene
nobody has run yet (the sessions take disjoint runs of consecutive notches, alternately above
and below the default 0.05, so nothing is cached); ``--cached`` toggles every session between
the notch above the default and the default (both run once before the timing: the server's
caches hit). A rerun is an error when it does not finish with ``FINISHED_SUCCESSFULLY``, when
an ``exception`` element is drawn, when a referenced message is missing from the client's
cache, when an error alert is drawn (``app.py`` turns a crash of the page into one), or when
the session sees another scene than its own: the query string the page writes must carry the
learning rate the session sent (``lr.adam``), and the map's Adam path (a digest of its traces
in the chart's spec) must not be one seen under another learning rate in the scenario (the
sessions' notches are disjoint, so a path shared by two rates is a scene shown to the wrong
session). A rerun is lost when no ``script_finished`` comes within ``--timeout`` seconds or
the connection ends (that session then stops).

Printed: a line with the commit, Streamlit's version, the CPU count and the load average
(a loud warning when it was above the CPU count), then a markdown table (ready for the
README) with, per scenario: rerun p50 / p95 / max (nearest rank), reruns done / expected,
errors, lost reruns, reruns per second, the server's CPU time (``/proc/<pid>/stat``
utime + stime, all threads) during the changes divided by the reruns, its resident memory
after the scenario (``VmRSS``, and the peak ``VmHWM``) and the bytes received per rerun. A
fresh server per scenario (so memory is per scenario), or one for all with ``--one-server``.
Each server first serves one warm-up visit (imports, terrain, the unchanged optimizers' runs).

Robust by design: every wait has a timeout, a watchdog ends the run (exit code 3) after
``--deadline`` seconds, and every server it started is stopped on the way out, whatever
happened. The client runs in this process on the same machine, so it competes with the
server for the CPUs; its own CPU time is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException
from websockets.typing import Subprotocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_server import (  # noqa: E402
    CLK_TCK,
    Server,
    commit,
    log,
    machine_busy,
    stop_all_servers,
    terminated_cleanly,
    watchdog,
)

PAGE = "playground"  # the page's url_path
LR_KEY = "pg_lr__adam"  # Adam's learning-rate select_slider (its user key)
MAP_KEY = "pg_map"  # the map's plotly_chart
LR_PARAM = "lr.adam"  # the URL parameter the page writes for Adam's own learning rate
SHARED_PARAM, SHARED_DEFAULT = "lr", "0.002"  # the shared one, and its default in the URL
# format (``ui.scene.plain_scene``): the page leaves Adam's out when it equals the shared one
ADAM_TRACE = "Adam"  # the legend group of Adam's path on the map (English, the default)
MAX_MESSAGE = 256 * 2**20  # the client's bound on one websocket message (the server's is 200 MB)
FINISHED = ForwardMsg.ScriptFinishedStatus
EXPIRED = threading.Event()  # set by the watchdog: the run is over, whatever it measured
CONTEXT = {"timezone": "UTC", "timezone_offset": 0, "locale": "en-US", "color_scheme": "light"}


# --- the machine ---------------------------------------------------------------------------

def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine spent busy so far (``/proc/stat``: user, nice,
    system, irq, softirq, steal, summed over the CPUs)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


# --- the client: Streamlit's protocol, as the frontend speaks it ---------------------------

def widget_state(kind: str, element: Any) -> WidgetState | None:
    """The state a widget registers when the frontend draws it (``useBasicWidgetState``: the
    proto's default, or its current value when the server set one), encoded as the frontend
    encodes it; ``None`` for widgets that register nothing until the user acts (buttons,
    chart selections) or whose encoding this client does not know."""
    state = WidgetState(id=element.id)
    use_value = element.set_value
    if kind == "checkbox":  # st.checkbox and st.toggle
        state.bool_value = element.value if use_value else element.default
    elif kind == "slider":
        if element.type == element.SELECT_SLIDER:  # formatted options, not indices
            values = (list(element.raw_value) if use_value and element.raw_value
                      else [element.options[int(i)] for i in element.default])
            state.string_array_value.data.extend(values)
        else:
            state.double_array_value.data.extend(element.value if use_value
                                                 else element.default)
    elif kind in ("selectbox", "radio"):
        if use_value:
            if not element.HasField("raw_value"):
                return None
            state.string_value = element.raw_value
        elif element.HasField("default") and element.options:
            state.string_value = element.options[element.default]
        else:
            return None
    elif kind == "multiselect":
        state.string_array_value.data.extend(
            element.raw_values if use_value else [element.options[i] for i in element.default])
    elif kind == "button_group":  # st.segmented_control and st.pills
        if use_value:
            values = list(element.raw_values)
        else:
            values = [f"{o.content_icon} {o.content}".strip()
                      for o in (element.options[i] for i in element.default
                                if 0 <= i < len(element.options))]
        state.string_array_value.data.extend(v for v in values if v)
    elif kind == "number_input":
        number = (element.value if use_value and element.HasField("value")
                  else element.default if element.HasField("default") else None)
        if number is None:
            return None
        if element.data_type == element.INT:
            state.int_value = int(number)
        else:
            state.double_value = number
    elif kind in ("text_input", "text_area"):
        text = (element.value if use_value and element.HasField("value")
                else element.default if element.HasField("default") else None)
        if text is None:
            return None
        state.string_value = text
    elif kind == "color_picker":
        state.string_value = element.value if use_value else element.default
    else:
        return None
    return state


WIDGETS_WITHOUT_STATE = {"button", "download_button", "plotly_chart", "link_button",
                         "page_link", "menu_button"}


@dataclass
class Run:
    """What one script run sent: its outcome and what the checks need."""

    seconds: float = 0.0
    status: int | None = None  # script_finished's status; None: no end seen
    errors: list[str] = field(default_factory=list)
    received: int = 0  # bytes of ForwardMsgs (decompressed)
    refs: int = 0  # elements sent as a reference to the client's cache
    early: int = 0  # runs the server cut short for a rerun it started itself
    map_spec: str | None = None  # the spec of the map drawn by this run


class LostRunError(Exception):
    """No ``script_finished`` in time, or the connection ended mid-run."""


class Session:
    """One visitor: a websocket to the server and the state a browser tab keeps."""

    def __init__(self, port: int, number: int, timeout: float) -> None:
        self.port, self.number, self.timeout = port, number, timeout
        self.ws: ClientConnection | None = None
        self.widgets: dict[str, WidgetState] = {}  # id -> current value, in draw order
        self.query_string = ""
        self.page_script_hash = ""
        self.cache: dict[str, list[Any]] = {}  # hash -> [encoded ForwardMsg, run count]
        self.run_count = 0
        self.max_age = 2  # Streamlit's default; new_session's config says the real one
        self.unknown_widgets: Counter[str] = Counter()
        self.lr_id: str | None = None
        self.lr_options: list[str] = []  # the slider's formatted options (its wire values)
        self.lr_default = -1  # the index of the value the page first drew

    async def connect(self) -> None:
        self.ws = await connect(
            f"ws://127.0.0.1:{self.port}/_stcore/stream",
            subprotocols=[Subprotocol("streamlit")], compression="deflate", proxy=None,
            max_size=MAX_MESSAGE, open_timeout=self.timeout, close_timeout=5,
            ping_interval=None)  # a browser answers pings, it sends none

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 10)

    def _rerun_message(self, states: list[WidgetState]) -> bytes:
        back = BackMsg()
        rerun = back.rerun_script
        rerun.query_string = self.query_string
        rerun.widget_states.widgets.extend(states)
        rerun.widget_states.SetInParent()
        if self.page_script_hash:
            rerun.page_script_hash = self.page_script_hash
        else:
            rerun.page_name = PAGE
        rerun.cached_message_hashes.extend(self.cache)
        rerun.context_info.url = f"http://127.0.0.1:{self.port}/{PAGE}" + (
            f"?{self.query_string}" if self.query_string else "")
        for name, value in CONTEXT.items():
            setattr(rerun.context_info, name, value)
        return back.SerializeToString()

    async def rerun(self, moved: WidgetState | None = None) -> Run:
        """Send a ``rerun_script`` with every widget's state (``moved`` in place of its old
        value) and read to the end of the run; raise ``LostRunError`` when it does not end in
        time. The widget states kept for the next run are those of the widgets this run
        drew (the frontend drops the others)."""
        assert self.ws is not None
        states = [moved if moved is not None and moved.id == wid else state
                  for wid, state in self.widgets.items()]
        run = Run()
        drawn: dict[str, WidgetState] = {}
        start = time.perf_counter()
        deadline = start + self.timeout
        try:
            await asyncio.wait_for(self.ws.send(self._rerun_message(states)), self.timeout)
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError
                data = await asyncio.wait_for(self.ws.recv(decode=False), left)
                run.received += len(data)
                if self._handle(data, run, drawn, moved):
                    break
        except (TimeoutError, WebSocketException, OSError) as error:
            what = (f"no script_finished within {self.timeout:.0f} s"
                    if isinstance(error, TimeoutError)
                    else f"connection ended ({type(error).__name__}: {error})")
            raise LostRunError(what) from error
        run.seconds = time.perf_counter() - start
        if run.status in (FINISHED.FINISHED_SUCCESSFULLY,
                          FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
            self.widgets = drawn  # removeInactiveWidgetState: only what this run drew
        return run

    def _handle(self, data: bytes, run: Run, drawn: dict[str, WidgetState],
                moved: WidgetState | None) -> bool:
        """Process one ForwardMsg; True at the end of the run."""
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":  # an element the client has: take it from the cache
            entry = self.cache.get(msg.ref_hash)
            if entry is None:
                run.errors.append("cache miss: the server referred to a message the client "
                                  "does not hold")
                return False
            entry[1] = self.run_count
            metadata = msg.metadata
            msg = ForwardMsg()
            msg.ParseFromString(entry[0])
            msg.metadata.CopyFrom(metadata)
            kind = msg.WhichOneof("type")
            run.refs += 1
        elif msg.metadata.cacheable and msg.hash and msg.hash not in self.cache:
            self.cache[msg.hash] = [data, self.run_count]
        if kind == "new_session":
            if msg.new_session.config.max_cached_message_age:
                self.max_age = msg.new_session.config.max_cached_message_age
            drawn.clear()  # a new run (also after one cut short for a rerun)
        elif kind == "navigation":
            pages = {p.page_script_hash: p.url_pathname for p in msg.navigation.app_pages}
            if pages.get(msg.navigation.page_script_hash) != PAGE:
                run.errors.append(f"the server ran another page "
                                  f"({pages.get(msg.navigation.page_script_hash)!r})")
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            run.errors.append(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "session_event" and msg.session_event.HasField(
                "script_compilation_exception"):
            run.errors.append("script compilation exception: "
                              + msg.session_event.script_compilation_exception.message[:200])
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element, run, drawn, moved)
        elif kind == "script_finished":
            run.status = msg.script_finished
            if run.status == FINISHED.FINISHED_EARLY_FOR_RERUN:
                run.early += 1  # the server reruns at once; wait for that run's end
                return False
            self.run_count += 1  # the frontend's ForwardMsgCache.incrementRunCount
            self.cache = {h: e for h, e in self.cache.items()
                          if self.run_count - e[1] <= self.max_age}
            return True
        return False

    def _element(self, element: Any, run: Run, drawn: dict[str, WidgetState],
                 moved: WidgetState | None) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.errors.append(f"exception element: {element.exception.type}: "
                              f"{element.exception.message[:200]}")
            return
        inner = getattr(element, kind)
        if kind == "alert" and inner.format == inner.ERROR:  # the app's friendly crash text
            run.errors.append(f"error alert: {inner.body[:200]}")
        wid = getattr(inner, "id", "")
        if kind == "plotly_chart" and wid.endswith("-" + MAP_KEY):
            run.map_spec = inner.spec
        if not wid or kind in WIDGETS_WITHOUT_STATE:
            return
        if wid.endswith("-" + LR_KEY):
            self.lr_id = wid
            self.lr_options = list(inner.options)
        # the value the widget holds in the frontend's WidgetStateManager: its value from the
        # last run, unless the server sets one (set_value), else the proto's default
        fresh = widget_state(kind, inner)
        if fresh is None:
            self.unknown_widgets[kind] += 1
            return
        held = self.widgets.get(wid)
        if moved is not None and moved.id == wid:
            held = moved
        drawn[wid] = fresh if getattr(inner, "set_value", False) or held is None else held

    def lr_value(self) -> str | None:
        """The learning rate Adam's slider holds on this client."""
        state = self.widgets.get(self.lr_id or "")
        return state.string_array_value.data[0] if state is not None else None

    def lr_state(self, value: str) -> WidgetState:
        assert self.lr_id is not None
        state = WidgetState(id=self.lr_id)
        state.string_array_value.data.append(value)
        return state


# --- the checks ----------------------------------------------------------------------------

def url_lr(query_string: str) -> str | None:
    """Adam's learning rate in the query string the page wrote; ``None`` when the URL leaves
    it out: the default scene (an empty query string), or Adam's value equals the shared
    one."""
    params = parse_qs(query_string)
    if LR_PARAM in params:
        return params[LR_PARAM][0]
    if params:
        return params.get(SHARED_PARAM, [SHARED_DEFAULT])[0]
    return None


def adam_fingerprint(spec: str | None) -> str | None:
    """A digest of Adam's traces in the map's spec (its path and markers): two runs show the
    same Adam path exactly when their digests agree. ``None`` without a map."""
    if not spec:
        return None
    try:
        traces = json.loads(spec)["data"]
    except (ValueError, KeyError, TypeError):
        return "unreadable spec"
    adam = [t for t in traces if t.get("legendgroup") == ADAM_TRACE]
    return hashlib.blake2b(json.dumps(adam, sort_keys=True).encode(), digest_size=12).hexdigest()


class Isolation:
    """Every Adam path seen in a scenario, by the learning rate the session sent: a path seen
    under two learning rates means a session was shown another session's scene (in the
    new-scene mode every session has its own notches, so no two sessions share a path)."""

    def __init__(self) -> None:
        self.lr_of: dict[str, str] = {}  # fingerprint -> the learning rate it was first seen for
        self.path_of: dict[str, str] = {}  # learning rate -> its fingerprint

    def check(self, lr: str, fingerprint: str) -> str | None:
        """A problem, or ``None`` if the path is consistent with everything seen so far."""
        seen_lr = self.lr_of.setdefault(fingerprint, lr)
        seen_path = self.path_of.setdefault(lr, fingerprint)
        if seen_lr != lr:
            return (f"saw another scene than its own: the map's Adam path is the one of "
                    f"lr {seen_lr}, sent {lr}")
        if seen_path != fingerprint:
            return f"the map's Adam path for lr {lr} differs between runs"
        return None


# --- the scenarios -------------------------------------------------------------------------

class Planner:
    """Hands out the learning-rate notches of the changes: disjoint runs of consecutive
    notches, alternately above and below the default, so no two changes (of any session,
    while this server lives) ask for the same scene. With more changes than notches (60 x 10
    > 300) a block is handed out again, turned by half its length: a session then asks for
    a scene about ``changes / 2`` rounds before or after the first session did, when the
    caches (32 figures, 256 runs) have most likely dropped it. ``reused`` counts those."""

    def __init__(self) -> None:
        self.used: set[int] = set()
        self.blocks: list[list[int]] = []
        self.reused = 0
        self.side = 0

    def plan(self, count: int, default: int, sessions: int, changes: int,
             cached: bool) -> list[list[int]]:
        """The notch indices (of ``count`` options) of every session's changes."""
        if cached:  # above the default and back: two scenes, run once in the warm-up
            up = min(default + 1, count - 1)
            return [[up if j % 2 == 0 else default for j in range(changes)]
                    for _ in range(sessions)]
        return [self._block(count, default, changes) for _ in range(sessions)]

    def _block(self, count: int, default: int, changes: int) -> list[int]:
        above = [i for i in range(default + 1, count) if i not in self.used]
        below = [i for i in range(default - 1, -1, -1) if i not in self.used]
        first, second = (above, below) if self.side == 0 else (below, above)
        self.side ^= 1
        free = first if len(first) >= changes else second
        if len(free) >= changes:
            block = free[:changes]
            self.used.update(block)
            self.blocks.append(block)
            return block
        if not self.blocks:  # fewer notches than changes: walk them round
            return [i % count for i in range(default + 1, default + 1 + changes)]
        old = self.blocks[self.reused // changes % len(self.blocks)]
        self.reused += changes
        half = changes // 2
        return old[half:] + old[:half]


@dataclass
class Outcome:
    """One scenario's figures."""

    sessions: int
    expected: int
    latencies: list[float] = field(default_factory=list)
    received: list[int] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)  # by kind (``error_kind``)
    lost: Counter[str] = field(default_factory=Counter)  # by kind of reason
    examples: dict[str, str] = field(default_factory=dict)  # kind -> its first message
    refs: int = 0
    early: int = 0
    wall: float = 0.0
    server_cpu: float = 0.0
    client_cpu: float = 0.0
    others_cpu: float = 0.0  # CPU seconds of every other process of the machine
    rss: int = 0
    peak_rss: int = 0
    loads: list[float] = field(default_factory=list)
    unknown_widgets: Counter[str] = field(default_factory=Counter)
    reused: int = 0
    notches: int = 0
    isolation: Isolation = field(default_factory=Isolation)


def error_kind(text: str) -> str:
    """An error's message without its numbers, to count errors by kind."""
    return re.sub(r"\d[\d.e+-]*", "N", text)[:200]


def count(counter: Counter[str], message: str, outcome: Outcome) -> None:
    """Count ``message`` by its kind, keeping the first message of each kind."""
    kind = error_kind(message)
    counter[kind] += 1
    outcome.examples.setdefault(kind, message[:300])


async def load_page(session: Session, outcome: Outcome) -> bool:
    """Connect and run the page once (the visit before the changes); False on failure."""
    try:
        await session.connect()
        run = await session.rerun()
    except (LostRunError, OSError, WebSocketException, TimeoutError) as error:
        count(outcome.errors, f"page load failed: {error}", outcome)
        return False
    outcome.loads.append(run.seconds)
    for error in run.errors:
        count(outcome.errors, f"page load: {error}", outcome)
    value = session.lr_value()
    if value is None or value not in session.lr_options:
        count(outcome.errors, f"page load: no {LR_KEY} slider drawn", outcome)
        return False
    session.lr_default = session.lr_options.index(value)
    fingerprint = adam_fingerprint(run.map_spec)  # the default scene's path, for the checks
    problem = outcome.isolation.check(value, fingerprint) if fingerprint else "no map drawn"
    if problem:
        count(outcome.errors, f"page load: {problem}", outcome)
    return True


def check_change(session: Session, run: Run, value: str, outcome: Outcome) -> list[str]:
    """What is wrong with a finished change to ``value`` (empty: nothing)."""
    problems = list(run.errors)
    if run.status != FINISHED.FINISHED_SUCCESSFULLY:
        name = FINISHED.Name(run.status) if run.status is not None else "none"
        problems.append(f"script_finished status {name}")
    if session.lr_value() != value:
        problems.append("the slider does not hold the value sent")
    in_url = url_lr(session.query_string)
    if in_url is None and value == session.lr_options[session.lr_default]:
        in_url = value  # the default scene: an empty query string
    if in_url != value:
        problems.append(f"saw another scene than its own: the URL the page wrote says "
                        f"Adam's lr is {in_url} ({session.query_string[:120]!r}), "
                        f"sent {value}")
    fingerprint = adam_fingerprint(run.map_spec)
    if fingerprint is None:
        problems.append("no map drawn")
    else:
        problem = outcome.isolation.check(value, fingerprint)
        if problem:
            problems.append(problem)
    return problems


async def make_changes(session: Session, notches: list[int], outcome: Outcome) -> None:
    """The session's slider changes, one after the other (the next once the last finished),
    each checked; a lost rerun ends the session (its state is unknown)."""
    for index in notches:
        value = session.lr_options[index]
        try:
            run = await session.rerun(session.lr_state(value))
        except LostRunError as error:
            count(outcome.lost, str(error), outcome)
            return
        outcome.latencies.append(run.seconds)
        outcome.received.append(run.received)
        outcome.refs += run.refs
        outcome.early += run.early
        for problem in check_change(session, run, value, outcome):
            count(outcome.errors, problem, outcome)


async def scenario(server: Server, sessions: int, args: argparse.Namespace,
                   planner: Planner) -> Outcome:
    """``sessions`` visitors at once: all load the page, then all make their changes (the
    server's CPU time is taken over the changes only)."""
    outcome = Outcome(sessions, sessions * args.changes)
    clients = [Session(server.port, i, args.timeout) for i in range(sessions)]
    try:
        loaded = await asyncio.gather(*(load_page(c, outcome) for c in clients))
        ready = [c for c, ok in zip(clients, loaded, strict=True) if ok]
        if not ready:
            return outcome
        first = ready[0]
        reused = planner.reused
        plans = planner.plan(len(first.lr_options), first.lr_default, len(ready),
                             args.changes, args.cached)
        outcome.reused = planner.reused - reused
        outcome.notches = len(first.lr_options) - 1
        cpu0, client0, busy0 = server.cpu_seconds(), time.process_time(), machine_busy_seconds()
        start = time.perf_counter()
        await asyncio.gather(*(make_changes(c, p, outcome)
                               for c, p in zip(ready, plans, strict=True)))
        outcome.wall = time.perf_counter() - start
        outcome.server_cpu = server.cpu_seconds() - cpu0
        outcome.client_cpu = time.process_time() - client0
        outcome.others_cpu = max(0.0, machine_busy_seconds() - busy0 - outcome.server_cpu
                                 - outcome.client_cpu)
        outcome.rss, outcome.peak_rss = server.memory()
        for client in clients:
            outcome.unknown_widgets.update(client.unknown_widgets)
    finally:
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
    return outcome


async def warm_up(server: Server, args: argparse.Namespace) -> None:
    """One visit (and, with ``--cached``, the two toggled scenes) before the timing."""
    client = Session(server.port, -1, args.timeout)
    try:
        await client.connect()
        await client.rerun()
        value = client.lr_value()
        if args.cached and value in client.lr_options:
            default = client.lr_options.index(value)
            up = min(default + 1, len(client.lr_options) - 1)
            await client.rerun(client.lr_state(client.lr_options[up]))
            await client.rerun(client.lr_state(client.lr_options[default]))
    finally:
        await client.close()


# --- output --------------------------------------------------------------------------------

def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (``p`` in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def table(outcomes: list[Outcome], args: argparse.Namespace) -> str:
    kind = "cached scene" if args.cached else "new scene"
    lines = ["| sessions at once | rerun p50 | p95 | max | reruns done / expected | errors | "
             "lost | reruns/s | server CPU per rerun | server RSS after (peak) | "
             "received per rerun |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for o in outcomes:
        done = len(o.latencies)
        errors = sum(o.errors.values())
        if done:
            p50, p95, top = (percentile(o.latencies, p) for p in (50, 95, 100))
            times = f"**{p50:.2f} s** | {p95:.2f} s | {top:.2f} s"
            cpu = f"{1000 * o.server_cpu / done:.0f} ms"
            rate = f"{done / o.wall:.1f}" if o.wall else "-"
            received = f"{percentile(o.received, 50) / 1000:.0f} kB"
        else:
            times, cpu, rate, received = "- | - | -", "-", "-", "-"
        memory = f"{o.rss / 2**20:.0f} MB ({o.peak_rss / 2**20:.0f} MB)" if o.rss else "-"
        lines.append(f"| {o.sessions} ({kind}) | {times} | {done} / {o.expected} | {errors} | "
                     f"{sum(o.lost.values())} | {rate} | {cpu} | {memory} | {received} |")
    return "\n".join(lines)


def header(args: argparse.Namespace, load_at_start: float, outcomes: list[Outcome]) -> str:
    import streamlit

    load_at_end = os.getloadavg()[0]
    cpus = os.cpu_count() or 1
    servers = "one server for all scenarios" if args.one_server else "a fresh server each"
    scenes = "cached scenes" if args.cached else "a new scene each"
    line = (f"commit {commit()}; Streamlit "
            f"{streamlit.__version__}; {cpus} CPUs; load average {load_at_start:.2f} at the "
            f"start, {load_at_end:.2f} at the end; {args.changes} slider changes per session "
            f"({scenes}), {servers}; default scene (6 optimizers x 1000 steps)")
    wall = sum(o.wall for o in outcomes)
    if wall:
        others = sum(o.others_cpu for o in outcomes) / wall
        line += (f"; other processes kept {others:.2f} of the {cpus} CPUs busy during the "
                 "changes (the load average at the end counts this run's server too)")
    if machine_busy(load_at_start, load_at_end):
        line += ("\n\n**WARNING: THE MACHINE WAS BUSY (load average above the CPU count): "
                 "the figures are inflated.**")
    return line


def notes(outcomes: list[Outcome]) -> list[str]:
    out = []
    for o in outcomes:
        parts = []
        if o.loads:
            parts.append(f"page load p50 {percentile(o.loads, 50):.2f} s, max "
                         f"{max(o.loads):.2f} s (all sessions at once, before the changes)")
        if o.wall:
            parts.append(f"changes took {o.wall:.1f} s wall, server CPU {o.server_cpu:.1f} s "
                         f"({100 * o.server_cpu / o.wall:.0f} % of one core), this client's "
                         f"CPU {o.client_cpu:.1f} s, other processes' {o.others_cpu:.1f} s")
        if o.refs:
            parts.append(f"{o.refs} elements came as references to the client's cache")
        if o.early:
            parts.append(f"{o.early} runs were cut short for a rerun the server started")
        if o.reused:
            parts.append(f"{o.reused} changes asked for a notch another session asked for "
                         f"(more changes than the {o.notches} notches; turned by half a "
                         "session's changes, so the caches have most likely dropped it)")
        if o.unknown_widgets:
            parts.append("widgets whose state this client does not send: "
                         + ", ".join(f"{k} x{n}" for k, n in o.unknown_widgets.items()))
        for kind, n in o.errors.most_common(6):
            parts.append(f"error {n} x, e.g. {o.examples[kind]}")
        for kind, n in o.lost.most_common(3):
            parts.append(f"lost {n} x, e.g. {o.examples[kind]}")
        out.append(f"* {o.sessions} session{'s' if o.sessions > 1 else ''}: "
                   + "; ".join(parts))
    return out


# --- main ----------------------------------------------------------------------------------

def parse_sessions(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError("sessions is a list like 1,10,30,60") from error
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("every scenario needs at least one session")
    return values


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sessions", type=parse_sessions, default=[1, 10, 30, 60],
                        help="concurrent sessions per scenario (default 1,10,30,60)")
    parser.add_argument("--changes", type=int, default=10,
                        help="slider changes per session, back to back (default 10)")
    parser.add_argument("--cached", action="store_true",
                        help="toggle between two cached scenes instead of new ones")
    parser.add_argument("--one-server", action="store_true",
                        help="one server for all scenarios (default: a fresh one each)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds allowed for any one rerun or wait (default 300)")
    parser.add_argument("--deadline", type=float, default=3600.0,
                        help="the whole run is stopped after this many seconds (default 3600)")
    args = parser.parse_args(argv)
    if args.changes < 1:
        parser.error("--changes must be at least 1")
    return args


def start_server(log_dir: Path, args: argparse.Namespace) -> Server:
    server = Server(log_dir)
    server.wait_healthy(args.timeout)
    asyncio.run(asyncio.wait_for(warm_up(server, args), args.timeout))
    return server


def run(args: argparse.Namespace) -> int:
    """Every scenario; prints the report; returns the exit code (1 if anything failed)."""
    load_at_start = os.getloadavg()[0]
    log_dir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    outcomes: list[Outcome] = []
    server: Server | None = None
    planner = Planner()
    try:
        for sessions in args.sessions:
            if server is None or not args.one_server:
                if server is not None:
                    server.stop()
                log("starting a server")
                server = start_server(log_dir, args)
                planner = Planner()  # a fresh server has empty caches
            log(f"{sessions} sessions x {args.changes} changes")
            outcome = asyncio.run(scenario(server, sessions, args, planner))
            outcomes.append(outcome)
            done = len(outcome.latencies)
            log(f"  {done}/{outcome.expected} reruns, p50 "
                f"{percentile(outcome.latencies, 50) if done else float('nan'):.2f} s, "
                f"{sum(outcome.errors.values())} errors, {sum(outcome.lost.values())} lost")
    finally:
        stop_all_servers()
    if EXPIRED.is_set():
        return 3
    failed = any(o.errors or o.lost or len(o.latencies) < o.expected for o in outcomes)
    if failed:
        log(f"server logs kept in {log_dir}")
    else:
        shutil.rmtree(log_dir, ignore_errors=True)
    print(header(args, load_at_start, outcomes))
    print()
    print(table(outcomes, args))
    print()
    print("\n".join(notes(outcomes)))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    timer = watchdog(args.deadline, "bench_load", EXPIRED)
    try:
        with terminated_cleanly():
            code = run(args)
    finally:
        timer.cancel()
    sys.exit(3 if EXPIRED.is_set() else code)


if __name__ == "__main__":
    main()
