"""The lessons: every phenomenon of the teaching material as a guided experiment.

``THEMES`` lists the lesson pages in order, each with its experiments (``lessons.base``);
``EXPERIMENTS`` maps a phenomenon's number to its experiment. Pure Python: the pages render
these records (``ui.lesson_view``), the tests run their evidence (``tests/test_phenomena.py``).
"""

from __future__ import annotations

from lessons import inside_adam, noise, schedules, terrain, weight_decay
from lessons.base import Experiment

THEMES: dict[str, tuple[Experiment, ...]] = {
    "terrain": (terrain.RAVINE_EXP, terrain.PLATEAU, terrain.SADDLE, terrain.BOWL_EXP,
                terrain.SHARP_FLAT, terrain.WALL),
    "inside_adam": (inside_adam.OSCILLATION, inside_adam.ADAGRAD, inside_adam.RMSPROP_IDENTITY,
                    inside_adam.BIAS_CORRECTION, inside_adam.EPSILON, inside_adam.SCALE,
                    inside_adam.MEMORY, inside_adam.SCAR, inside_adam.IMPLICIT_BIAS),
    "weight_decay": (weight_decay.COUPLED, weight_decay.ENDPOINT, weight_decay.PRODUCT,
                     weight_decay.BAYES),
    "schedules": (schedules.WARMUP, schedules.CYCLES, schedules.CLIPPING),
    "noise": (noise.CLOUD, noise.RIDGE, noise.HUBER, noise.SPLIT, noise.IMBALANCE),
}

EXPERIMENTS: dict[int, Experiment] = {
    e.id: e for experiments in THEMES.values() for e in experiments
}

__all__ = ["EXPERIMENTS", "THEMES", "Experiment"]
