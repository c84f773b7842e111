"""The "open in playground" link of a lesson's preset (pure: no Streamlit).

A preset becomes the playground's URL parameters (``ui.url_state``): the landscape, the
optimizers in order, the start, the step count, the hyperparameters, the schedule, noise and
clipping. What the playground cannot express is left out and reported by ``link_gaps`` so the
page can say so (a lesson-only landscape, gradient spikes, loss or gradient scales, bias
correction off, two runs of the same optimizer with different settings).
"""

from __future__ import annotations

from typing import Any

from lessons.base import Preset, Run
from ui.scene import HYPER_GRIDS, SCHEDULE_PARAMS, snap

PARAM_OF = {"lr": "lr", "beta1": "b1", "beta2": "b2", "eps": "eps", "weight_decay": "wd",
            "momentum": "mom"}
OPTION_GAPS = ("spikes", "loss_scale", "grad_scale", "bias_correction", "init_state")


def _first_per_optimizer(runs: tuple[Run, ...]) -> list[Run]:
    seen: dict[str, Run] = {}
    for r in runs:
        seen.setdefault(r.optimizer, r)
    return list(seen.values())


def _hyper_params(runs: list[Run]) -> dict[str, Any]:
    """Shared values when the runs agree, else per-optimizer values (``lr.adam=...``)."""
    out: dict[str, Any] = {}
    keys = sorted({k for r in runs for k, _ in r.hyper if k in PARAM_OF})
    per = False
    for key in keys:
        values = {dict(r.hyper)[key] for r in runs if key in dict(r.hyper)}
        if len(values) > 1:
            per = True
    for key in keys:
        grid = HYPER_GRIDS[key]
        if per:
            for r in runs:
                h = dict(r.hyper)
                if key in h:
                    out[f"{PARAM_OF[key]}.{r.optimizer}"] = snap(float(h[key]), grid)
        else:
            value = next(dict(r.hyper)[key] for r in runs if key in dict(r.hyper))
            out[PARAM_OF[key]] = snap(float(value), grid)
    if per:
        out["per"] = True
    return out


def _schedule_params(schedule: Any) -> dict[str, Any]:
    """The schedule's kind and the fields that kind uses (floats to 6 significant digits)."""
    out: dict[str, Any] = {"sched": schedule.kind}
    for name in SCHEDULE_PARAMS[schedule.kind]:
        value = getattr(schedule, name)
        out[name] = float(f"{value:.6g}") if isinstance(value, float) else value
    return out


def snapped(preset: Preset) -> tuple[tuple[str, float, float], ...]:
    """(parameter, the lesson's value, the playground slider's nearest value) where they differ.

    The playground's sliders move on grids (``ui.scene.HYPER_GRIDS``); a lesson value between
    grid points opens as the nearest one, and the page says so.
    """
    out = []
    for r in _first_per_optimizer(preset.runs):
        for key, value in r.hyper:
            if key in HYPER_GRIDS:
                used = snap(float(value), HYPER_GRIDS[key])
                if used != float(value):
                    out.append((key, float(value), used))
    return tuple(sorted(set(out)))


def preset_params(preset: Preset) -> dict[str, Any]:
    """The playground URL parameters that reproduce ``preset`` as closely as it can."""
    runs = _first_per_optimizer(preset.runs)
    params: dict[str, Any] = {
        "ls": preset.landscape,
        "opt": [r.optimizer for r in runs],
        "start": preset.start,
        "steps": min(preset.steps, 10_000),
        **_hyper_params(runs),
    }
    options = dict(runs[0].options)
    schedule = options.get("schedule")
    if schedule is not None and schedule.kind != "constant":
        params.update(_schedule_params(schedule))
    if options.get("noise_sigma"):
        params["noise"] = float(options["noise_sigma"])
        params["seed"] = int(options.get("seed", 0))
    if options.get("clip_norm"):
        params["clip"] = float(options["clip_norm"])
        params["clip_mode"] = options.get("clip_mode", "before")
    return params


def link_gaps(preset: Preset) -> tuple[str, ...]:
    """The parts of ``preset`` the playground link cannot carry (option names)."""
    gaps = {k for r in preset.runs for k, _ in r.options if k in OPTION_GAPS}
    optimizers = [r.optimizer for r in preset.runs]
    if len(set(optimizers)) < len(optimizers):
        gaps.add("same_optimizer_twice")
    return tuple(sorted(gaps))
