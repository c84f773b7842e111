"""Loss landscapes for the optimizer visualizer (NumPy only).

    from landscapes import get_landscape, LANDSCAPES, Landscape, quadratic
    ls = get_landscape("rosenbrock")
    ls.value(xy), ls.grad(xy), ls.hessian(xy)     # xy of shape (..., 2)
    ls.grad_xy(x, y)                              # the engine's hot-loop entry point

``LANDSCAPES`` maps each registry key to its record, in display order (terrain, then the classic
test functions, then the data landscapes). Every builder is also exported as a factory, so a
lesson can build a tuned variant: ``quadratic(2, 2, center=(5, 5))``, ``plateau(tilt=0.0)``,
``two_basin(sharp_depth=2.0)``, ``huber(delta=0.5)``, ... or ``LANDSCAPES[key].with_params(...)``.
"""

from __future__ import annotations

from .base import GROUPS, Landscape
from .data import huber, least_squares_line, regression_data, ridge
from .terrain import lj_wall, plateau, quadratic, saddle, slope, two_basin, u_valley
from .test_functions import beale, himmelblau, rastrigin, rosenbrock

__all__ = [
    "GROUPS",
    "LANDSCAPES",
    "Landscape",
    "beale",
    "get_landscape",
    "himmelblau",
    "huber",
    "least_squares_line",
    "lj_wall",
    "plateau",
    "quadratic",
    "rastrigin",
    "regression_data",
    "ridge",
    "rosenbrock",
    "saddle",
    "slope",
    "two_basin",
    "u_valley",
]


def _build_registry() -> dict[str, Landscape]:
    bowl = quadratic(
        2.0, 2.0, name="bowl",
        title={"en": "Round bowl", "zh": "圆碗"},
        description={
            "en": "The simplest convex bowl, round contours: every method gets to the bottom.",
            "zh": "最简单的凸二次函数，等高线是一圈圈同心圆，哪种方法都能走到碗底，正好当对照组。",
        },
        starts=((-2.5, 2.0), (2.5, 1.0)),
    )
    ravine = quadratic(
        0.1, 10.0, angle_deg=30.0, name="ravine",
        title={"en": "Tilted ravine", "zh": "斜峡谷"},
        description={
            "en": "An ill-conditioned bowl (curvatures 0.1 and 10) with its floor at 30 degrees.",
            "zh": "病态二次函数，两个方向曲率差一百倍，谷底斜着放；梯度下降会在两壁间来回折返。",
        },
        starts=((-2.4, -0.8), (2.0, 2.0)),
    )
    ravine_axis = quadratic(
        0.1, 10.0, name="ravine_axis",
        title={"en": "Axis-aligned ravine", "zh": "正峡谷"},
        description={
            "en": "The same ravine along the x axis: Adam's per-coordinate steps help most here.",
            "zh": "同样病态的峡谷，但谷底顺着 x 轴；Adam 按坐标分别调步长，在这里好处最明显。",
        },
        starts=((-2.5, 0.5), (2.5, -1.0)),
    )
    items = [
        bowl, ravine, ravine_axis, plateau(), saddle(), two_basin(), lj_wall(), slope(),
        u_valley(), rosenbrock(), beale(), himmelblau(), rastrigin(), ridge(), huber(),
        least_squares_line(),
    ]
    return {ls.name: ls for ls in items}


LANDSCAPES: dict[str, Landscape] = _build_registry()


def get_landscape(name: str) -> Landscape:
    """The registered landscape called ``name``; ValueError listing the valid names otherwise."""
    try:
        return LANDSCAPES[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown landscape {name!r}; valid names: {', '.join(LANDSCAPES)}"
        ) from None
