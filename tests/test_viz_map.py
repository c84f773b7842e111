"""The map's picture: bold terrain without moire, starred global minima, thick haloed paths,
and a labelled cross where a diverged run left the box."""

from __future__ import annotations

import numpy as np
import pytest

from landscapes import LANDSCAPES, get_landscape
from viz.animation import HALO_WIDTH, PATH_WIDTH, exit_point, path_figure
from viz.colors import TERRAIN_SCALE, VIRIDIS
from viz.contour import split_minima
from viz.raster import MAX_EDGE_SHARE, _bands, banded_rgb
from viz.runs import Run
from viz.terrain import colour_range, sample_terrain

BOX = ((-1.0, 1.0), (-2.0, 2.0))


def test_exit_point_is_where_the_first_outgoing_segment_crosses_the_edge():
    """From (0, 0) to (2, 0) the path crosses x = 1 halfway: the exit is (1, 0)."""
    path = np.array([[0.0, 0.0], [0.5, 0.0], [2.0, 0.0], [5.0, 5.0]])
    np.testing.assert_allclose(exit_point(path, 3, BOX), [1.0, 0.0], atol=1e-12)


def test_exit_point_takes_the_edge_crossed_first_on_a_corner_cut():
    """(0, 1.5) -> (2, 3.5): x = 1 is reached at share 0.5, y = 2 at share 0.25, so y first."""
    path = np.array([[0.0, 1.5], [2.0, 3.5]])
    np.testing.assert_allclose(exit_point(path, 1, BOX), [0.5, 2.0], atol=1e-12)


def test_a_path_that_stays_inside_exits_at_its_last_point():
    path = np.array([[0.0, 0.0], [0.2, 0.1], [0.3, -0.4]])
    np.testing.assert_array_equal(exit_point(path, 2, BOX), path[2])


def test_rastrigin_has_one_global_and_eight_local_minima():
    best, local = split_minima(get_landscape("rastrigin"))
    assert [(x, y) for x, y, _ in best] == [(0.0, 0.0)]
    assert len(local) == 8


def test_equal_minima_are_all_global():
    best, local = split_minima(get_landscape("himmelblau"))
    assert len(best) == 4 and not local


@pytest.mark.parametrize("name", list(LANDSCAPES))
def test_terrain_lines_never_cover_more_than_the_stated_share(name):
    """Moire comes from band edges packed tighter than pixels: the picture keeps the share of
    line pixels at or under MAX_EDGE_SHARE (fewer bands where needed), or uses the fewest."""
    terrain = sample_terrain(LANDSCAPES[name], picture=False)
    cmin, cmax = colour_range(terrain)
    t = np.clip((np.nan_to_num(terrain.colour, nan=cmax) - cmin) / (cmax - cmin), 0, 1)
    shares = {count: _bands(t, count)[1].mean() for count in (24, 6)}
    rgb = banded_rgb(terrain.colour, TERRAIN_SCALE, 24, cmin, cmax)
    assert rgb.shape == (*terrain.colour.shape, 3)
    if shares[24] > MAX_EDGE_SHARE:
        assert name == "rastrigin"  # the one egg box among the landscapes today
        assert shares[6] <= MAX_EDGE_SHARE


def test_terrain_scale_is_viridis_order_lightened():
    """Dark in the valleys, light on the heights: lightness rises monotonically."""
    def lightness(colour: str) -> float:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    values = [lightness(c) for _, c in TERRAIN_SCALE]
    assert values == sorted(values)
    assert len(TERRAIN_SCALE) == len(VIRIDIS) - 2


def _run(label: str, positions, diverged_at: int = -1) -> Run:
    return Run(label, "#0072B2", np.asarray(positions, dtype=float), diverged_at,
               "out_of_bounds" if diverged_at >= 0 else "")


def test_every_path_has_a_white_halo_in_its_legend_group():
    fig = path_figure(get_landscape("bowl"), [_run("A", [[1, 1], [0.5, 0.5], [0, 0]])])
    lines = [t for t in fig.data if t.mode == "lines"]
    halo, line = lines
    assert halo.legendgroup == line.legendgroup == "A"
    assert halo.showlegend is False and halo.line.width == HALO_WIDTH > PATH_WIDTH
    assert line.line.width == PATH_WIDTH >= 4


def test_a_diverged_run_gets_a_labelled_cross_on_the_box_edge():
    """Bowl's box is [-3, 3]^2: a run going from (2, 0) to (4, 0) leaves it at (3, 0)."""
    positions = [[2.0, 0.0], [4.0, 0.0], [np.nan, np.nan]]
    fig = path_figure(get_landscape("bowl"), [_run("Adam", positions, diverged_at=2)])
    cross = next(t for t in fig.data if t.mode == "markers+text")
    assert (cross.x[0], cross.y[0]) == pytest.approx((3.0, 0.0))
    assert "Adam" in cross.text[0]
    assert "step 2" in cross.hovertemplate


def test_revealed_paths_start_empty_grow_and_end_exact():
    """reveal=True: no path before Play; each frame's trail ends at that frame's head; the
    last frame carries the exact path (thinned only below a pixel)."""
    positions = np.column_stack([np.linspace(1, 0, 301), np.linspace(1, 0, 301) ** 2])
    fig = path_figure(get_landscape("bowl"), [_run("A", positions)], reveal=True)
    line = next(t for t in fig.data if t.mode == "lines")
    assert len(line.x) == 1  # just the start
    frames = fig.frames
    assert len(frames) <= 60
    trail = next(i for i, t in enumerate(fig.data) if t.mode == "lines")
    sizes = [len(f.data[trail].x) for f in frames]
    assert sizes == sorted(sizes)
    from viz.animation import path_tolerance
    from viz.runs import thin_path

    exact = thin_path(positions, path_tolerance(get_landscape("bowl").bounds))
    assert sizes[-1] == len(exact) > sizes[-2]  # the exact (pixel-thinned) path at the end
    middle = frames[len(frames) // 2]
    step = int(middle.name)
    assert middle.data[trail].x[-1] == pytest.approx(positions[step, 0], rel=1e-6)


def test_reveal_is_a_display_choice_in_the_link():
    from ui.scene import catalog_from_engine
    from ui.url_state import parse_params, parse_reveal

    catalog = catalog_from_engine()
    assert parse_reveal({"reveal": "1"}) and not parse_reveal({})
    scene, notices = parse_params({"reveal": "1"}, catalog)
    assert not notices and scene == parse_params({}, catalog)[0]
    assert parse_params({"reveal": "maybe"}, catalog)[1]  # a bad value gets a notice


def test_thin_path_keeps_ends_and_every_long_step():
    """A crawl of 1000 steps of 1e-6 becomes a few points; steps of 1.0 (> tolerance 0.01)
    are all kept, so a zig-zag keeps every corner."""
    from viz.runs import thin_path

    crawl = np.column_stack([np.arange(1000) * 1e-6, np.zeros(1000)])
    kept = thin_path(crawl, 0.01)
    assert kept[0] == 0 and kept[-1] == 999 and len(kept) <= 3
    zigzag = np.column_stack([np.arange(50.0), np.tile([0.0, 1.0], 25)])
    assert len(thin_path(zigzag, 0.01)) == 50


def test_compared_pairs_and_the_default_scene_have_distinct_colours():
    from ui.scene import DEFAULT_OPTIMIZERS
    from viz.colors import optimizer_style

    for a, b in [("momentum", "nesterov"), ("adam", "adamw"),
                 ("sgd", "momentum"), ("rmsprop", "adam")]:
        assert optimizer_style(a)[0] != optimizer_style(b)[0], (a, b)
    colours = [optimizer_style(name)[0] for name in DEFAULT_OPTIMIZERS]
    assert len(set(colours)) == len(colours)
