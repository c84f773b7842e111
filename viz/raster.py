"""The terrain as a picture: banded colours with darker band edges, encoded as a PNG data URI.

Why a picture and not a ``go.Contour`` trace: Plotly.js removes contour and heatmap traces
while an animation with ``redraw: false`` plays (plotly.js#4491), and a full redraw per frame
is slow enough that the map flickers away. A layout image is not a trace, so frames never
touch it: the terrain stays put and the paths glide over it.

Filled contours are emulated by quantizing the colour value into ``bands`` levels; a pixel
whose band differs from its right or lower neighbour is darkened, which draws the contour
lines. The PNG is written with the standard library (zlib + struct), no imaging dependency.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence

import numpy as np

EDGE_SHADE = 0.86
BANDS = 28


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


def banded_rgb(colour: np.ndarray, scale: Sequence[Sequence], bands: int,
               cmin: float, cmax: float) -> np.ndarray:
    """``colour[i, j]`` (row 0 = lowest y) as a banded RGB picture with row 0 at the top."""
    span = cmax - cmin if cmax > cmin else 1.0
    t = np.clip((np.nan_to_num(colour, nan=cmax, posinf=cmax, neginf=cmin) - cmin) / span,
                0.0, 1.0)
    band = np.minimum((t * bands).astype(int), bands - 1)
    rgb = scale_colours(scale, (band + 0.5) / bands)
    edge = np.zeros(band.shape, dtype=bool)
    edge[:, :-1] |= band[:, 1:] != band[:, :-1]
    edge[:-1, :] |= band[1:, :] != band[:-1, :]
    rgb[edge] *= EDGE_SHADE
    return np.round(rgb[::-1]).astype(np.uint8)


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
