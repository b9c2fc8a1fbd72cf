"""Event ids over time: adding reports of an event never renames it; a merge is recorded in ops.event_id_map."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import ROOT, run_pipeline

LABELLED = ROOT / "sources" / "corpus" / "labelled" / "tune"
# three reports (two languages) of one expo; ja-020 has the smallest document id, so the old rule — the id of
# the smallest report — would have renamed the event when it arrived
LATER = ("ja-021", "zh-015")
ADDED = ("ja-020",)


def _events(data_dir: Path) -> tuple[dict[str, set[str]], dict[str, str]]:
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        mentions = connection.execute(
            "select m.event_id, d.uri from marts.fct_event_mentions m join marts.dim_documents d using (document_id)"
        ).fetchall()
        moved = dict(connection.execute("select old_event_id, event_id from ops.event_id_map").fetchall())
    events: dict[str, set[str]] = {}
    for event_id, uri in mentions:
        events.setdefault(event_id, set()).add(Path(uri).stem)
    return events, moved


def test_adding_reports_keeps_every_event_id(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = tmp_path / "sources.yml"
    sources.write_text(f"sources:\n  - name: expo\n    kind: files\n    path: {corpus}\n")
    data_dir = tmp_path / "data"
    for name in LATER:
        shutil.copy(LABELLED / f"{name}.txt", corpus)
    first = run_pipeline(data_dir, sources)
    assert first.returncode == 0, first.stderr[-3000:]
    before, _ = _events(data_dir)
    assert set().union(*before.values()) == set(LATER)

    for name in ADDED:
        shutil.copy(LABELLED / f"{name}.txt", corpus)
    second = run_pipeline(data_dir, sources)
    assert second.returncode == 0, second.stderr[-3000:]
    after, moved = _events(data_dir)

    # the three reports are one event, and it carries an id the first run published
    (event_id, reports), = [(e, r) for e, r in after.items() if set(LATER) & r]
    assert reports == set(LATER) | set(ADDED)
    assert event_id in before
    # every id of the first run is still an event, or the map says which event it became
    for old in before:
        assert old in after or moved.get(old) in after, (old, before, after, moved)
    # the id is not the smallest report's, which is what a first run over all three would give it
    fresh = tmp_path / "fresh"
    assert run_pipeline(fresh, sources).returncode == 0
    (fresh_id, _), = _events(fresh)[0].items()
    assert fresh_id != event_id
