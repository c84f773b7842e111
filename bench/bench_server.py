"""What the benchmarks that drive a live app share: its server, /proc readings, the safety net.

``bench_browser.py`` (one visitor in Chromium) and ``bench_load.py`` (many websocket sessions)
both start ``streamlit run app.py`` themselves, headless on a free 127.0.0.1 port, read the
server's CPU time and memory from ``/proc``, and must never leave a server behind: a watchdog
ends the run after its deadline, SIGTERM unwinds like Ctrl-C, and every server not yet
stopped is in ``Server.live`` so either can stop it. This module holds those pieces once, so
the two scripts measure the server the same way and clean up the same way; it is a library,
not a script (run the two scripts, as their docstrings say).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- /proc ---------------------------------------------------------------------------------

def stat_fields(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` from the 3rd (state) on (the name may hold spaces)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()


def proc_cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), in seconds."""
    fields = stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_status(pid: int, field_name: str) -> int:
    """A ``kB`` field of ``/proc/<pid>/status`` (``VmRSS``, ``VmHWM``), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field_name)


# --- the server ----------------------------------------------------------------------------

def free_port() -> int:
    """A port nobody listens on, on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One ``streamlit run app.py`` on a free 127.0.0.1 port, stopped by ``stop``;
    ``launched`` is when Popen was called."""

    live: list[Server] = []  # noqa: RUF012 (every server not yet stopped, for the watchdog)

    def __init__(self, log_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"streamlit-{self.port}.log"
        command = [sys.executable, "-m", "streamlit", "run", "app.py",
                   "--server.headless", "true", "--server.port", str(self.port),
                   "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
                   "--server.fileWatcherType", "none"]
        with open(self.log_path, "w") as out:
            self.launched = time.perf_counter()
            self.process = subprocess.Popen(
                command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        Server.live.append(self)

    def wait_healthy(self, timeout: float, poll: float = 0.1) -> float:
        """Poll ``/_stcore/health`` (no proxy: loopback only) every ``poll`` seconds until it
        answers 200; return the seconds since launch."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.process.returncode}; "
                                   f"see {self.log_path}")
            try:
                with opener.open(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return time.perf_counter() - self.launched
            except OSError:
                time.sleep(poll)
        raise TimeoutError(f"streamlit did not answer at {self.url} within {timeout} s")

    def cpu_seconds(self) -> float:
        return proc_cpu_seconds(self.process.pid)

    def memory(self) -> tuple[int, int]:
        """(resident now, peak resident) in bytes."""
        return proc_status(self.process.pid, "VmRSS"), proc_status(self.process.pid, "VmHWM")

    def stop(self) -> None:
        if self in Server.live:
            Server.live.remove(self)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def stop_all_servers() -> None:
    for server in list(Server.live):
        with contextlib.suppress(Exception):
            server.stop()


# --- the safety net ------------------------------------------------------------------------

def watchdog(deadline: float, script: str,
             expired: threading.Event | None = None) -> threading.Timer:
    """Stop the servers and end the process (exit code 3) if the run outlives ``deadline``
    seconds; ``script`` names the run in the message, ``expired`` is set first."""
    def expire() -> None:
        if expired is not None:
            expired.set()
        log(f"{script}: deadline of {deadline:.0f} s reached; stopping")
        stop_all_servers()
        os._exit(3)

    timer = threading.Timer(deadline, expire)
    timer.daemon = True
    timer.start()
    return timer


@contextlib.contextmanager
def terminated_cleanly() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so the ``finally`` blocks stop the servers."""
    def on_term(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop_all_servers()


# --- the report's header -------------------------------------------------------------------

def git(*command: str) -> str:
    """``git <command>``'s output in the repository, or ``?``."""
    with contextlib.suppress(Exception):
        return subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip()
    return "?"


def commit() -> str:
    """The short commit, with " (uncommitted changes)" when tracked files differ from it."""
    dirty = " (uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") \
        else ""
    return f"{git('rev-parse', '--short', 'HEAD')}{dirty}"


def machine_busy(*load_averages: float) -> bool:
    """Whether any of these load averages was above the CPU count (the figures inflated)."""
    return max(load_averages) > (os.cpu_count() or 1)
