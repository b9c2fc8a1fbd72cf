"""The published copy over time: an open connection sees every new publish, and no query mixes two publishes."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

from orchestration.publish import (
    BINDING_FOLDER,
    MART_TABLES,
    current_version,
    prune_versions,
    publish_marts,
)
from orchestration.settings import Settings


def _live(data_dir: Path, generation: int, rows_per_generation: int = 1, extra_column: bool = False) -> None:
    """A live warehouse whose every mart has `generation` × `rows_per_generation` rows, all marked `generation`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(data_dir / "warehouse.duckdb")) as connection:
        connection.execute("create schema if not exists marts")
        for table in MART_TABLES:
            extra = ", 'new' as added" if extra_column else ""
            connection.execute(f"create or replace table marts.{table} as select {generation} as generation, "
                               f"range as n{extra} from range({generation * rows_per_generation})")
            connection.execute(f"comment on column marts.{table}.generation is 'which publish wrote the row'")


def _versions(published: Path) -> list[str]:
    """The published versions' folders, without version=0 (the views bind to its empty files)."""
    return sorted(p.name for p in (published / "versions").iterdir() if p.name != BINDING_FOLDER)


def _settings(data_dir: Path, grace: float = 3600) -> Settings:
    return Settings(sources_file=data_dir / "sources.yml", data_dir=data_dir, publish_grace_seconds=grace)


def test_one_open_connection_sees_each_new_publish_on_its_next_query(tmp_path):
    data_dir = tmp_path / "data"
    _live(data_dir, 1)
    publish_marts(_settings(data_dir))
    published = str(data_dir / "published" / "warehouse.duckdb")
    reader = duckdb.connect(published, read_only=True)
    try:
        assert reader.execute("select max(generation), count(*) from marts.fct_events").fetchone() == (1, 1)
        for generation in (2, 3):
            _live(data_dir, generation)
            publish_marts(_settings(data_dir))
            # the same connection, no reconnect: DuckDB's per-process cache of the open file cannot hide it
            assert reader.execute("select max(generation), count(*) from marts.fct_events").fetchone() == \
                (generation, generation)
            # and a second connection opened in this process while the first is open
            with duckdb.connect(published, read_only=True) as other:
                assert other.execute("select max(generation) from marts.fct_deals").fetchone() == (generation,)
        comment = reader.execute("select comment from duckdb_columns() where table_name = 'fct_events' "
                                 "and column_name = 'generation'").fetchone()
        assert comment == ("which publish wrote the row",)
    finally:
        reader.close()


MIXER = """
import sys, pathlib, duckdb
published, stop, tables = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3].split(",")
query = "select " + ", ".join(f"(select min(generation) from marts.{t}), (select max(generation) from marts.{t})"
                              for t in tables)
seen, mixed, errors = set(), [], []
with duckdb.connect(published, read_only=True) as connection:
    while not stop.exists():
        try:
            row = connection.execute(query).fetchone()
        except Exception as exc:
            errors.append(repr(exc))
            continue
        seen.add(row[0])
        if len(set(row)) != 1:
            mixed.append(row)
print(len(seen), len(mixed), len(errors), mixed[:2], errors[:2])
"""


def test_no_query_mixes_two_publishes(tmp_path):
    data_dir = tmp_path / "data"
    _live(data_dir, 1, rows_per_generation=2000)
    publish_marts(_settings(data_dir))
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", MIXER, str(data_dir / "published" / "warehouse.duckdb"), str(stop),
                               ",".join(MART_TABLES)], stdout=subprocess.PIPE, text=True)
    try:
        for generation in range(2, 12):
            _live(data_dir, generation, rows_per_generation=2000)
            publish_marts(_settings(data_dir))
    finally:
        stop.touch()
        output, _ = reader.communicate(timeout=120)
    generations, mixed, errors = (int(x) for x in output.split()[:3])
    assert mixed == 0 and errors == 0, output
    assert generations >= 3, output  # the reader did read across publishes


def test_parquet_folder_pointer_and_pruning(tmp_path):
    data_dir = tmp_path / "data"
    published = data_dir / "published"
    for generation in (1, 2):
        _live(data_dir, generation)
        publish_marts(_settings(data_dir))
    assert len(_versions(published)) == 2  # within the grace period both stay
    _live(data_dir, 3)
    publication = publish_marts(_settings(data_dir, grace=0))
    assert sorted(publication.pruned) and _versions(published) == [publication.folder.name]
    assert current_version(published) == publication.folder
    assert (published / "CURRENT").read_text().strip() == publication.folder.name
    with duckdb.connect() as connection:
        for table in MART_TABLES:
            assert connection.execute(f"select max(generation) from '{published / 'parquet' / (table + '.parquet')}'"
                                      ).fetchone() == (3,)


def test_a_new_column_reaches_new_connections_and_leaves_open_ones_working(tmp_path):
    data_dir = tmp_path / "data"
    _live(data_dir, 1)
    publish_marts(_settings(data_dir))
    published = str(data_dir / "published" / "warehouse.duckdb")
    with duckdb.connect(published, read_only=True) as before:
        before.execute("select * from marts.fct_events").fetchall()
        _live(data_dir, 2, extra_column=True)
        publish_marts(_settings(data_dir))
        assert before.execute("select max(generation) from marts.fct_events").fetchone() == (2,)
    with duckdb.connect(published, read_only=True) as after:
        assert after.execute("select distinct added, generation from marts.fct_events").fetchall() == [("new", 2)]


def test_a_codebook_from_the_model_ymls_sits_beside_every_version(tmp_path):
    import json

    data_dir = tmp_path / "data"
    _live(data_dir, 1)
    publication = publish_marts(_settings(data_dir))
    codebook = {t["table"]: t for t in json.loads((publication.folder / "codebook.json").read_text())}
    assert set(codebook) == set(MART_TABLES)
    columns = {c["name"]: c for c in codebook["fct_events"]["columns"]}
    assert columns["host_method"]["allowed_values"] == ["stated", "venue", "dateline", "inferred", "learned"]
    assert columns["event_id"]["type"] == "varchar" and columns["event_id"]["not_null"]
    # every column says what it means: the codebook is only as good as the ymls
    assert all(c["description"] and c["type"] for t in codebook.values() for c in t["columns"])
    markdown = (data_dir / "published" / "parquet" / "codebook.md").read_text()
    assert "## fct_event_mentions" in markdown and "`evidence_start`" in markdown


def test_an_overtaken_publish_neither_points_back_nor_loses_the_current_version(tmp_path):
    """Publish A is overtaken: B starts after A's version is in place, and finishes (switching the pointer and
    pruning with no grace) while A still waits for its version's time. A must not point back to its own,
    older version, and no prune may remove the version the pointer names."""
    data_dir = tmp_path / "data"
    _live(data_dir, 1)
    a_in_place, b_done = threading.Event(), threading.Event()
    calls = []

    def a_clock() -> int:
        calls.append(1)
        if len(calls) == 2:  # A's first look at the clock after its folder was renamed into place
            a_in_place.set()
            assert b_done.wait(60)
        return time.time_ns() // 1000

    outcome = {}

    def publish_a():
        outcome["a"] = publish_marts(_settings(data_dir, grace=0), now_us=a_clock)

    thread = threading.Thread(target=publish_a)
    thread.start()
    try:
        assert a_in_place.wait(60)
        _live(data_dir, 2)  # A has written its Parquet already: B publishes generation 2
        outcome["b"] = publish_marts(_settings(data_dir, grace=0))
    finally:
        b_done.set()
        thread.join(60)
    a, b = outcome["a"], outcome["b"]
    assert a.version < b.version
    published = data_dir / "published"
    assert (published / "CURRENT").read_text().strip() == b.folder.name
    assert b.folder.is_dir() and (published / "parquet").resolve() == b.folder.resolve()
    assert _versions(published) == [b.folder.name]  # A's, superseded, pruned
    with duckdb.connect() as connection:
        assert connection.execute(
            f"select max(generation) from '{published / 'parquet' / 'fct_events.parquet'}'").fetchone() == (2,)
    with duckdb.connect(str(published / "warehouse.duckdb"), read_only=True) as reader:
        assert reader.execute("select max(generation) from marts.fct_events").fetchone() == (2,)


def test_concurrent_prunes_remove_each_old_version_once_and_keep_the_current_one(tmp_path):
    data_dir = tmp_path / "data"
    for generation in range(1, 7):
        _live(data_dir, generation)
        publication = publish_marts(_settings(data_dir))  # a grace of an hour: all six stay
    published = data_dir / "published"
    now = time.time_ns() // 1000 + 10**9  # 1000 s on: every superseded version is past a grace of 0
    results, errors = [], []

    def prune():
        try:
            results.append(prune_versions(published, 0, now))
        except Exception as error:  # noqa: BLE001 - the assertion below reports it
            errors.append(error)

    threads = [threading.Thread(target=prune) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    pruned = [name for result in results for name in result]
    assert len(pruned) == len(set(pruned)) == 5  # each once, by one of the four
    assert _versions(published) == [publication.folder.name]
    assert not (published / ".retired").exists()


def test_retiring_old_versions_never_fails_a_query_on_the_current_one(tmp_path):
    # every publish retires the versions superseded more than a second ago, while a reader queries all marts
    # without pause: its queries take milliseconds, so none reads a version that is retired, and none may fail
    data_dir = tmp_path / "data"
    _live(data_dir, 1, rows_per_generation=200)
    publish_marts(_settings(data_dir, grace=1))
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", MIXER, str(data_dir / "published" / "warehouse.duckdb"), str(stop),
                               ",".join(MART_TABLES)], stdout=subprocess.PIPE, text=True)
    pruned = []
    try:
        for generation in range(2, 9):
            time.sleep(1.1)
            _live(data_dir, generation, rows_per_generation=200)
            pruned += publish_marts(_settings(data_dir, grace=1)).pruned
    finally:
        stop.touch()
        output, _ = reader.communicate(timeout=120)
    generations, mixed, errors = (int(x) for x in output.split()[:3])
    assert len(pruned) >= 5 and generations >= 5, (pruned, output)  # versions were retired under the reader
    assert errors == 0 and mixed == 0, output
