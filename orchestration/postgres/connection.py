"""ACCORDS_WAREHOUSE_URL parsed once: psycopg connections, the dbt profile's environment, GX's SQLAlchemy URL.

dbt's profile (dbt_project/profiles.yml) picks its target from ACCORDS_DBT_TARGET and reads the server from
ACCORDS_PG_*; the password goes in DBT_ENV_SECRET_ACCORDS_PG_PASSWORD, which dbt scrubs from its logs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

# dbt builds the marts here; publishing renames this schema to `marts` once the checks passed on it
BUILD_SCHEMA = "marts_build"
PUBLISHED_SCHEMA = "marts"
DBT_TARGET_VARIABLE = "ACCORDS_DBT_TARGET"
PASSWORD_VARIABLE = "DBT_ENV_SECRET_ACCORDS_PG_PASSWORD"
PROFILE_VARIABLES = ("ACCORDS_PG_HOST", "ACCORDS_PG_PORT", "ACCORDS_PG_USER", "ACCORDS_PG_DATABASE", PASSWORD_VARIABLE)


@dataclass(frozen=True)
class PostgresWarehouse:
    host: str
    port: int
    user: str
    password: str
    database: str

    def __repr__(self) -> str:  # never print the password
        return f"PostgresWarehouse({self.user}@{self.host}:{self.port}/{self.database})"

    def connect(self, **kwargs):
        import psycopg

        return psycopg.connect(host=self.host, port=self.port, user=self.user, password=self.password or None,
                               dbname=self.database, **kwargs)

    def sqlalchemy_url(self, search_path: str | None = None) -> str:
        """For Great Expectations' SQL datasource (SQLAlchemy with psycopg2, which dbt-postgres brings); with
        `search_path`, unqualified table names resolve in that schema."""
        credentials = quote(self.user, safe="") + (f":{quote(self.password, safe='')}" if self.password else "")
        url = f"postgresql+psycopg2://{credentials}@{self.host}:{self.port}/{quote(self.database, safe='')}"
        return url + (f"?options={quote(f'-c search_path={search_path}', safe='')}" if search_path else "")

    def dbt_environment(self) -> dict[str, str]:
        return {
            DBT_TARGET_VARIABLE: "postgres",
            "ACCORDS_PG_HOST": self.host,
            "ACCORDS_PG_PORT": str(self.port),
            "ACCORDS_PG_USER": self.user,
            "ACCORDS_PG_DATABASE": self.database,
            PASSWORD_VARIABLE: self.password,
        }


def parse_warehouse_url(url: str) -> PostgresWarehouse:
    """`postgresql://user[:password]@host:port/db`; anything else is refused with what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ValueError(f"ACCORDS_WAREHOUSE_URL must start with postgresql://, not {parts.scheme or url!r}://")
    database = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not parts.username or not database:
        raise ValueError("ACCORDS_WAREHOUSE_URL must name a user, a host and a database: "
                         "postgresql://user[:password]@host:port/db")
    try:
        port = parts.port or 5432
    except ValueError as error:
        raise ValueError(f"ACCORDS_WAREHOUSE_URL has a bad port: {error}") from None
    return PostgresWarehouse(host=parts.hostname, port=port, user=unquote(parts.username),
                             password=unquote(parts.password or ""), database=database)


def export_dbt_environment(warehouse: PostgresWarehouse | None, environ=None) -> None:
    """Point dbt's profile at the warehouse in use: PostgreSQL's target, or DuckDB's (the default)."""
    env = os.environ if environ is None else environ
    if warehouse is None:
        env[DBT_TARGET_VARIABLE] = "warehouse"
        for name in PROFILE_VARIABLES:
            env.pop(name, None)
        return
    env.update(warehouse.dbt_environment())
