"""The shared ledger on PostgreSQL: psycopg 3 through a connection pool, tsvector search."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from claimledger.errors import require
from claimledger.store.base import Ledger, Tx

# One writer at a time, as on SQLite: speaker merging reads then writes shared rows, and a
# transaction-level advisory lock keeps two ingests from racing on them.
WRITE_LOCK = 0x636C6C67  # "cllg"


def _to_psycopg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresLedger(Ledger):
    """A ledger in a PostgreSQL database named by a ``postgresql://`` URL."""

    dialect = "postgres"
    order_by = "c.published DESC NULLS LAST, c.pk DESC"

    def __init__(self, url: str, migrate: bool = True, max_size: int = 4) -> None:
        require("psycopg", "psycopg[binary]", "postgres")
        pool_mod = require("psycopg_pool", "psycopg-pool", "postgres")
        self.url = url
        self.pool = pool_mod.ConnectionPool(
            url, min_size=1, max_size=max_size, open=True, kwargs={"autocommit": False}
        )
        self.pool.wait(timeout=30)
        if migrate:
            self.migrate()

    @contextmanager
    def write(self) -> Iterator[Tx]:
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield Tx(conn, _to_psycopg)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self.pool.connection() as conn, conn.transaction():
            yield Tx(conn, _to_psycopg)

    def close(self) -> None:
        self.pool.close()

    def _insert_returning_id(self, tx: Tx, sql: str, params: Sequence[Any]) -> int:
        return int(tx.execute(sql + " RETURNING id", params).fetchone()[0])

    def _run_script(self, tx: Tx, sql: str) -> None:
        tx.conn.execute(sql)

    def _search_clause(self) -> str:
        return "c.tsv @@ plainto_tsquery('english', ?)"

    def _search_param(self, text: str) -> str:
        return " ".join(re.findall(r"\w+", text))

    def optimize(self) -> None:
        with self.pool.connection() as conn:
            conn.autocommit = True
            try:
                conn.execute("ANALYZE")
            finally:
                conn.autocommit = False

    def bulk_mode(self) -> None:
        """Nothing to trade on a server: bulk loads already go in one transaction."""

    def drop_everything(self) -> None:
        """Empty the database (tests and benchmarks use a scratch database)."""
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
