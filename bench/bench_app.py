"""Playground speed and payload: prints the figures (no asserts; targets in the comments).

    .venv/bin/python bench/bench_app.py

Measures, with Streamlit's AppTest on one thread:
* a script run after a widget change (a new scene: simulate + build every figure + send),
  target < 250 ms for the default scene (6 optimizers x 1000 steps);
* a rerun with nothing changed (cache hit: the figure must be identical);
* the chart payload (JSON of every Plotly figure on the page), target < 2 MB at 6 x 1000
  and < 3 MB at 6 x 5000 steps;
and, outside Streamlit, the build time of each piece.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ui.scene import LR_GRID  # noqa: E402

REPEATS = 5
logging.getLogger("streamlit").setLevel(logging.ERROR)


def payload(at: AppTest) -> int:
    return sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))


def timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception)
    return elapsed


def bench_scene(steps: int) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if steps != 1000:
        at.query_params["steps"] = str(steps)
    at.switch_page("pages/playground.py")
    timed_run(at)  # imports, caches of the landscape grid
    changes, same = [], []
    if steps == 1000:  # the bare link: the default scene, per-optimizer values
        key, lrs = "pg_lr__adam", [v for v in LR_GRID if 0.02 <= v <= 0.06]
    else:  # a link with parameters: one shared set of values
        key, lrs = "pg_lr", [v for v in LR_GRID if 1e-4 <= v <= 3e-3]
    for i in range(REPEATS):
        at.select_slider(key=key).set_value(lrs[i % len(lrs)])
        changes.append(timed_run(at))   # new scene: nothing cached
        same.append(timed_run(at))      # same scene again: cache hit
    size = payload(at)
    print(f"6 optimizers x {steps} steps:")
    print(f"  widget change -> figures ready: median {1000 * statistics.median(changes):6.0f} ms"
          f"  (min {1000 * min(changes):.0f}, max {1000 * max(changes):.0f})")
    print(f"  rerun, nothing changed:         median {1000 * statistics.median(same):6.0f} ms")
    print(f"  chart payload (all figures):    {size / 1e6:6.2f} MB")


def bench_pieces(steps: int) -> None:
    """The same work without Streamlit, piece by piece."""
    import plotly.io as pio

    from landscapes import get_landscape
    from optim import simulate
    from ui.scene import DEFAULT_OPTIMIZERS, suggested_hyper
    from viz.animation import path_figure
    from viz.colors import run_style
    from viz.curves import distance_figure, loss_figure
    from viz.runs import Run
    from viz.terrain import sample_terrain

    ls = get_landscape("rosenbrock")
    terrain = sample_terrain(ls)
    t0 = time.perf_counter()
    trajs = [simulate(ls, name, ls.starts[0], steps, lr=suggested_hyper(name).lr)
             for name in DEFAULT_OPTIMIZERS]
    t1 = time.perf_counter()
    runs = [Run(name, run_style(i)[0], tr.positions[:, 0], int(tr.diverged_at[0]),
                str(tr.reasons[0]), losses=tr.losses[:, 0])
            for i, (name, tr) in enumerate(zip(DEFAULT_OPTIMIZERS, trajs, strict=True))]
    fig_map = path_figure(ls, runs, terrain=terrain)
    t2 = time.perf_counter()
    curves = [loss_figure(ls, runs), distance_figure(ls, runs)]
    t3 = time.perf_counter()
    sizes = [len(pio.to_json(f, validate=False)) for f in [fig_map, *curves]]
    t4 = time.perf_counter()
    print(f"  pieces: simulate {1000 * (t1 - t0):.0f} ms, map {1000 * (t2 - t1):.0f} ms, "
          f"curves {1000 * (t3 - t2):.0f} ms, to_json {1000 * (t4 - t3):.0f} ms; "
          f"map {sizes[0] / 1e6:.2f} MB, curves {sum(sizes[1:]) / 1e6:.2f} MB")


if __name__ == "__main__":
    for n in (1000, 5000):
        bench_scene(n)
        bench_pieces(n)
