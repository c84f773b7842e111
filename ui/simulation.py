"""From a ``Scene`` to the engine's trajectories: one ``optim.simulate`` call per optimizer.

Pure (no Streamlit), so the page can cache it (``ui.memo``) and the app tests can call
it to check the exported CSV against the engine. Every optimizer starts from the same point
with the same noise seed, so they meet the same gradient noise: a fair race.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from optim import OPTIMIZERS, Trajectory, schedules, simulate
from ui.scene import Scene, ScheduleChoice, playground_keys

RECORD = frozenset({"grads", "state", "lr"})


def make_schedule(choice: ScheduleChoice, steps: int) -> schedules.Schedule:
    """The engine schedule for ``choice`` (cosine's ``total_steps == 0`` means ``steps``)."""
    params = asdict(choice)
    params["total_steps"] = choice.total_steps or steps
    return schedules.build(params.pop("kind"), **params)


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
