"""What readers of the published copy depend on: the data directory's absolute path (the views name it) and
their own clock (the views pick the version in effect at the reader's time); the Parquet link depends on neither."""
from __future__ import annotations

import shutil
import time

import duckdb
import pytest

from orchestration.publish import publish_marts
from tests.test_published_versions import _live, _settings

HOUR_US = 3600 * 10**6


def _views(published) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(published / "warehouse.duckdb"), read_only=True)


def _parquet_generation(published) -> int:
    with duckdb.connect() as connection:
        return connection.execute(
            f"select max(generation) from '{published / 'parquet' / 'fct_events.parquet'}'").fetchone()[0]


def test_a_moved_data_directory_needs_a_publish_for_its_views_and_none_for_its_parquet(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    _live(before, 1)
    publish_marts(_settings(before))
    shutil.move(before, after)  # or the same files seen at another path: another machine, a container's mount
    published = after / "published"
    assert _parquet_generation(published) == 1  # the link is relative to published/: it moves with it
    with _views(published) as reader, pytest.raises(duckdb.IOException, match=str(before)):
        reader.execute("select count(*) from marts.fct_events").fetchone()  # the views still name the old path
    _live(after, 2)
    publish_marts(_settings(after))  # the views are rewritten for the path they are published at
    with _views(published) as reader:
        assert reader.execute("select max(generation) from marts.fct_events").fetchone() == (2,)
    assert _parquet_generation(published) == 2


def test_views_follow_the_readers_clock_and_the_parquet_link_the_publishers(tmp_path):
    data_dir = tmp_path / "data"
    _live(data_dir, 1)
    publish_marts(_settings(data_dir))
    _live(data_dir, 2)
    # published by a host whose clock is an hour ahead of this reader's
    publish_marts(_settings(data_dir), now_us=lambda: time.time_ns() // 1000 + HOUR_US)
    published = data_dir / "published"
    with _views(published) as reader:  # generation 2 is dated an hour from now, for this reader
        assert reader.execute("select max(generation) from marts.fct_events").fetchone() == (1,)
    assert _parquet_generation(published) == 2


def test_a_reader_behind_every_published_version_reads_the_oldest_rather_than_nothing(tmp_path):
    data_dir = tmp_path / "data"
    _live(data_dir, 1)
    publish_marts(_settings(data_dir), now_us=lambda: time.time_ns() // 1000 + HOUR_US)
    with _views(data_dir / "published") as reader:
        assert reader.execute("select max(generation), count(*) from marts.fct_events").fetchone() == (1, 1)
