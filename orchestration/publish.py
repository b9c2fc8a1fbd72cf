"""Publish the marts where readers never meet the pipeline's lock, and always read one whole publish.

Layout under ``published/``::

    versions/version=<µs>/<table>.parquet   one folder per publish, never changed once in place, with
                      codebook.md|json  what every column means (from the dbt ymls)
    versions/version=0/<table>.parquet      no rows, the newest version's columns: what the views bind to
    warehouse.duckdb                        views over the current version; rewritten only when a view changes
    parquet -> versions/version=<µs>        a relative symlink swapped atomically, for tools that read Parquet
    CURRENT                                 the current folder's name, for people and scripts

Why views over versioned folders: DuckDB caches an open database per process, so a BI tool's pooled
connection never sees a database file replaced by rename. Views are re-planned on every query and read the
Parquet files afresh, so the same connection sees each new publish on its next query.

Why the folder is named by a time slightly in the future: each view picks the newest version whose number is
not after its transaction's start (``get_current_timestamp()`` is fixed for a transaction). A folder is renamed
into place *before* the time it is named after, so every view of one query — every query of one transaction —
picks the same version, even when a publish lands in the middle of it. ``publish_marts`` returns once that time
has passed, so the next query after it sees the new data. The comparison is with the *reader's* clock: see
the README (Reading it from BI tools) for readers on another host.

Why a query never fails because an old version is removed: the views find the versions by listing file names
(``glob``, which opens nothing) and bind their columns to ``version=0``'s empty files, which sort first; DuckDB
then opens only the files of the version the query reads (the filter on the ``version`` partition skips the
others unopened). A superseded version is retired once it has been superseded for longer than the grace period
— moved out of ``versions/`` in one rename, then removed — so only a query that has been reading it for longer
than that can fail. Switching the pointer and pruning take ``.publish.lock``: a publish overtaken by a later one
never points back to its older version, and no prune removes the version in effect or the one CURRENT names.

Rows the checks put in quarantine (and the rows that refer to them) are left out (orchestration/validation.py).
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.codebook import write_codebook
from orchestration.settings import DBT_PROJECT_DIR, Settings
from orchestration.store.handoff import TEMPORARY_SUFFIX

MART_TABLES = (
    "dim_documents",
    "dim_cities",
    "dim_countries",
    "dim_dates",
    "fct_events",
    "fct_event_mentions",
    "bridge_event_cities",
    "bridge_event_countries",
    "fct_deals",
)

VERSIONS_DIR = "versions"
VERSION_PREFIX = "version="
MARKER = "_published.parquet"  # one row per version: what the views list to find the current one
BINDING_FOLDER = f"{VERSION_PREFIX}0"  # sorts before every real version; never current (it has no marker)
RETIRED_DIR = ".retired"  # pruned versions are moved here, out of the views' glob, then removed
PUBLISH_LOCK = ".publish.lock"
# how far ahead of the rename a version is dated: the rename must land before that instant
VERSION_LEAD_US = 300_000


@dataclass(frozen=True)
class Publication:
    version: int
    folder: Path
    counts: dict[str, int]
    pruned: list[str]


def publish_marts(settings: Settings, now_us=None) -> Publication:
    """Write the marts as a new version folder, make it current, prune versions past the grace period."""
    clock = now_us or _now_us
    target_dir = settings.published_dir
    versions = target_dir / VERSIONS_DIR
    versions.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target_dir, prefix=".publishing-"))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the version from BI tools running as another user
    try:
        if settings.postgres is not None:  # the marts PostgreSQL has just published (orchestration/postgres/publish.py)
            from orchestration.postgres.publish import export_marts

            counts, schemas = export_marts(settings.postgres, staging, MART_TABLES)
        else:
            counts, schemas = _write_parquet(settings, staging)
        write_codebook(staging, DBT_PROJECT_DIR / "models", MART_TABLES)  # the columns' meaning, beside them
        version = clock() + VERSION_LEAD_US
        with duckdb.connect() as connection:
            connection.execute(f"copy (select {version}::bigint as published_us) to '{staging / MARKER}' (format parquet)")
        folder = versions / f"{VERSION_PREFIX}{version}"
        os.rename(staging, folder)  # a rename takes microseconds; the lead leaves room for a stalled process
        with _publishing(target_dir):
            _write_binding_files(versions)
        while clock() < version:  # once the caller has our answer, every new query sees this version
            time.sleep((version - clock()) / 1e6)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    with _publishing(target_dir):
        now = clock()
        # the newest version in effect, not necessarily ours: a publish that overtook this one stays current
        current = _in_effect(versions, now) or folder
        if current == folder:
            # only now that this version is in effect: a view naming a column it added can no longer pick an
            # older version, which lacks that column
            _write_views(target_dir, _views_sql(versions, schemas))
        _point_to(target_dir, current)
        pruned = _prune(target_dir, settings.publish_grace_seconds, now)
    return Publication(version, folder, counts, pruned)


def current_version(published_dir: Path) -> Path | None:
    """The folder of the newest publish in place (dated now or, for a moment, just ahead), or None before the first."""
    found = sorted(_versions(published_dir / VERSIONS_DIR))
    return found[-1][1] if found else None


def prune_versions(published_dir: Path, grace_seconds: float, now_us: int) -> list[str]:
    """Remove versions superseded more than `grace_seconds` ago; the current one always stays."""
    with _publishing(published_dir):
        return _prune(published_dir, grace_seconds, now_us)


@contextmanager
def _publishing(published_dir: Path) -> Iterator[None]:
    """One publisher at a time switches the pointer, prunes and writes the views (threads and processes alike):
    otherwise an overtaken publish could point back to its older version and a prune then remove what the
    pointer names, and two threads of one process would share the pid-named staging files."""
    published_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(published_dir / PUBLISH_LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the flock


def _write_binding_files(versions: Path) -> None:
    """versions/version=0/<table>.parquet: no rows, the newest version's columns. The views' glob lists them
    first, so DuckDB binds each view to them and then opens only the files of the version a query reads (the
    filter on `version` skips the others unopened): retiring an old version cannot fail a query on another one."""
    newest = current_version(versions.parent)
    if newest is None:
        return
    binding = versions / BINDING_FOLDER
    binding.mkdir(exist_ok=True)
    with duckdb.connect() as connection:
        for table in sorted(p.stem for p in newest.glob("*.parquet") if p.name != MARKER):
            staged = versions.parent / f".{table}.binding.{os.getpid()}{TEMPORARY_SUFFIX}"
            connection.execute(f"copy (select * from read_parquet({_quote(str(newest / (table + '.parquet')))}) "
                               f"limit 0) to {_quote(str(staged))} (format parquet)")
            os.replace(staged, binding / f"{table}.parquet")  # a reader binding now opens the old file or the new


def _in_effect(versions: Path, now_us: int) -> Path | None:
    """The version the views read at `now_us`: the newest dated no later than it."""
    found = sorted(v for v in _versions(versions) if v[0] <= now_us)
    return found[-1][1] if found else None


def _prune(published_dir: Path, grace_seconds: float, now_us: int) -> list[str]:
    """Retire superseded versions past the grace period. Kept whatever the clock says: the version in effect,
    every newer one (a publish whose time has not come yet) and the one published/CURRENT names."""
    versions = published_dir / VERSIONS_DIR
    found = sorted(_versions(versions))
    current = _in_effect(versions, now_us)
    if current is None:
        return []
    named = _pointer(published_dir)
    retired_dir = published_dir / RETIRED_DIR
    shutil.rmtree(retired_dir, ignore_errors=True)  # what a prune that was killed midway left behind
    pruned = []
    for (_, folder), (successor, _) in zip(found, found[1:]):
        if folder == current:
            break
        if now_us - successor <= grace_seconds * 1_000_000 or folder.name == named:
            continue
        retired_dir.mkdir(exist_ok=True)
        try:
            # one rename takes the whole version out of the views' glob: never a version with some files gone
            os.rename(folder, retired_dir / folder.name)
        except FileNotFoundError:  # already retired by a prune that did not take the lock (an older release)
            continue
        pruned.append(folder.name)
    shutil.rmtree(retired_dir, ignore_errors=True)
    return pruned


def _pointer(published_dir: Path) -> str | None:
    try:
        return (published_dir / "CURRENT").read_text().strip() or None
    except FileNotFoundError:
        return None


def _versions(versions: Path) -> list[tuple[int, Path]]:
    if not versions.is_dir():
        return []
    return [(int(p.name[len(VERSION_PREFIX):]), p) for p in versions.iterdir()
            if p.name.startswith(VERSION_PREFIX) and p.name[len(VERSION_PREFIX):].isdigit() and (p / MARKER).exists()]


def _now_us() -> int:
    return time.time_ns() // 1000


def _write_parquet(settings: Settings, folder: Path) -> tuple[dict[str, int], dict[str, dict]]:
    """One Parquet per mart, less quarantined rows; their row counts, and columns, types and comments."""
    counts: dict[str, int] = {}
    schemas: dict[str, dict] = {}
    with duckdb.connect() as connection:
        connection.execute(f"attach '{settings.warehouse_path}' as live (read_only)")
        for table in MART_TABLES:
            path = folder / f"{table}.parquet"
            connection.execute(f"copy ({_without_quarantined(connection, table)}) to '{path}' (format parquet)")
            counts[table] = connection.execute(f"select count(*) from read_parquet('{path}')").fetchone()[0]
            comment = connection.execute(
                "select comment from duckdb_tables() where database_name = 'live' and schema_name = 'marts' "
                "and table_name = ?", [table]).fetchone()
            columns = connection.execute(
                "select column_name, data_type, comment from duckdb_columns() where database_name = 'live' "
                "and schema_name = 'marts' and table_name = ? order by column_index", [table]).fetchall()
            schemas[table] = {"comment": comment[0] if comment else None, "columns": columns}
        connection.execute("detach live")
    return counts, schemas


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _views_sql(versions: Path, schemas: dict[str, dict]) -> list[str]:
    """The statements that make published/warehouse.duckdb: one view per mart over the current version."""
    root = str(versions.resolve())
    # the versions' names, listed without opening a file: one pruned meanwhile cannot fail the query here
    listed = (f"select cast(regexp_extract(file, '/{VERSION_PREFIX}([0-9]+)/[^/]*$', 1) as bigint) as version "
              f"from glob({_quote(root + '/*/' + MARKER)})")
    # a reader whose clock is behind every version in place (another host's) reads the oldest, not nothing
    current = (f"(select coalesce(max(version) filter (where version <= epoch_us(get_current_timestamp())), "
               f"min(version)) from ({listed}))")
    statements = ["create schema marts"]
    for table, schema in schemas.items():
        # explicit columns with their types: a later publish that adds a column leaves this view valid
        columns = ", ".join(f"cast({_ident(c)} as {t}) as {_ident(c)}" for c, t, _ in schema["columns"])
        files = _quote(f"{root}/*/{table}.parquet")
        # no union_by_name, which would open every version's file at each query (a version retired meanwhile
        # fails it): the columns bind to version=0's file, and the files of other versions stay unopened
        statements.append(
            f"create view marts.{table} as select {columns} from read_parquet({files}, hive_partitioning = true) "
            f"where version = {current}")
        if schema["comment"]:
            statements.append(f"comment on view marts.{table} is {_quote(schema['comment'])}")
        for column, _, comment in schema["columns"]:
            if comment:  # dbt's descriptions, for the BI tools that show them
                statements.append(f"comment on column marts.{table}.{_ident(column)} is {_quote(comment)}")
    return statements


def _write_views(target_dir: Path, statements: list[str]) -> None:
    """(Re)write warehouse.duckdb only when its views change (new columns, descriptions, a moved data dir)."""
    database = target_dir / "warehouse.duckdb"
    fingerprint_file = target_dir / ".warehouse.duckdb.sha256"
    fingerprint = hashlib.sha256("\n".join(statements).encode()).hexdigest()
    if database.exists() and fingerprint_file.exists() and fingerprint_file.read_text() == fingerprint:
        return
    staged = target_dir / f".warehouse.duckdb.{os.getpid()}{TEMPORARY_SUFFIX}"  # a killed run's is removed at the next
    staged.unlink(missing_ok=True)
    with duckdb.connect(str(staged)) as connection:
        for statement in statements:
            connection.execute(statement)
    os.replace(staged, database)
    fingerprint_file.write_text(fingerprint)


def _point_to(target_dir: Path, folder: Path) -> None:
    """published/parquet and published/CURRENT name the new version, each replaced in one rename."""
    link = target_dir / "parquet"
    if link.is_dir() and not link.is_symlink():  # a copy written before versions existed
        shutil.rmtree(link)
    staged_link = target_dir / f".parquet-{os.getpid()}"
    staged_link.unlink(missing_ok=True)
    staged_link.symlink_to(Path(VERSIONS_DIR) / folder.name, target_is_directory=True)
    os.replace(staged_link, link)
    staged_pointer = target_dir / f".CURRENT.{os.getpid()}{TEMPORARY_SUFFIX}"
    staged_pointer.write_text(folder.name + "\n")
    os.replace(staged_pointer, target_dir / "CURRENT")


def _without_quarantined(connection: duckdb.DuckDBPyConnection, table: str) -> str:
    """The query for a mart's rows less those in ``quarantine.<table>`` (matched on every column, nulls equal)."""
    columns = [name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_catalog = 'live' and table_schema = 'marts' "
        "and table_name = ? order by ordinal_position", [table]).fetchall()]
    held = [name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_catalog = 'live' "
        "and table_schema = 'quarantine' and table_name = ? order by ordinal_position", [table]).fetchall()]
    if held != columns + ["failed_expectation", "quarantined_by"]:
        return f"select * from live.marts.{table}"  # nothing quarantined (or left by a suite that no longer runs)
    same = " and ".join(f'm."{c}" is not distinct from q."{c}"' for c in columns)
    return f"select m.* from live.marts.{table} m anti join live.quarantine.{table} q on {same}"
