"""From a ``Scene`` to the engine's trajectories: one ``optim.simulate`` call per optimizer.

Pure (no Streamlit), so the page can wrap it in ``st.cache_data`` and the app tests can call
it to check the exported CSV against the engine. Every optimizer starts from the same point
with the same noise seed, so they meet the same gradient noise: a fair race.
"""

from __future__ import annotations

from typing import Any

from optim import OPTIMIZERS, Trajectory, schedules, simulate
from ui.scene import Scene, ScheduleChoice, playground_keys

RECORD = frozenset({"grads", "state", "lr"})


def make_schedule(choice: ScheduleChoice, steps: int) -> schedules.Schedule:
    """The engine schedule for ``choice`` (cosine's ``total_steps == 0`` means ``steps``)."""
    match choice.kind:
        case "linear_warmup":
            return schedules.linear_warmup(choice.warmup_steps)
        case "cosine":
            return schedules.cosine(choice.total_steps or steps, choice.eta_min)
        case "cosine_warm_restarts":
            return schedules.cosine_warm_restarts(choice.t_0, choice.t_mult, choice.eta_min)
        case "triangular":
            return schedules.triangular(choice.step_size, choice.min_mult)
        case "step_decay":
            return schedules.step_decay(choice.step_size, choice.gamma)
        case _:
            return schedules.constant()


def engine_kwargs(scene: Scene, optimizer: str) -> dict[str, Any]:
    """The keyword arguments of ``simulate`` for one optimizer of ``scene``."""
    accepted = playground_keys(OPTIMIZERS[optimizer])
    kwargs: dict[str, Any] = scene.hyper_for(optimizer).only(accepted)
    kwargs["schedule"] = make_schedule(scene.schedule, scene.steps)
    if scene.clip > 0:
        kwargs["clip_norm"] = scene.clip
        kwargs["clip_mode"] = scene.clip_mode
    if scene.noise > 0:
        kwargs["noise_sigma"] = scene.noise
        kwargs["seed"] = scene.seed
    kwargs["record"] = RECORD
    return kwargs


def run_scene(scene: Scene) -> list[tuple[str, Trajectory]]:
    """(optimizer, trajectory) for each optimizer of ``scene``, in the scene's order."""
    from landscapes import get_landscape

    landscape = get_landscape(scene.landscape)
    return [(name, simulate(landscape, name, scene.start, scene.steps,
                            **engine_kwargs(scene, name)))
            for name in scene.optimizers]
