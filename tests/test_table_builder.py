"""A stage's output gathered in Arrow as it comes: new rows and earlier rows by position, in the order added."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.store.handoff import (
    TableBuilder,
    discarded_on_failure,
    read_arrow_table,
    write_arrow_table,
)

SCHEMA = pa.schema([("document_id", pa.string()), ("count", pa.int32())])


def test_new_and_earlier_rows_keep_their_order_across_batches(tmp_path):
    earlier = pa.table({"document_id": ["a", "b", "c"], "count": pa.array([1, 2, 3], pa.int32())})
    write_arrow_table(tmp_path / "earlier.parquet", earlier)
    source = read_arrow_table(tmp_path / "earlier.parquet", SCHEMA)
    builder = TableBuilder(SCHEMA, source, batch_rows=2)
    builder.take([2])
    builder.add([{"document_id": "x", "count": 9}, {"document_id": "y", "count": None}])
    builder.take([0, 1])
    builder.take([])
    builder.add([{"document_id": "z", "count": 7}])
    table = builder.table()
    assert table.schema == SCHEMA
    assert table.to_pylist() == [{"document_id": d, "count": c} for d, c in
                                 [("c", 3), ("x", 9), ("y", None), ("a", 1), ("b", 2), ("z", 7)]]


def test_an_absent_or_older_file_reads_as_empty(tmp_path):
    assert read_arrow_table(tmp_path / "none.parquet", SCHEMA).num_rows == 0
    write_arrow_table(tmp_path / "old.parquet", pa.table({"document_id": ["a"]}))  # no `count` yet
    assert read_arrow_table(tmp_path / "old.parquet", SCHEMA).num_rows == 0
    assert TableBuilder(SCHEMA).table().schema == SCHEMA


def test_a_table_that_is_its_source_row_for_row_is_known_as_such():
    source = pa.table({"document_id": ["a", "b"], "count": pa.array([1, 2], pa.int32())})
    same = TableBuilder(SCHEMA, source)
    same.take([0])
    same.take([1])
    assert same.is_source()
    for build in ([1, 0], [0]), ([0, 1, 1],):
        other = TableBuilder(SCHEMA, source)
        for positions in build:
            other.take(positions)
        assert not other.is_source()
    added = TableBuilder(SCHEMA, source)
    added.take([0, 1])
    added.add([{"document_id": "c", "count": 3}])
    assert not added.is_source()
    assert not TableBuilder(SCHEMA).is_source() and not TableBuilder(SCHEMA, SCHEMA.empty_table()).is_source()


def test_with_a_destination_rows_stream_into_it_and_an_unchanged_table_leaves_the_file(tmp_path):
    earlier = pa.table({"document_id": ["a", "b", "c"], "count": pa.array([1, 2, 3], pa.int32())})
    destination = tmp_path / "table.parquet"
    write_arrow_table(destination, earlier)
    source = read_arrow_table(destination, SCHEMA)
    written_at = destination.stat().st_mtime_ns
    unchanged = TableBuilder(SCHEMA, source, batch_rows=1, destination=destination)
    unchanged.take([0, 1])
    unchanged.take([2])
    assert unchanged.finish() is False and destination.stat().st_mtime_ns == written_at
    for build, expected in (([[0, 1], {"document_id": "d", "count": 4}], ["a", "b", "d"]),
                            ([[0, 1]], ["a", "b"]),  # the source's first rows, one fewer
                            ([{"document_id": "e", "count": 5}, [2, 0]], ["e", "c", "a"]),
                            ([], [])):
        builder = TableBuilder(SCHEMA, source, batch_rows=1, destination=destination)
        for step in build:
            builder.take(step) if isinstance(step, list) else builder.add([step])
        assert builder.finish() is True
        assert pq.read_table(destination).column("document_id").to_pylist() == expected
        write_arrow_table(destination, earlier)
    assert [p.name for p in tmp_path.iterdir()] == ["table.parquet"]  # no temporary file left


def test_a_failed_stage_leaves_no_temporary_file(tmp_path):
    builder = TableBuilder(SCHEMA, batch_rows=1, destination=tmp_path / "table.parquet")
    try:
        with discarded_on_failure(builder):
            builder.add([{"document_id": "a", "count": 1}, {"document_id": "b", "count": 2}])
            raise RuntimeError("the stage failed")
    except RuntimeError:
        pass
    assert list(tmp_path.iterdir()) == []
