"""A real, throwaway PostgreSQL server for the tests: initdb in a temporary folder, trust auth, 127.0.0.1 on a
free port, stopped (and its folder removed) afterwards. The server binaries come from the system (`.ci/run`
installs Debian's `postgresql` where initdb is missing)."""
from __future__ import annotations

import contextlib
import functools
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, or Debian's versioned /usr/lib/postgresql/<n>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl", path=str(Path(found).parent)):
        return Path(found).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _server_account() -> dict:
    """initdb and postgres refuse to run as root: as root, run them as the system's `postgres` account (Debian's
    package creates it)."""
    if os.geteuid() != 0:
        return {}
    try:
        account = pwd.getpwnam("postgres")
    except KeyError:
        raise FileNotFoundError("running as root and there is no unprivileged 'postgres' account to run the server") from None
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def postgres_server(user: str = "accords") -> Iterator[str]:
    """Yields the server's base URL, postgresql://user@127.0.0.1:port (append /database)."""
    binaries = server_binaries()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    account = _server_account()
    root = Path(tempfile.mkdtemp(prefix="accords-pg-"))
    if account:
        os.chown(root, account["user"], account["group"])
    data, port = root / "data", _free_port()
    env = dict(os.environ, LC_ALL="C", LANG="C")
    run = functools.partial(subprocess.run, capture_output=True, env=env, cwd=root, **account)
    initialised = run([str(binaries / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "--encoding=UTF8",
                       "--no-sync"])
    if initialised.returncode:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {initialised.stderr.decode(errors='replace')}")
    # the socket in our own folder (not /var/run/postgresql, which may not exist or be ours); fsync off: a
    # test server's data is thrown away
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    started = run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options,
                   "-w", "-t", "60", "start"])
    if started.returncode:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"the PostgreSQL server did not start: {started.stderr.decode(errors='replace')}{log}")
    try:
        yield f"postgresql://{user}@127.0.0.1:{port}"
    finally:
        run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


def create_database(base_url: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as connection:
        connection.execute(f'create database "{name}"')
    return f"{base_url}/{name}"
