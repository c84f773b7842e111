"""Engine benchmark: prints the figures the README's performance table quotes.

    make bench            (or: PYTHONPATH=. .venv/bin/python bench/bench_engine.py)

1. Sweep: Adam on Rosenbrock, B = 4096 settings (64 lr x 64 beta1), 500 steps, positions and
   losses recorded. Reported as point-steps per second (B * steps / seconds), beside a plain
   NumPy loop written without care ((B, 2) layout, a fresh temporary for every operation)
   run in the same process, and the ratio of the two.
2. The same 4096 settings run one call at a time (``--solo N`` runs N of them and scales up).
3. Playground: 6 different optimizers, one start each, 1000 steps.
Each figure is the best of several repeats (wall-clock); NumPy runs these on one core.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from landscapes import get_landscape
from optim import simulate

START = np.array([-1.5, 2.0])
STEPS = 500
PLAYGROUND = ("sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw")


def grid() -> tuple[np.ndarray, np.ndarray]:
    """64 learning rates (log-spaced) x 64 beta1 values, flattened to B = 4096."""
    lr, beta1 = np.meshgrid(np.logspace(-4, -1.5, 64), np.linspace(0.5, 0.99, 64),
                            indexing="ij")
    return lr.ravel(), beta1.ravel()


def naive_adam_rosenbrock(lr: np.ndarray, beta1: np.ndarray, steps: int) -> np.ndarray:
    """The baseline: Adam on Rosenbrock as one would write it first, in the (B, 2) layout."""
    b = lr.shape[0]
    xy = np.tile(START, (b, 1))
    m = np.zeros((b, 2))
    v = np.zeros((b, 2))
    positions = [xy]
    losses = [(1 - xy[:, 0]) ** 2 + 100 * (xy[:, 1] - xy[:, 0] ** 2) ** 2]
    for t in range(1, steps + 1):
        x, y = xy[:, 0], xy[:, 1]
        g = np.stack([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)], axis=1)
        m = beta1[:, None] * m + (1 - beta1[:, None]) * g
        v = 0.999 * v + (1 - 0.999) * g**2
        m_hat = m / (1 - beta1[:, None] ** t)
        v_hat = v / (1 - 0.999**t)
        xy = xy - lr[:, None] * m_hat / (np.sqrt(v_hat) + 1e-8)
        positions.append(xy)
        losses.append((1 - xy[:, 0]) ** 2 + 100 * (xy[:, 1] - xy[:, 0] ** 2) ** 2)
    return np.stack(positions)


def best_of(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--solo", type=int, default=4096,
                        help="how many of the 4096 settings to time one call at a time")
    opts = parser.parse_args()

    ls = get_landscape("rosenbrock")
    lr, beta1 = grid()
    b = lr.shape[0]
    point_steps = b * STEPS

    ours = best_of(lambda: simulate(ls, "adam", START, STEPS, lr=lr, beta1=beta1),
                   opts.repeats)
    naive = best_of(lambda: naive_adam_rosenbrock(lr, beta1, STEPS), opts.repeats)
    print(f"sweep  adam/rosenbrock B={b} steps={STEPS}: {ours * 1e3:7.1f} ms  "
          f"{point_steps / ours / 1e6:6.1f} M point-steps/s")
    print(f"naive  plain NumPy loop, same work:        {naive * 1e3:7.1f} ms  "
          f"{point_steps / naive / 1e6:6.1f} M point-steps/s")
    print(f"ratio  engine / naive: {naive / ours:.2f}x")

    n = min(opts.solo, b)
    t0 = time.perf_counter()
    for i in range(n):
        simulate(ls, "adam", START, STEPS, lr=lr[i], beta1=beta1[i])
    solo = (time.perf_counter() - t0) * b / n
    scaled = f" (scaled from {n})" if n < b else ""
    print(f"solo   the {b} settings one call at a time: {solo:7.2f} s{scaled}"
          f"  -> batch is {solo / ours:.0f}x faster")

    def playground() -> None:
        for name in PLAYGROUND:
            simulate(ls, name, START, 1000)

    pg = best_of(playground, opts.repeats)
    print(f"playground 6 optimizers x 1000 steps: {pg * 1e3:6.1f} ms total")


if __name__ == "__main__":
    main()
