"""A folder of hostile documents, made here, through `make run` (orchestration.run in a subprocess), twice.

Beside the five seed articles the folder holds links to the process environment, to a secret outside the folder
and to /dev/zero, a FIFO, a dangling link, a 30 MB sparse file, an empty file, a file name that is not UTF-8,
pages declaring base64 and rot13 as their charset, a 320-digit amount (an OverflowError in the number grammar),
a very long article, deeply nested HTML, random bytes and a report of an event in 1985; a `urls` source reaches
a local server with a password in its URL. The run must exit 0 and publish the seed articles' events; every
hostile entry must be accounted for (logged with a reason, or a document with a processing status); no secret
may reach the data directory (Dagster's own storage included); and the second run must not work on any of them
again.
"""
from __future__ import annotations

import os
import random
import time
from pathlib import Path
from urllib.parse import unquote_to_bytes

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT, run_pipeline

SECRET = "s3cr3t-from-the-environment"
PASSWORD = "pa55-in-a-url"


def _article(title: str, body: str) -> str:
    return f"{title}\n{body}\n"


def _hostile_files(folder: Path, outside: Path) -> dict[bytes, str]:
    """Creates the documents; returns file name -> what it is, for failure messages."""
    made: dict[bytes, str] = {}

    def write(name: bytes, content: bytes, what: str) -> None:
        (folder / os.fsdecode(name)).write_bytes(content)
        made[name] = what

    def link(name: bytes, target: Path | str, what: str) -> None:
        (folder / os.fsdecode(name)).symlink_to(target)
        made[name] = what

    (outside / "secret.txt").write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    link(b"env.txt", "/proc/self/environ", "link to the process environment")
    link(b"leak.txt", outside / "secret.txt", "link to a file outside the folder")
    link(b"zero.txt", "/dev/zero", "link to a device")
    link(b"dangling.txt", outside / "missing.txt", "dangling link")
    os.mkfifo(folder / "pipe.txt")
    made[b"pipe.txt"] = "FIFO"
    with open(folder / "sparse.txt", "wb") as sparse:
        sparse.truncate(30 * 1024 * 1024)
    made[b"sparse.txt"] = "30 MB sparse file"
    write(b"empty.txt", b"   \n", "empty file")
    write(b"r\xe9sum\xe9 \xff.txt", _article(
        "Sister cities meet in Osaka",
        "On 12 March 2024 a forum of sister cities was held in Osaka, and the mayors signed 4 agreements.").encode(),
        "file name that is not UTF-8")
    russian = ("<html><head><meta charset='{charset}'><title>Форум в Казани</title></head><body><article>"
               "<h1>Форум в Казани</h1><p>14 мая 2024 года в Казани прошел форум побратимов, стороны подписали "
               "3 соглашения о сотрудничестве.</p></article></body></html>")
    write(b"base64.html", russian.format(charset="base64").encode("cp1251"), "charset base64")
    write(b"rot13.html", russian.format(charset="rot13").encode("cp1251"), "charset rot13")
    write(b"huge-number.txt", _article(
        "Trade fair closes in Harbin",
        f"The trade fair closed in Harbin on 20 June 2024 with contracts worth {'9' * 320} yuan signed.").encode(),
        "320-digit amount")
    cities = ["Harbin", "Kazan", "Osaka", "Almaty", "Urumqi", "Novosibirsk", "Dalian", "Sapporo"]
    long_body = " ".join(f"Delegates from {cities[i % 8]} and {cities[(i + 3) % 8]} met in {cities[(i + 5) % 8]} "
                         f"on {1 + i % 27} May 2024 and signed {1 + i % 9} agreements." for i in range(600))
    write(b"long-article.txt", _article("Cooperation forum of many cities", long_body).encode(), "very long article")
    write(b"nested.html", b"<html><body>" + b"<div>" * 100_000 + b"Forum" + b"</div>" * 100_000 + b"</body></html>",
          "deeply nested HTML")
    write(b"noise.html", random.Random(9).randbytes(50_000), "random bytes")
    write(b"event-1985.txt", _article(
        "Friendship forum held in Harbin",
        "On 14 August 1985 a friendship forum was held in Harbin, where delegations of 6 cities signed "
        "2 cooperation agreements.").encode(), "an event in 1985")
    return made


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "fetch"))
    from server import LocalServer, Reply

    server = LocalServer().start()
    server.route("/report", Reply(200, _article(
        "Expo opens in Dalian", "An expo of partner cities opened in Dalian on 3 April 2024.").encode(),
        {"Content-Type": "text/plain; charset=utf-8"}))
    base = tmp_path_factory.mktemp("hostile")
    folder, outside = base / "corpus", base / "outside"
    folder.mkdir()
    outside.mkdir()
    for seed in sorted((ROOT / "sources" / "corpus" / "seeds").iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    made = _hostile_files(folder, outside)
    registry = base / "sources.yml"
    registry.write_text(
        f"sources:\n  - name: hostile\n    kind: files\n    path: {folder}\n"
        f"  - name: web\n    kind: urls\n    urls: ['http://reader:{PASSWORD}@{server.endpoint}/report']\n"
        "    allow_private_network: true\n", encoding="utf-8")
    data_dir = base / "data"
    # five good events: one bad row is a sixth of the table, more than the default 5% meant for real volumes
    env = {"ACCORDS_HOSTILE_SECRET": SECRET, "ACCORDS_DOCUMENT_TIMEOUT": "15", "ACCORDS_MAX_QUARANTINE_RATE": "0.25",
           "ACCORDS_HTTP_PER_HOST_DELAY": "0"}
    try:
        started = time.monotonic()
        first = run_pipeline(data_dir, registry, **env)
        first_seconds = time.monotonic() - started
        extracted = pq.read_table(data_dir / "raw" / "extraction_documents.parquet").to_pylist() \
            if first.returncode == 0 else None
        started = time.monotonic()
        second = run_pipeline(data_dir, registry, **env)
        second_seconds = time.monotonic() - started
    finally:
        server.stop()
    return {"data_dir": data_dir, "made": made, "first": first, "second": second,
            "extracted": extracted, "seconds": (first_seconds, second_seconds)}


def test_the_run_succeeds_and_publishes_the_good_documents_events(hostile_run):
    first = hostile_run["first"]
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-6000:]
    published = hostile_run["data_dir"] / "published" / "warehouse.duckdb"
    with duckdb.connect(str(published), read_only=True) as connection:
        reported = {row[0] for row in connection.execute(
            "select d.uri from marts.fct_event_mentions m join marts.dim_documents d using (document_id)").fetchall()}
        dated_1985 = connection.execute(
            "select count(*) from marts.fct_events where 1985 in (start_year, end_year)").fetchone()[0]
        rejected = connection.execute(
            "select e.start_date, e.date_rejected_reason from marts.fct_events e join marts.fct_event_mentions m"
            " using (event_id) join marts.dim_documents d using (document_id) where d.uri like '%event-1985.txt'"
        ).fetchall()
    for seed in sorted((ROOT / "sources" / "corpus" / "seeds").iterdir()):
        assert any(uri.endswith("/" + seed.name) for uri in reported), f"{seed.name}: no event published"
    assert dated_1985 == 0
    # caught at extraction: the event is published, undated, saying why
    assert rejected == [(None, "before_1990")]


def test_every_hostile_entry_is_accounted_for_with_a_reason(hostile_run):
    data_dir = hostile_run["data_dir"]
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        run_id = connection.execute("select run_id from ops.fetch_log order by attempted_at limit 1").fetchone()[0]
        log = {unquote_to_bytes(url).rsplit(b"/", 1)[-1]: (status, reason, document_id) for url, status, reason, document_id
               in connection.execute("select url, status, reason, document_id from ops.fetch_log where run_id = ?",
                                     [run_id]).fetchall()}
        documents = {document_id: (status, reason) for document_id, status, reason in connection.execute(
            "select document_id, processing_status, processing_reason from marts.dim_documents").fetchall()}
    expected_skips = {b"env.txt": "symlink", b"leak.txt": "symlink", b"zero.txt": "symlink", b"dangling.txt": "symlink",
                      b"pipe.txt": "not_a_regular_file"}
    for name, reason in expected_skips.items():
        assert log[name][:2] == ("skipped", reason), name
    assert log[b"sparse.txt"][:2] == ("failed", "too_large")
    assert log[b"empty.txt"][:2] == ("failed", "empty_file")
    for name, what in hostile_run["made"].items():
        status, reason, document_id = log[name]
        if status in ("skipped", "failed"):
            assert reason, f"{what}: {status} without a reason"
            continue
        processing, why = documents[document_id]
        assert processing in ("ok", "parse_failed", "extract_failed"), what
        assert (processing == "ok") == (why is None), f"{what}: {processing} {why}"
    # the pages that declare base64 or rot13 are read, not failed
    assert documents[log[b"base64.html"][2]] == ("ok", None)
    assert documents[log[b"rot13.html"][2]] == ("ok", None)
    overflow = documents[log[b"huge-number.txt"][2]]
    assert overflow == ("ok", None) or overflow[0] == "extract_failed" and overflow[1].startswith("OverflowError")
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        assert all(uri.isascii() for (uri,) in connection.execute("select uri from marts.dim_documents").fetchall())
    assert len(log) == len(hostile_run["made"]) + 5 + 1  # hostile entries, the seeds, the web page


def test_no_secret_reaches_the_data_directory(hostile_run):
    assert hostile_run["first"].returncode == 0
    for path in hostile_run["data_dir"].rglob("*"):
        if path.is_file() and not path.is_symlink():
            content = path.read_bytes()
            assert SECRET.encode() not in content, path
            assert PASSWORD.encode() not in content, path


def test_the_next_run_works_on_none_of_them_again(hostile_run):
    second = hostile_run["second"]
    assert second.returncode == 0, second.stderr[-4000:]
    again = pq.read_table(hostile_run["data_dir"] / "raw" / "extraction_documents.parquet").to_pylist()
    assert sorted(again, key=lambda row: row["document_id"]) == \
        sorted(hostile_run["extracted"], key=lambda row: row["document_id"])  # the same rows: none redone
    first_seconds, second_seconds = hostile_run["seconds"]
    assert second_seconds < first_seconds + 30
