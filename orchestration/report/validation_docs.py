"""Great Expectations results people can read: a Markdown summary for the Dagster UI, HTML pages on disk.

The words come from GX's own renderers: each expectation's prescriptive summary ("amount values must be
greater than 0") and observed value ("0% unexpected"), and for the pages GX's ValidationResultsPageRenderer
and its Jinja views. GX's page template fetches Bootstrap, jQuery, Font Awesome and its logo from CDNs; the
templates under `templates/gx/` replace the page shell so the pages open offline, styled by inlined CSS.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from orchestration.validation import SuiteOutcome

TEMPLATES = Path(__file__).parent / "templates"
MAX_SET_VALUES = 8  # a value set longer than this (ISO 4217 codes) is shortened in summaries
MAX_CELL = 160
KEEP_RUNS = 20  # per-run folders kept under validation/runs/


@dataclass
class ExpectationLine:
    success: bool
    expectation: str  # GX's prescriptive words, parameters filled in
    observed: str  # GX's observed value, e.g. "0% unexpected"
    type: str
    column: str | None
    unexpected_count: int


def _atomic_text(rendered_content: list | None, name: str) -> str | None:
    """Fill a GX atomic rendering's $parameters into its template; long value sets are shortened."""
    for content in rendered_content or []:
        if content.name != name:
            continue
        value = content.value.to_json_dict()
        template, params = value.get("template"), {k: p.get("value") for k, p in (value.get("params") or {}).items()}
        if not template:
            return None
        set_keys = sorted((k for k in params if re.fullmatch(r"v__\d+", k)), key=lambda k: int(k[3:]))
        if len(set_keys) > MAX_SET_VALUES:
            shown = " ".join(str(params[k]) for k in set_keys[:MAX_SET_VALUES])
            template = re.sub(r"(\$v__\d+\s*)+", f"{shown} … ({len(set_keys)} values)", template, count=1)
        return re.sub(r"\$([A-Za-z_][A-Za-z0-9_]*)", lambda m: _plain(params.get(m.group(1), m.group(0))), template)
    return None


def _plain(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def expectation_lines(outcome: SuiteOutcome) -> list[ExpectationLine]:
    """One line per expectation of a suite run, in GX's words (plain fallbacks where GX renders none)."""
    result = outcome.validation_result
    lines = []
    if result is None:  # a run without the GX result kept: the outcome's own fields
        for item in outcome.outcomes:
            where = f"{item.column} " if item.column else ""
            lines.append(ExpectationLine(item.success, f"{where}{item.expectation}", f"{item.unexpected_count} unexpected",
                                         item.expectation, item.column, item.unexpected_count))
        return lines
    for item in result.results:
        config = item.expectation_config
        try:
            expectation = config.to_domain_obj()
            expectation.render()
            words = _atomic_text(expectation.rendered_content, "atomic.prescriptive.summary")
        except Exception:  # a custom expectation without renderers
            words = None
        try:
            item.render()
            observed = _atomic_text(item.rendered_content, "atomic.diagnostic.observed_value")
        except Exception:
            observed = None
        details = item.result or {}
        if observed is None:
            observed = str(details.get("observed_value", details.get("unexpected_count", "")))
        column = config.kwargs.get("column") or config.kwargs.get("column_A")
        lines.append(ExpectationLine(
            success=bool(item.success), expectation=words or f"{column or ''} {config.type}".strip(), observed=observed,
            type=config.type, column=column, unexpected_count=int(details.get("unexpected_count") or 0),
        ))
    return lines


def _cell(value) -> str:
    text = re.sub(r"\s+", " ", str(value)).strip()
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return text.replace("|", "\\|")


def markdown_summary(outcome: SuiteOutcome, key: str | None = None, html_path: Path | None = None,
                     lines: list[ExpectationLine] | None = None) -> str:
    """What the Dagster UI shows on the check: the verdict, every expectation with its observed value, and
    the failing examples (the key column and the columns the expectation reads)."""
    lines = lines if lines is not None else expectation_lines(outcome)
    passed = sum(line.success for line in lines)
    verdict = "✅ passed" if outcome.success else "❌ failed"
    out = [
        f"**{outcome.suite}** on `{outcome.table}` ({outcome.row_count} rows): {verdict}, "
        f"{passed} of {len(lines)} expectations met.",
        "",
        "| | expectation | observed |",
        "|---|---|---|",
    ]
    out += [f"| {'✅' if line.success else '❌'} | {_cell(line.expectation)} | {_cell(line.observed)} |" for line in lines]
    failed = [o for o in outcome.outcomes if not o.success and o.examples]
    for item in failed:
        columns = [c for c in (key, item.column) if c]
        columns = list(dict.fromkeys(columns)) or list(item.examples[0])[:4]
        out += ["", f"**Failing examples: `{item.column or ''}` {item.expectation}** "
                f"({item.unexpected_count} {'row' if item.unexpected_count == 1 else 'rows'})", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        out += ["| " + " | ".join(_cell(example.get(c, "")) for c in columns) + " |" for example in item.examples]
    if html_path is not None:
        out += ["", f"Full results: `{html_path}`"]
    return "\n".join(out)


def _offline_view():
    from orchestration.validation import quiet_great_expectations

    quiet_great_expectations()
    from great_expectations.render.view import DefaultJinjaPageView
    from jinja2 import ChoiceLoader, FileSystemLoader

    view = DefaultJinjaPageView()
    # our page shell first: GX's own loads Bootstrap, jQuery and icons from CDNs
    view.env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES / "gx")), view.env.loader])
    return view


def _gx_styles() -> str:
    """GX's own Data Docs styles, less the one rule that loads its logo from a web server."""
    from importlib import resources

    css = (resources.files("great_expectations") / "render/view/static/styles/data_docs_default_styles.css").read_text()
    return re.sub(r"url\([^)]*\)", "none", css)


def render_validation_html(outcome: SuiteOutcome, run_id: str, run_time: datetime, report_link: str | None = None) -> str:
    """The suite's results as one offline HTML page, rendered by GX's ValidationResultsPageRenderer."""
    from orchestration.validation import quiet_great_expectations

    quiet_great_expectations()
    from great_expectations.render.renderer import ValidationResultsPageRenderer

    result = outcome.validation_result
    if result is None:
        raise ValueError(f"{outcome.suite}: no GX validation result kept to render")
    result.meta = dict(result.meta or {})
    result.meta["run_id"] = {"run_name": run_id, "run_time": run_time.isoformat()}
    result.meta["batch_spec"] = {"data_asset_name": outcome.table}
    document = ValidationResultsPageRenderer().render(result)
    page = _offline_view().render(
        document, accords_title=f"{outcome.suite}: validation results", accords_report_link=report_link,
        accords_run_id=run_id, accords_run_time=run_time.strftime("%Y-%m-%d %H:%M UTC"),
        accords_success=outcome.success, accords_gx_css=_gx_styles(),
    )
    # GX links the suite's name to a Data Docs site that is not there
    return re.sub(r'<a href="(?:\.\./)+expectations/[^"]*"\s*>([^<]*)</a>', r"\1", page)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def write_validation_docs(outcome: SuiteOutcome, directory: Path, run_id: str, run_time: datetime | None = None,
                          lines: list[ExpectationLine] | None = None) -> Path:
    """Write `<directory>/<suite>.html` (latest) and `<directory>/runs/<time>_<run>/<suite>.html`, a JSON
    summary beside the latest page, and refresh `<directory>/index.html`. Returns the latest page."""
    run_time = run_time or datetime.now(timezone.utc)
    folder = re.sub(r"[^A-Za-z0-9_-]", "_", run_id)  # one folder per run, whatever its suites' times
    latest = directory / f"{outcome.suite}.html"
    page = render_validation_html(outcome, run_id, run_time, report_link="../report/index.html")
    _write_atomic(latest, page)
    # the run's copy sits two folders down
    _write_atomic(directory / "runs" / folder / latest.name,
                  page.replace('href="../report/index.html"', 'href="../../../report/index.html"')
                      .replace('href="index.html"', 'href="../../index.html"'))
    lines = lines if lines is not None else expectation_lines(outcome)
    summary = {
        "suite": outcome.suite, "table": outcome.table, "success": outcome.success, "row_count": outcome.row_count,
        "run_id": run_id, "run_time": run_time.isoformat(), "failing_rows": outcome.failing_count,
        "expectations": [{"success": line.success, "expectation": line.expectation, "observed": line.observed,
                          "type": line.type, "column": line.column, "unexpected_count": line.unexpected_count}
                         for line in lines],
        "history": f"runs/{folder}/{latest.name}",
    }
    _write_atomic(directory / f"{outcome.suite}.json", json.dumps(summary, indent=2, ensure_ascii=False))
    _prune_runs(directory / "runs")
    write_validation_index(directory)
    return latest


def _runs_newest_first(runs: Path) -> list[Path]:
    folders = [p for p in runs.iterdir() if p.is_dir()] if runs.exists() else []
    return sorted(folders, key=lambda p: min((f.stat().st_mtime for f in p.iterdir()), default=0), reverse=True)


def _prune_runs(runs: Path) -> None:
    for old in _runs_newest_first(runs)[KEEP_RUNS:]:
        shutil.rmtree(old, ignore_errors=True)


def read_summaries(directory: Path) -> list[dict]:
    summaries = []
    for path in sorted(directory.glob("*.json")):
        try:
            summaries.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return summaries


def _run_time(run: Path) -> str:
    first = min((f.stat().st_mtime for f in run.iterdir()), default=0)
    return datetime.fromtimestamp(first, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def write_validation_index(directory: Path) -> Path:
    """`validation/index.html`: the latest result of every suite, and the kept earlier runs."""
    rows = []
    for summary in read_summaries(directory):
        passed = sum(e["success"] for e in summary["expectations"])
        rows.append(
            f"<tr class=\"{'ok' if summary['success'] else 'bad'}\"><td><a href=\"{escape(summary['suite'])}.html\">"
            f"{escape(summary['suite'])}</a></td><td><code>{escape(summary['table'])}</code></td>"
            f"<td>{'passed' if summary['success'] else 'FAILED'}</td><td>{passed} / {len(summary['expectations'])}</td>"
            f"<td>{summary['failing_rows']}</td><td>{summary['row_count']}</td><td>{escape(summary['run_time'][:19])}</td>"
            f"<td><code>{escape(summary['run_id'][:8])}</code></td></tr>"
        )
    history = "".join(
        f"<li>{escape(_run_time(run))} · run <code>{escape(run.name[:8])}</code>: " + ", ".join(
            f'<a href="runs/{escape(run.name)}/{escape(page.name)}">{escape(page.stem)}</a>' for page in sorted(run.glob("*.html"))
        ) + "</li>" for run in _runs_newest_first(directory / "runs")
    )
    css = (TEMPLATES / "gx" / "offline.css").read_text(encoding="utf-8")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Accords: validation results</title><style>{css}</style></head>
<body><header class="accords-bar"><strong>Accords</strong> · validation results ·
<a href="../report/index.html">report</a> · <a href="../dbt-docs/index.html">dbt docs</a></header>
<main class="container-fluid">
<h1>Great Expectations: latest result of each suite</h1>
<table class="table"><thead><tr><th>suite</th><th>table</th><th>result</th><th>expectations met</th>
<th>failing rows</th><th>rows</th><th>run time (UTC)</th><th>run</th></tr></thead><tbody>{''.join(rows)}</tbody></table>
<h2>Earlier runs</h2><ul>{history or '<li>none yet</li>'}</ul>
</main></body></html>
"""
    _write_atomic(directory / "index.html", page)
    return directory / "index.html"


def suite_key(suite: str) -> str | None:
    """The column a suite names its rows by (`key` in expectations/<suite>.json)."""
    from orchestration.settings import expectations_dir

    try:
        return json.loads((expectations_dir() / f"{suite}.json").read_text(encoding="utf-8")).get("key")
    except (OSError, ValueError):
        return None


def validation_metadata(outcome: SuiteOutcome, directory: Path, run_id: str, log=None) -> dict:
    """Dagster metadata for a GX check: the Markdown summary the UI renders, and the HTML page's location.

    Writing the page must never decide a check: a failure here is logged and the summary says so.
    """
    import dagster as dg

    page = None
    lines = expectation_lines(outcome)  # GX's renderers, once for the page's summary and the Markdown
    try:
        page = write_validation_docs(outcome, directory, run_id, lines=lines)
    except Exception as exc:  # the check's verdict stands without its page
        if log is not None:
            log.warning(f"validation HTML for {outcome.suite} not written: {exc!r}")
    metadata = {"summary": dg.MetadataValue.md(markdown_summary(outcome, key=suite_key(outcome.suite), html_path=page,
                                                                lines=lines))}
    if page is not None:
        metadata["validation_html"] = dg.MetadataValue.path(str(page))
        metadata["validation_url"] = dg.MetadataValue.url(page.resolve().as_uri())
    return metadata
