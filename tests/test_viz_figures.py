"""Map, surface and step curves: log colours where the loss spans decades, honest log axes."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from viz_fakes import FakeRosenbrock, spiral_runs

from viz.colors import OKABE_ITO, run_style
from viz.contour import contour_figure, equal_aspect
from viz.curves import distance_figure, distance_to_nearest, loss_figure
from viz.terrain import colour_value, sample_terrain
from viz.text import FigureText

LAND = FakeRosenbrock()


def test_log_terrain_colours_are_log10_of_the_gap():
    terrain = sample_terrain(LAND, 31)
    assert terrain.log
    i, j = 7, 19
    expected = np.log10(terrain.loss[i, j] - terrain.floor + terrain.delta)
    assert np.isclose(terrain.colour[i, j], expected)
    # colour bar is labelled with real losses at decades
    assert "1" in terrain.ticktext and "100" in terrain.ticktext


def test_linear_terrain_keeps_the_loss():
    terrain = sample_terrain(replace(LAND, log_colors=False), 31)
    assert not terrain.log
    np.testing.assert_array_equal(terrain.colour, terrain.loss)
    assert colour_value(np.array([3.0]), False, 0, 1)[0] == 3.0


def test_map_marks_minima_and_saddles_and_translates_axes():
    text = FigureText(x="横", y="纵", minimum="极小", saddle="鞍")
    fig = contour_figure(LAND, text)
    names = [t.name for t in fig.data]
    assert "极小" in names and "鞍" in names
    assert fig.layout.xaxis.title.text == "横"
    assert list(fig.layout.xaxis.range) == [-2.0, 2.0]


def test_equal_aspect_only_for_reasonable_boxes():
    assert equal_aspect(((-2, 2), (-1, 3)))
    assert not equal_aspect(((0, 100), (0, 1)))


def test_loss_curve_is_log_and_uses_the_loss():
    runs = spiral_runs(100, count=2)
    fig = loss_figure(LAND, runs)
    assert fig.layout.yaxis.type == "log"
    np.testing.assert_allclose(np.asarray(fig.data[0].y, dtype=float),
                               LAND.value(runs[0].positions), rtol=1e-6)


def test_loss_gap_when_the_minimum_is_negative():
    land = replace(LAND, minima_values=(-1.0,))
    shifted = type("Shifted", (), {})()
    shifted.bounds, shifted.minima, shifted.saddles = land.bounds, land.minima, land.saddles
    shifted.minima_values, shifted.log_colors = (-1.0,), False
    shifted.value = lambda xy: LAND.value(xy) - 1.0
    text = FigureText(loss_gap="GAP")
    fig = loss_figure(shifted, spiral_runs(50, count=1), text)
    assert fig.layout.title.text == "GAP" and fig.layout.yaxis.type == "log"


def test_distance_to_nearest_minimum():
    d = distance_to_nearest(np.array([[1.0, 1.0], [4.0, 5.0]]), [(1.0, 1.0), (4.0, 1.0)])
    np.testing.assert_allclose(d, [0.0, 4.0])
    fig = distance_figure(LAND, spiral_runs(50, count=2))
    assert fig.layout.yaxis.type == "log" and len(fig.data) == 2


def test_colours_are_okabe_ito_and_distinct():
    styles = [run_style(i) for i in range(12)]
    assert len(set(styles)) == 12
    assert [c for c, _ in styles[:8]] == list(OKABE_ITO)


def test_log_curve_axes_label_only_powers_of_ten_in_power_notation():
    from viz.curves import log_axis

    narrow = log_axis([np.array([2e-4, 5e-4])])  # less than a decade: still two powers
    assert narrow["exponentformat"] == "power" and narrow["dtick"] == 1
    lo, hi = narrow["range"]
    assert lo <= -4 and hi >= -3
    wide = log_axis([np.array([1e-16, 5e3])])
    assert wide["dtick"] >= 2  # not twenty crowded labels
    fig = loss_figure(LAND, spiral_runs(2))
    assert fig.layout.yaxis.exponentformat == "power" and fig.layout.yaxis.dtick is not None


def test_power_labels_never_use_si_prefixes():
    from viz.text import power_label

    assert power_label("1e-05") == "10<sup>−5</sup>"
    assert power_label("0.01") == "0.01" and power_label("1e+03") == "1000"
    assert "μ" not in power_label("0.0001")


def test_step_readout_is_a_format_string():
    from viz.animation import path_figure

    fig = path_figure(LAND, spiral_runs(1), FigureText(step_format="第 {step} 步"))
    current = fig.layout.sliders[0].currentvalue
    assert (current.prefix, current.suffix) == ("第 ", " 步")


def test_start_ring_is_drawn_above_the_comet():
    from viz.animation import path_figure

    names = [t.name for t in path_figure(LAND, spiral_runs(2)).data]
    assert names.index("start") > names.index("comet")


def test_compact_keeps_float32_only_where_it_changes_nothing_drawn():
    """compact: float32 for ordinary values (half the payload); float64 when float32 would
    turn a finite value infinite (|v| > 3.4e38, e.g. a loss of 1e300) or a nonzero one into 0
    (|v| < 1.4e-45). Finite stays finite and in order, NaN stays NaN, +-inf stays +-inf."""
    from viz.runs import compact

    ordinary = compact(np.array([0.5, 1e30, -1e-30, np.nan, np.inf]))
    assert ordinary.dtype == np.float32
    for values in ([1e300, 1e39, 1.0], [-1e300, 2.0], [1e-300, 1.0], [np.nan, 5e38]):
        out = compact(np.array(values))
        assert out.dtype == np.float64
        np.testing.assert_array_equal(out, values)  # exact (NaN where NaN)
    mixed = np.array([1e300, np.nan, -np.inf, 3e38, 1e-320, 0.0])
    out = compact(mixed)
    assert np.isnan(out[1]) and out[2] == -np.inf
    assert np.isfinite(out[[0, 3, 4, 5]]).all() and out[4] > 0
    rising = np.logspace(-60, 300, 50)
    assert (np.diff(compact(rising)) > 0).all()
    small_steps = np.linspace(1.0, 1.0 + 1e-6, 50)  # float32 may tie them, never swap them
    assert (np.diff(compact(small_steps)) >= 0).all()


def test_loss_curve_keeps_losses_beyond_float32_finite_and_ordered():
    """A run whose loss falls from 1e300 (finite in float64, inf in float32) to 1e-2 with a
    NaN after it broke off: the curve the browser receives has every finite loss finite, in the
    same order, the NaN still NaN, and the log axis spans up to 1e300."""
    import base64
    import json

    import plotly.io as pio

    from viz.runs import Run

    losses = np.array([1e300, 1e200, 1e100, 1e38, 1e20, 1.0, 1e-2, np.nan])
    positions = np.ones((len(losses), 2))
    run = Run("huge", "#000000", positions, diverged_at=7, reason="nonfinite_loss",
              losses=losses)
    fig = loss_figure(LAND, [run])
    node = json.loads(pio.to_json(fig, validate=False))["data"][0]["y"]
    y = (np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"])
         if isinstance(node, dict) else np.array(node, dtype=float))
    np.testing.assert_array_equal(y[:7], losses[:7])
    assert np.isnan(y[7])
    assert (np.diff(y[:7]) < 0).all()
    assert fig.layout.yaxis.range[1] >= 300
