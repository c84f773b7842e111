"""The terrain as a picture: banded colours with darker band edges, encoded as a PNG data URI.

Why a picture and not a ``go.Contour`` trace: Plotly.js removes contour and heatmap traces
while an animation with ``redraw: false`` plays (plotly.js#4491), and a full redraw per frame
is slow enough that the map flickers away. A layout image is not a trace, so frames never
touch it: the terrain stays put and the paths glide over it.

Filled contours are emulated by quantizing the colour value into ``bands`` levels; a pixel
whose band differs from its right or lower neighbour is darkened, which draws the contour
lines. Where the bands are finer than a few pixels the colours run smoothly instead
(``DENSE_EDGES``), so many-minima landscapes show no moire. The PNG is written with the
standard library (zlib + struct), no imaging dependency.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence

import numpy as np

EDGE_SHADE = 0.62
BANDS = 24
BAND_CHOICES = (24, 16, 12, 8, 6)
MAX_EDGE_SHARE = 0.16
"""The most bands (up to ``BANDS``) whose lines cover at most this share of the picture: a
landscape with many ripples gets fewer, wider bands instead of a grey felt of lines."""
DENSE_EDGES = 0.45
"""Share of edge pixels in a 7 x 7 window above which the bands are too fine to read (a
many-minima landscape's egg box): there the colours run smoothly and no lines are drawn, so no
moire appears; the lines fade out from half this share on."""


def png_bytes(rgb: np.ndarray) -> bytes:
    """An 8-bit RGB image ``(height, width, 3)`` as PNG bytes (filter 0 on every row)."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    height, width, _ = rgb.shape
    rows = np.concatenate([np.zeros((height, 1), np.uint8), rgb.reshape(height, -1)], axis=1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 9)) + chunk(b"IEND", b""))


def scale_colours(scale: Sequence[Sequence], t: np.ndarray) -> np.ndarray:
    """Colours of a Plotly colour scale ``[[stop, "#rrggbb"], ...]`` at ``t`` in [0, 1]."""
    stops = np.array([float(s) for s, _ in scale])
    rgb = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for _, c in scale], dtype=float)
    return np.stack([np.interp(t, stops, rgb[:, k]) for k in range(3)], axis=-1)


def _bands(t: np.ndarray, bands: int) -> tuple[np.ndarray, np.ndarray]:
    """Band index of each pixel, and the pixels whose right or lower neighbour differs."""
    band = np.minimum((t * bands).astype(int), bands - 1)
    edge = np.zeros(band.shape, dtype=bool)
    edge[:, :-1] |= band[:, 1:] != band[:, :-1]
    edge[:-1, :] |= band[1:, :] != band[:-1, :]
    return band, edge


def banded_rgb(colour: np.ndarray, scale: Sequence[Sequence], bands: int,
               cmin: float, cmax: float) -> np.ndarray:
    """``colour[i, j]`` (row 0 = lowest y) as a banded RGB picture with row 0 at the top, in
    at most ``bands`` bands (fewer where ``MAX_EDGE_SHARE`` asks for it)."""
    span = cmax - cmin if cmax > cmin else 1.0
    t = np.clip((np.nan_to_num(colour, nan=cmax, posinf=cmax, neginf=cmin) - cmin) / span,
                0.0, 1.0)
    for count in BAND_CHOICES:
        if count > bands:
            continue
        band, edge = _bands(t, count)
        if edge.mean() <= MAX_EDGE_SHARE:
            break
    bands = count
    density = box_mean(edge, 3)
    dense = density > DENSE_EDGES
    rgb = scale_colours(scale, np.where(dense, t, (band + 0.5) / bands))
    fade = np.clip(2.0 - 2.0 * density / DENSE_EDGES, 0.0, 1.0)  # 1 up to half the limit
    shade = 1.0 - (1.0 - EDGE_SHADE) * fade
    rgb[edge] *= shade[edge][:, None]
    return np.round(rgb[::-1]).astype(np.uint8)


def box_mean(mask: np.ndarray, radius: int) -> np.ndarray:
    """The mean of ``mask`` over the (2 radius + 1)-square window around each pixel (edges
    padded with zeros), by two cumulative sums."""
    size = 2 * radius + 1
    padded = np.pad(mask.astype(float), ((radius + 1, radius), (radius + 1, radius)))
    c = padded.cumsum(0).cumsum(1)
    total = c[size:, size:] - c[:-size, size:] - c[size:, :-size] + c[:-size, :-size]
    return total / size**2


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
