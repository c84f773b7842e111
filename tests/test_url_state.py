"""The playground URL: links round-trip to the same scene; bad values fall back with notices."""

from __future__ import annotations

import itertools
from dataclasses import replace
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.scene import (
    ACCUMULATOR_GRID,
    BETA_GRID,
    DAMPENING_GRID,
    EPS_GRID,
    LR_DECAY_GRID,
    LR_GRID,
    MOMENTUM_DECAY_GRID,
    SCHEDULE_KINDS,
    WEIGHT_DECAY_GRID,
    Catalog,
    Hyper,
    LandscapeInfo,
    ScheduleChoice,
    default_scene,
    suggested_hyper,
)
from ui.url_state import parse_params, playground_link, scene_link, scene_params

CATALOG = Catalog(
    landscapes={
        "rosenbrock": LandscapeInfo(((-2.0, 2.0), (-1.0, 3.0)), (-1.5, 2.0)),
        "bowl": LandscapeInfo(((-5.0, 5.0), (-5.0, 5.0)), (4.0, 3.0)),
    },
    optimizers={
        "sgd": frozenset({"lr", "weight_decay"}),
        "momentum": frozenset({"lr", "momentum", "weight_decay", "dampening"}),
        "rmsprop": frozenset({"lr", "beta2", "eps", "momentum", "weight_decay", "centered"}),
        "adam": frozenset({"lr", "beta1", "beta2", "eps", "weight_decay", "bias_correction"}),
        "adamw": frozenset({"lr", "beta1", "beta2", "eps", "weight_decay",
                            "bias_correction"}),
        "lion": frozenset({"lr", "beta1", "beta2", "weight_decay"}),
    },
)


def query(link: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))


def test_bare_link_is_default_scene():
    scene, notices = parse_params({}, CATALOG)
    assert scene == default_scene(CATALOG)
    assert notices == []
    assert scene.start == (-1.5, 2.0)
    assert scene_params(scene, CATALOG) == {}
    assert scene_link(scene, CATALOG) == "playground"


def test_link_example_from_docstring():
    link = playground_link({"ls": "rosenbrock", "opt": ["adam", "sgd"], "lr": 0.01,
                            "start": (-1.5, 2)})
    assert link == "playground?ls=rosenbrock&opt=adam,sgd&lr=0.01&start=-1.5,2"


def test_link_sets_the_scene():
    link = playground_link({"ls": "bowl", "opt": "adam,sgd", "lr": 0.003, "b2": 0.99,
                            "start": "1,-2", "steps": 250, "sched": "cosine", "eta_min": 0.1,
                            "noise": 0.5, "seed": 7, "clip": 2.0, "clip_mode": "after"},
                           CATALOG)
    scene, notices = parse_params(query(link), CATALOG)
    assert notices == []
    assert scene.landscape == "bowl"
    assert scene.optimizers == ("adam", "sgd")
    assert scene.shared == Hyper(lr=0.003, beta2=0.99)
    assert scene.start == (1.0, -2.0)
    assert scene.steps == 250
    assert scene.schedule == ScheduleChoice(kind="cosine", eta_min=0.1)
    assert (scene.noise, scene.seed, scene.clip, scene.clip_mode) == (0.5, 7, 2.0, "after")


def test_per_optimizer_values():
    scene, notices = parse_params({"opt": "adam,sgd", "per": "1", "lr.adam": "0.001",
                                   "lr": "0.1"}, CATALOG)
    assert notices == []
    assert scene.hyper_for("adam").lr == 0.001
    assert scene.hyper_for("sgd").lr == 0.1
    assert scene_params(scene, CATALOG)["lr.adam"] == "0.001"


def test_per_optimizer_value_without_per_is_flagged():
    scene, notices = parse_params({"lr.adam": "0.001"}, CATALOG)
    assert [(n.param, n.problem) for n in notices] == [("lr.adam", "unused")]
    assert scene.hyper_for("adam").lr == 0.002


def test_unknown_parameter_name_raises_in_link():
    with pytest.raises(ValueError, match="lrr"):
        playground_link({"lrr": 0.1})


def test_link_with_catalog_refuses_values_that_would_need_a_notice():
    with pytest.raises(ValueError, match="steps"):
        playground_link({"steps": 0}, CATALOG)
    with pytest.raises(ValueError, match="rounded"):
        playground_link({"lr": 0.00413}, CATALOG)


@pytest.mark.parametrize(
    ("params", "param", "problem"),
    [
        ({"ls": "nowhere"}, "ls", "invalid"),
        ({"opt": "adam,bogus"}, "opt", "invalid"),
        ({"opt": "adam,adam"}, "opt", "duplicate"),
        ({"opt": ","}, "opt", "invalid"),
        ({"lr": "banana"}, "lr", "invalid"),
        ({"lr": "nan"}, "lr", "invalid"),
        ({"lr": "1e9"}, "lr", "out_of_range"),
        ({"lr": "-0.1"}, "lr", "out_of_range"),
        ({"lr": "0.00413"}, "lr", "rounded"),
        ({"b1": "1.5"}, "b1", "out_of_range"),
        ({"eps": "0"}, "eps", "out_of_range"),
        ({"start": "1"}, "start", "invalid"),
        ({"start": "a,b"}, "start", "invalid"),
        ({"start": "100,0"}, "start", "out_of_range"),
        ({"steps": "12.5"}, "steps", "invalid"),
        ({"steps": "0"}, "steps", "out_of_range"),
        ({"steps": "99999999"}, "steps", "out_of_range"),
        ({"sched": "sometimes"}, "sched", "invalid"),
        ({"sched": "cosine", "eta_min": "2"}, "eta_min", "out_of_range"),
        ({"noise": "-1"}, "noise", "out_of_range"),
        ({"seed": "x"}, "seed", "invalid"),
        ({"clip_mode": "during"}, "clip_mode", "invalid"),
        ({"per": "yes"}, "per", "invalid"),
        ({"lr.nobody": "0.1"}, "lr.nobody", "invalid"),
        ({"bc": "off"}, "bc", "invalid"),
        ({"centered": "2"}, "centered", "invalid"),
        ({"damp": "1.5"}, "damp", "out_of_range"),
        ({"damp": "0.33"}, "damp", "rounded"),
        ({"lr_decay": "-1"}, "lr_decay", "out_of_range"),
        ({"acc0": "lots"}, "acc0", "invalid"),
        ({"mom_decay": "0.005"}, "mom_decay", "rounded"),
        ({"opt": "adam", "per": "1", "bc.adam": "no"}, "bc.adam", "invalid"),
        ({"zoom": "3"}, "zoom", "unknown"),
    ],
)
def test_bad_values_fall_back_with_a_notice(params, param, problem):
    scene, notices = parse_params(params, CATALOG)
    assert (param, problem) in [(n.param, n.problem) for n in notices]
    if problem != "rounded":
        base = default_scene(CATALOG)
        # the bad value changed nothing the default would not give
        assert scene.steps == base.steps and scene.shared.lr == base.shared.lr
        assert scene.start == base.start or params.get("ls")


ADVANCED_LINK = {"opt": "momentum,rmsprop,adam", "damp": 0.5, "centered": 1, "lr_decay": 0.01,
                 "acc0": 0.1, "mom_decay": 0.04, "bc": 0}


def test_advanced_parameters_round_trip():
    link = playground_link(ADVANCED_LINK, CATALOG)
    scene, notices = parse_params(query(link), CATALOG)
    assert notices == []
    assert scene.shared == Hyper(dampening=0.5, centered=True, lr_decay=0.01,
                                 initial_accumulator_value=0.1, momentum_decay=0.04,
                                 bias_correction=False)
    params = scene_params(scene, CATALOG)
    assert {k: params[k] for k in ("damp", "centered", "lr_decay", "acc0", "mom_decay",
                                   "bc")} == {"damp": "0.5", "centered": "1", "lr_decay": "0.01",
                                              "acc0": "0.1", "mom_decay": "0.04", "bc": "0"}
    assert parse_params(params, CATALOG) == (scene, [])


def test_advanced_per_optimizer_values_round_trip():
    params = {"opt": "rmsprop,adam", "per": "1", "bc.adam": "0", "centered.rmsprop": "1"}
    scene, notices = parse_params(params, CATALOG)
    assert notices == []
    assert scene.hyper_for("adam").bias_correction is False
    assert scene.hyper_for("rmsprop").centered is True
    assert scene.shared.bias_correction is True and scene.shared.centered is False
    assert scene_params(scene, CATALOG) == params


def test_advanced_defaults_are_pytorch_and_left_out_of_links():
    from optim import OPTIMIZERS

    torch = {k: v for spec in OPTIMIZERS.values() for k, v in spec.hyperparams.items()
             if k in ("dampening", "centered", "lr_decay", "initial_accumulator_value",
                      "momentum_decay")}
    assert {k: getattr(Hyper(), k) for k in torch} == torch
    assert Hyper().bias_correction is True
    # an old link opens the same scene and writes back exactly the same parameters
    old = {"opt": "adam,rmsprop,momentum", "lr": "0.01", "steps": "300"}
    scene, notices = parse_params(old, CATALOG)
    assert notices == [] and scene_params(scene, CATALOG) == old


def test_rounded_learning_rate_goes_down_never_up():
    # 0.00549 is nearer 0.0055 on a log scale, but a larger step could cross a stability limit
    scene, notices = parse_params({"lr": "0.00549"}, CATALOG)
    assert scene.shared.lr == 0.005
    assert notices[0].used == "0.005"


def test_rounded_beta_is_the_nearest_grid_point():
    scene, notices = parse_params({"b2": "0.998"}, CATALOG)
    assert scene.shared.beta2 == 0.999
    assert notices[0].used == "0.999"


@pytest.mark.parametrize("lr", [0.18, 0.19, 0.15, 0.03, 0.3, 0.36, 0.38, 0.001, 0.002, 0.0015,
                                0.05, 0.25, 1.2, 4e-5])
def test_lesson_learning_rates_round_trip_exactly(lr):
    link = playground_link({"ls": "rosenbrock", "opt": "sgd", "lr": lr}, CATALOG)
    scene, notices = parse_params(query(link), CATALOG)
    assert notices == []
    assert scene.shared.lr == lr


def test_lr_grid_has_two_significant_digits_at_most_ten_percent_apart():
    assert all(float(f"{v:.2g}") == v for v in LR_GRID)
    ratios = [b / a for a, b in itertools.pairwise(LR_GRID)]
    assert max(ratios) <= 1.1 + 1e-9 and min(ratios) > 1.0


def test_default_scene_is_per_optimizer_with_suggested_values():
    scene = default_scene(CATALOG)
    assert scene.per_optimizer
    assert scene.hyper_for("sgd").lr < scene.hyper_for("adam").lr
    assert scene.hyper_for("adamw").weight_decay > 0
    assert scene.hyper_for("adamw") != scene.hyper_for("adam")
    assert scene_params(scene, CATALOG) == {}


def test_links_with_parameters_keep_the_old_shared_defaults():
    """Old links (any scene parameter, no per) still mean one shared set, lr 0.002."""
    scene, notices = parse_params({"steps": "500"}, CATALOG)
    assert notices == [] and not scene.per_optimizer
    assert scene.shared == Hyper() and scene.shared.lr == 0.002
    assert parse_params({"view": "surface", "lang": "zh"}, CATALOG)[0] == default_scene(CATALOG)


def test_plain_scene_writes_a_link_that_is_not_bare():
    plain = replace(default_scene(CATALOG), per_optimizer=False, own=())
    params = scene_params(plain, CATALOG)
    assert params == {"per": "0"}
    assert parse_params(params, CATALOG)[0] == plain


def test_default_scene_changed_a_little_round_trips():
    scene = replace(default_scene(CATALOG), steps=500)
    params = scene_params(scene, CATALOG)
    assert params["per"] == "1" and params["lr.adam"] == "0.05" and params["wd.adamw"] == "0.01"
    assert parse_params(params, CATALOG) == (scene, [])


def test_language_parameter_passes_through_silently():
    assert parse_params({"lang": "zh"}, CATALOG)[1] == []


def test_repeated_parameter_takes_the_last_value():
    scene, _ = parse_params({"steps": ["10", "20"]}, CATALOG)
    assert scene.steps == 20


grid = st.sampled_from
hypers = st.builds(Hyper, lr=grid(LR_GRID), beta1=grid(BETA_GRID), beta2=grid(BETA_GRID),
                   eps=grid(EPS_GRID), weight_decay=grid(WEIGHT_DECAY_GRID),
                   momentum=grid(BETA_GRID), dampening=grid(DAMPENING_GRID),
                   centered=st.booleans(), lr_decay=grid(LR_DECAY_GRID),
                   initial_accumulator_value=grid(ACCUMULATOR_GRID),
                   momentum_decay=grid(MOMENTUM_DECAY_GRID), bias_correction=st.booleans())


@st.composite
def scenes(draw):
    landscape = draw(st.sampled_from(sorted(CATALOG.landscapes)))
    (x0, x1), (y0, y1) = CATALOG.landscapes[landscape].bounds
    optimizers = tuple(draw(st.lists(st.sampled_from(sorted(CATALOG.optimizers)), min_size=1,
                                     max_size=6, unique=True)))
    per = draw(st.booleans())
    own = tuple((name, draw(hypers)) for name in optimizers) if per else ()
    schedule = ScheduleChoice(kind=draw(st.sampled_from(SCHEDULE_KINDS)),
                              warmup_steps=draw(st.integers(1, 10_000)),
                              eta_min=draw(st.floats(0, 1)), gamma=draw(st.floats(0, 1)))
    noise = draw(st.floats(0, 100))
    clip = draw(st.floats(0, 1e6))
    base = default_scene(CATALOG)
    return replace(
        base, landscape=landscape, optimizers=optimizers, shared=draw(hypers),
        per_optimizer=per, own=own,
        start=(draw(st.floats(x0, x1)), draw(st.floats(y0, y1))),
        steps=draw(st.integers(1, 10_000)), schedule=schedule, noise=noise,
        seed=draw(st.integers(0, 2**31 - 1)) if noise else 0,
        clip=clip, clip_mode=draw(st.sampled_from(("before", "after"))) if clip else "before")


def normalised(scene):
    """Schedule fields the chosen kind does not use are not in the URL: compare the rest."""
    used = {"kind": scene.schedule.kind}
    from ui.scene import SCHEDULE_PARAMS
    for name in SCHEDULE_PARAMS[scene.schedule.kind]:
        used[name] = getattr(scene.schedule, name)
    return replace(scene, schedule=replace(ScheduleChoice(), **used))


@settings(max_examples=200, deadline=None)
@given(scenes())
def test_any_scene_round_trips_through_its_link(scene):
    parsed, notices = parse_params(query(scene_link(scene, CATALOG)), CATALOG)
    assert notices == []
    assert normalised(parsed) == normalised(scene)


def test_suggested_values_race_and_none_diverges_on_the_default_landscape():
    """The default scene must teach, not mislead: every optimizer travels visibly far from the
    default start toward the minimum in 1000 steps, none diverges, and Adam is not behind SGD."""
    import numpy as np

    from landscapes import get_landscape
    from optim import OPTIMIZERS
    from ui.scene import catalog_from_engine
    from ui.simulation import run_scene

    catalog = catalog_from_engine()
    ls = get_landscape("rosenbrock")
    minimum = np.array(ls.minima[0])
    base = default_scene(catalog)
    scene = replace(base, optimizers=tuple(OPTIMIZERS),
                    own=tuple((name, suggested_hyper(name)) for name in OPTIMIZERS))
    start = np.linalg.norm(np.array(scene.start) - minimum)
    final = {}
    for name, traj in run_scene(scene):
        assert traj.diverged_at[0] < 0, name
        final[name] = float(np.linalg.norm(traj.positions[-1, 0] - minimum))
        assert final[name] < 0.7 * start, (name, final[name])
    assert final["adam"] < final["sgd"]
    assert final["adamw"] != final["adam"]
    arrived = [n for n in base.optimizers if final[n] < 0.2]
    assert len(arrived) >= len(base.optimizers) // 2, final


def test_every_schedule_choice_reaches_the_engine():
    """Each kind in the UI builds the engine schedule of that kind with the choice's fields;
    cosine's total_steps 0 means the run's length."""
    from dataclasses import replace

    from optim import schedules
    from ui.scene import SCHEDULE_KINDS, ScheduleChoice
    from ui.simulation import make_schedule

    base = ScheduleChoice()
    for kind in SCHEDULE_KINDS:
        built = make_schedule(replace(base, kind=kind), 700)
        assert built.kind == kind
    cos = make_schedule(replace(base, kind="cosine", eta_min=0.1), 700)
    assert cos == schedules.cosine(700, 0.1)
    warm = make_schedule(replace(base, kind="linear_warmup", warmup_steps=30), 700)
    assert warm == schedules.linear_warmup(30)
