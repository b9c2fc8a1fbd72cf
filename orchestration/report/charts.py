"""The report's charts as Vega-Lite specs (Altair), data inlined: the page draws them with no request.

Each function returns a plain dict (the Vega-Lite JSON) or None when there is nothing to draw, in which
case the page says so in words.
"""
from __future__ import annotations

import math

import altair as alt
import pandas as pd

from orchestration.report.basemap import base_layers

HOST, PARTNER, BOTH = "#b2182b", "#2166ac", "#762a83"
OCEAN, LAND, LAND_EDGE, BORDER = "#dfeaf2", "#f2efe6", "#b7b09c", "#c9c1ad"
EVENT_TYPES = ["conference", "forum", "expo", "exchange_meeting", "video_conference", "summit", "signing", "other"]
WIDTH = 960


def _records(frame: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: dates as ISO strings, NaN/NA as null."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    out = out.astype(object).where(out.notna(), None)
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()} for row in out.to_dict(orient="records")]


def _extent(cities: pd.DataFrame) -> dict:
    """A GeoJSON MultiPoint framing the cities with a margin, for the projection to fit."""
    lon_min, lon_max = float(cities["longitude"].min()), float(cities["longitude"].max())
    lat_min, lat_max = float(cities["latitude"].min()), float(cities["latitude"].max())
    lon_pad = max(6.0, (lon_max - lon_min) * 0.15, (30 - (lon_max - lon_min)) / 2)
    lat_pad = max(4.0, (lat_max - lat_min) * 0.15, (18 - (lat_max - lat_min)) / 2)
    west, east = max(-180.0, lon_min - lon_pad), min(180.0, lon_max + lon_pad)
    south, north = max(-85.0, lat_min - lat_pad), min(85.0, lat_max + lat_pad)
    points = [[lon, lat] for lon in (west, (west + east) / 2, east) for lat in (south, (south + north) / 2, north)]
    return {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": points}}


def map_spec(cities: pd.DataFrame, links: pd.DataFrame) -> dict | None:
    if cities.empty:
        return None
    base = base_layers()
    fit = _extent(cities)
    height = 520
    size_by = alt.param(
        name="size_by", value="events",
        bind=alt.binding_radio(options=["events", "USD"], labels=["number of events", "USD signed"], name="Circle size: "),
    )
    # the base map goes in as named datasets after validation: checking 0.5 MB of coordinates against the
    # Vega-Lite schema would take seconds and prove nothing
    land = alt.Chart(alt.Data(name="basemap_land")).mark_geoshape(fill=LAND, stroke=LAND_EDGE, strokeWidth=0.5, clip=True)
    lakes = alt.Chart(alt.Data(name="basemap_lakes")).mark_geoshape(fill=OCEAN, stroke=None, clip=True)
    lines = [
        alt.Chart(alt.Data(name=f"basemap_{key}")).mark_geoshape(
            filled=False, stroke=colour, strokeWidth=width, clip=True)
        for key, colour, width in (("borders", BORDER, 0.6), ("antarctica", LAND_EDGE, 0.5))
    ]
    layers = [land, lakes, *lines]  # the sea is the background: a sphere layer would widen the fit
    if not links.empty:
        layers.append(
            alt.Chart(alt.Data(values=_records(links[[
                "host_city", "partner_city", "events", "event_names",
                "host_longitude", "host_latitude", "partner_longitude", "partner_latitude"]])))
            .mark_rule(color=PARTNER, opacity=0.45, clip=True)
            .encode(
                longitude="partner_longitude:Q", latitude="partner_latitude:Q",
                longitude2="host_longitude:Q", latitude2="host_latitude:Q",
                strokeWidth=alt.StrokeWidth("events:Q", scale=alt.Scale(range=[1, 5]), legend=None),
                tooltip=[alt.Tooltip("partner_city:N", title="partner"), alt.Tooltip("host_city:N", title="host"),
                         alt.Tooltip("events:Q", title="events together"), alt.Tooltip("event_names:N", title="events")],
            )
        )
    points = alt.Chart(alt.Data(values=_records(cities[[
        "city", "country", "role", "latitude", "longitude", "hosted_events", "partner_events", "events", "usd"]])))
    layers.append(
        points.transform_calculate(size_value="size_by == 'USD' ? datum.usd : datum.events")
        .mark_circle(opacity=0.85, stroke="white", strokeWidth=1, clip=True)
        .encode(
            longitude="longitude:Q", latitude="latitude:Q",
            size=alt.Size("size_value:Q", scale=alt.Scale(type="sqrt", range=[20, 450], zero=True), legend=None),
            color=alt.Color("role:N", scale=alt.Scale(domain=["host", "partner", "host and partner"], range=[HOST, PARTNER, BOTH]),
                            legend=alt.Legend(title="role", orient="bottom-left")),
            order=alt.Order("events:Q", sort="descending"),
            tooltip=[alt.Tooltip("city:N"), alt.Tooltip("country:N"), alt.Tooltip("role:N"),
                     alt.Tooltip("hosted_events:Q", title="events hosted"),
                     alt.Tooltip("partner_events:Q", title="events as partner"),
                     alt.Tooltip("usd:Q", title="USD signed at its events", format=",.0f")],
        )
        .add_params(size_by)
    )
    layers.append(
        points.transform_filter("datum.hosted_events > 0")
        .mark_text(dy=-12, fontSize=11, fontWeight="bold", color="#333", clip=True)
        .encode(longitude="longitude:Q", latitude="latitude:Q", text="city:N")
    )
    chart = alt.layer(*layers).project(type="equalEarth", fit=fit).properties(
        width=WIDTH, height=height,
        description="Map of host and partner cities, with lines from each partner city to the host city of their event",
    )
    spec = _finish(chart, background=OCEAN)
    spec.setdefault("datasets", {}).update({f"basemap_{key}": layer["features"] for key, layer in base.items()})
    return spec


def time_domain(*months: pd.Series) -> list[str] | None:
    """One x range for every chart over time: a month before the first to a month after the last bar."""
    values = pd.concat([pd.to_datetime(m, errors="coerce") for m in months], ignore_index=True).dropna()
    if values.empty:
        return None
    first, last = values.min().to_period("M").to_timestamp(), values.max().to_period("M").to_timestamp()
    return [(first - pd.DateOffset(months=1)).strftime("%Y-%m-%d"), (last + pd.DateOffset(months=2)).strftime("%Y-%m-%d")]


def _month_axis(title: str, domain: list[str] | None) -> alt.X:
    return alt.X("yearmonth(month):T", title=title, axis=alt.Axis(format="%b %Y", labelAngle=-40),
                 scale=alt.Scale(domain=domain) if domain else alt.Undefined)


def _count_axis(largest: float, title: str) -> dict:
    """Whole-number ticks for counts (Vega would label 0.5 when the largest bar is 1)."""
    largest = int(math.ceil(largest or 1))
    step = max(1, math.ceil(largest / 8))
    return {"title": title, "axis": alt.Axis(values=list(range(0, largest + step, step)), format="d"),
            "scale": alt.Scale(domain=[0, largest + (step if largest % step else 0)], nice=False)}


def events_over_time_spec(events_by_month: pd.DataFrame, by: str, domain: list[str] | None = None) -> dict | None:
    """Stacked monthly bars of events, coloured by `event_type` or `host_country`."""
    if events_by_month.empty:
        return None
    frame = events_by_month.groupby(["month", by], as_index=False)["events"].sum()
    title = {"event_type": "type", "host_country": "host country"}[by]
    colour = (alt.Color("event_type:N", scale=alt.Scale(domain=EVENT_TYPES, scheme="tableau10"), title=title)
              if by == "event_type" else alt.Color(f"{by}:N", scale=alt.Scale(scheme="tableau20"), title=title))
    chart = alt.Chart(alt.Data(values=_records(frame))).mark_bar().encode(
        x=_month_axis("month the event started", domain),
        y=alt.Y("sum(events):Q", **_count_axis(frame.groupby("month")["events"].sum().max(), "events")),
        color=colour,
        tooltip=[alt.Tooltip("yearmonth(month):T", title="month", format="%B %Y"), alt.Tooltip(f"{by}:N", title=title),
                 alt.Tooltip("sum(events):Q", title="events")],
    ).properties(width=WIDTH - 180, height=220, description=f"Events per month by {title}")
    return _finish(chart)


def deals_over_time_spec(deals: pd.DataFrame, domain: list[str] | None = None) -> dict | None:
    converted = deals.dropna(subset=["amount_usd", "month"])
    if converted.empty:
        return None
    frame = converted[["month", "currency", "amount_usd", "amount", "event_name", "qualifier"]]
    chart = alt.Chart(alt.Data(values=_records(frame))).mark_bar().encode(
        x=_month_axis("month", domain),
        y=alt.Y("sum(amount_usd):Q", title="USD (ECB rate of the event date)",
                axis=alt.Axis(format="~s", labelExpr="replace(datum.label, 'G', 'B')")),  # billions, not giga
        color=alt.Color("currency:N", title="currency stated", scale=alt.Scale(scheme="set2")),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="month", format="%B %Y"), alt.Tooltip("event_name:N", title="event"),
                 alt.Tooltip("amount:Q", title="amount stated", format=",.0f"), alt.Tooltip("currency:N"),
                 alt.Tooltip("qualifier:N"), alt.Tooltip("amount_usd:Q", title="USD", format=",.0f")],
    ).properties(width=WIDTH - 180, height=220, description="Deals in USD per month, deals recommended for aggregates")
    return _finish(chart)


def unconverted_spec(deals: pd.DataFrame) -> dict | None:
    if deals.empty:
        return None
    frame = deals.assign(
        outcome=deals["amount_usd"].notna().map({True: "converted", False: "not converted"}),
        reason=deals["fx_missing_reason"].fillna("converted"),
    ).groupby(["outcome", "reason"], as_index=False).agg(deals=("deal_id", "count"))
    frame["share"] = frame["deals"] / frame["deals"].sum()
    chart = alt.Chart(alt.Data(values=_records(frame))).mark_bar().encode(
        y=alt.Y("reason:N", title=None, sort="-x"),
        x=alt.X("deals:Q", **_count_axis(frame["deals"].max(), "deals")),
        color=alt.Color("outcome:N", scale=alt.Scale(domain=["converted", "not converted"], range=["#4d9221", "#c51b7d"]),
                        title=None),
        tooltip=[alt.Tooltip("reason:N"), alt.Tooltip("deals:Q"), alt.Tooltip("share:Q", format=".0%")],
    ).properties(width=WIDTH - 380, height=max(40, 28 * len(frame)),
                 description="Deals converted to USD and, for the rest, why not")
    return _finish(chart)


def country_network_spec(country_pairs: pd.DataFrame) -> dict | None:
    if country_pairs.empty:
        return None
    hosts = country_pairs.groupby("host_country")["events"].sum().sort_values(ascending=False).index.tolist()
    partners = country_pairs.groupby("partner_country")["events"].sum().sort_values(ascending=False).index.tolist()
    base = alt.Chart(alt.Data(values=_records(country_pairs))).encode(
        x=alt.X("partner_country:N", sort=partners, title="partner country", axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("host_country:N", sort=hosts, title="host country"),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("events:Q", scale=alt.Scale(scheme="blues"), title="events"),
        tooltip=[alt.Tooltip("host_country:N", title="host"), alt.Tooltip("partner_country:N", title="partner"),
                 alt.Tooltip("events:Q")],
    )
    labels = base.mark_text(fontSize=11).encode(
        text="events:Q",
        color=alt.condition("datum.events > 2", alt.value("white"), alt.value("#222")),
    )
    chart = alt.layer(cells, labels).properties(
        width=min(WIDTH - 200, max(120, 34 * len(partners))), height=max(40, 26 * len(hosts)),
        description="Events per pair of host and partner country",
    )
    return _finish(chart)


def _finish(chart, background: str = "white") -> dict:
    return chart.configure(font="system-ui, -apple-system, 'Segoe UI', sans-serif", background=background).configure_view(
        stroke=None).to_dict()


def size_label(value: float) -> str:
    """1 234 567 → '1.2 M'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    for unit, size in (("bn", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(value) >= size:
            return f"{value / size:,.1f} {unit}"
    return f"{value:,.0f}"
