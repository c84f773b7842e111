"""The optimizer registry and the pieces around the rules (optim.specs, optim.perturb)."""

import numpy as np
import pytest

from optim import OPTIMIZERS, simulate
from optim.perturb import NoiseStream, clip_by_norm_
from optim.specs import BOUNDS, FLAGS

NAMES = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "amsgrad",
         "nadam", "radam", "adamax", "lion")


class Bowl:
    """f = (x^2 + 3 y^2) / 2, grad = (x, 3y): a plain landscape without the fast methods."""

    def value(self, xy):
        return 0.5 * (xy[..., 0] ** 2 + 3 * xy[..., 1] ** 2)

    def grad(self, xy):
        return np.stack([xy[..., 0], 3 * xy[..., 1]], axis=-1)


def test_registry_holds_the_twelve_names_in_display_order():
    assert tuple(OPTIMIZERS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_keyword_has_a_range_and_every_default_is_inside_it(name):
    spec = OPTIMIZERS[name]
    assert spec.name == name and spec.title and spec.latex
    for key, default in spec.hyperparams.items():
        if key in FLAGS:
            assert isinstance(default, bool)
        else:
            assert BOUNDS[key].contains(default), (key, default)


@pytest.mark.parametrize("name", NAMES)
def test_recorded_state_has_exactly_the_declared_names(name):
    """``state_names`` is what the app lists; the engine must record exactly those arrays."""
    traj = simulate(Bowl(), name, (1.0, 1.0), 5, record=("state",))
    assert tuple(sorted(traj.state)) == tuple(sorted(OPTIMIZERS[name].state_names))
    for arr in traj.state.values():
        assert arr.shape == (6, 1, 2)
        assert np.isfinite(arr[1:]).all()


@pytest.mark.parametrize("name", NAMES)
def test_update_record_is_the_difference_of_positions(name):
    """update_t = theta_t - theta_{t-1}, row 0 NaN."""
    traj = simulate(Bowl(), name, (1.0, -2.0), 7, record=("state",), lr=0.05)
    assert np.isnan(traj.state["update"][0]).all()
    np.testing.assert_array_equal(traj.state["update"][1:], np.diff(traj.positions, axis=0))


def test_adam_eff_lr_times_m_hat_is_the_update():
    """For Adam, update = -eff_lr * m_hat with eff_lr = lr / (sqrt(v_hat) + eps)."""
    traj = simulate(Bowl(), "adam", (1.0, -2.0), 20, record=("state",), lr=0.1)
    s = traj.state
    np.testing.assert_allclose(s["update"][1:], -(s["eff_lr"] * s["m_hat"])[1:], rtol=1e-12)
    np.testing.assert_allclose(s["eff_lr"][1:], 0.1 / (np.sqrt(s["v_hat"][1:]) + 1e-8),
                               rtol=1e-12)


def test_noise_does_not_depend_on_the_chunk_size():
    """Step t's noise is row t-1 of default_rng(seed).standard_normal((steps, 2)), however it
    is drawn."""
    seeds = np.array([3, 7, 3])
    stream = NoiseStream(seeds, 3, 1, 50)
    stream._chunk = 7
    got = np.stack([stream.take(t) for t in range(1, 51)])
    for col, seed in enumerate(seeds):
        want = np.random.default_rng(seed).standard_normal((50, 2))
        np.testing.assert_array_equal(got[:, :, col], want)


def test_noise_stream_can_start_mid_run():
    """A continued run (first step 21) draws what the uninterrupted run would draw there."""
    want = np.random.default_rng(5).standard_normal((40, 2))[20:]
    stream = NoiseStream(np.array(5), 1, 21, 20)
    got = np.stack([stream.take(t)[:, 0] for t in range(21, 41)])
    np.testing.assert_array_equal(got, want)


def test_clip_by_norm_matches_clip_grad_norm():
    """x <- x * min(1, c / (||x|| + 1e-6)) column by column."""
    x = np.array([[3.0, 0.3, 0.0], [4.0, 0.4, 0.0]])
    clip_by_norm_(x, 1.0)
    np.testing.assert_allclose(x[:, 0], np.array([3.0, 4.0]) / (5.0 + 1e-6))
    np.testing.assert_array_equal(x[:, 1], [0.3, 0.4])
    np.testing.assert_array_equal(x[:, 2], [0.0, 0.0])


def test_plain_landscape_objects_work_through_value_and_grad():
    """simulate accepts any object with value(xy) and grad(xy): GD on the bowl contracts
    x by (1 - lr) and y by (1 - 3 lr) per step."""
    traj = simulate(Bowl(), "sgd", (1.0, 1.0), 10, lr=0.1)
    np.testing.assert_allclose(traj.positions[-1, 0], [0.9**10, 0.7**10], rtol=1e-12)
    np.testing.assert_allclose(traj.losses, Bowl().value(traj.positions), rtol=1e-15)


def test_schedule_build_takes_only_each_kinds_parameters():
    """schedules.build(kind, **pool) equals calling that kind's builder with its own fields."""
    from optim import schedules

    pool = dict(warmup_steps=10, total_steps=50, eta_min=0.1, t_0=20, t_mult=2, step_size=15,
                min_mult=0.2, gamma=0.5)
    assert schedules.build("cosine", **pool) == schedules.cosine(50, 0.1)
    assert schedules.build("step_decay", **pool) == schedules.step_decay(15, 0.5)
    assert schedules.build("constant", **pool) == schedules.constant()
    with pytest.raises(ValueError, match="bogus"):
        schedules.build("bogus", **pool)
