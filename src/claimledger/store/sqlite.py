"""The embedded ledger: one SQLite file, WAL, one writer at a time, FTS5 over claims."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimledger.store.base import Ledger, Tx

BUSY_TIMEOUT_MS = 60_000
_WORD = re.compile(r"\w+", re.UNICODE)


class SQLiteLedger(Ledger):
    """A ledger in one SQLite file. Writers take the lock up front (BEGIN IMMEDIATE) and wait
    for each other through the busy timeout, so concurrent ingests queue instead of failing."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, migrate: bool = True) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        if migrate:
            self.migrate()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: FTS and index pages stay hot
            self._local.conn = conn
            self._conns.append(conn)
        return conn

    @contextmanager
    def write(self) -> Iterator[Tx]:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield Tx(conn, _same)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[Tx]:
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield Tx(conn, _same)
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        for conn in self._conns:
            conn.close()
        self._conns.clear()
        self._local = threading.local()

    def _insert_returning_id(self, tx: Tx, sql: str, params: Sequence[Any]) -> int:
        return int(tx.execute(sql, params).lastrowid)

    def _run_script(self, tx: Tx, sql: str) -> None:
        """Run a migration statement by statement inside the open transaction (executescript
        would commit)."""
        buffer = ""
        for line in sql.splitlines(keepends=True):
            if line.strip().startswith("--") and not buffer.strip():
                continue
            buffer += line
            if sqlite3.complete_statement(buffer):
                tx.conn.execute(buffer)
                buffer = ""
        if buffer.strip():
            tx.conn.execute(buffer)

    def _search_clause(self) -> str:
        return "c.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"

    def _search_param(self, text: str) -> str:
        """Words of a user's search as an FTS5 query: every word must occur (stemmed)."""
        return " ".join(f'"{w}"' for w in _WORD.findall(text))

    def optimize(self) -> None:
        conn = self._conn()
        conn.execute("PRAGMA optimize")
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def analyze(self) -> None:
        """Full statistics and a truncated WAL (benchmarks, before measuring)."""
        conn = self._conn()
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def bulk_mode(self) -> None:
        """Trade durability for speed while building a throwaway ledger (benchmarks)."""
        conn = self._conn()
        conn.execute("PRAGMA synchronous = OFF")


def _same(sql: str) -> str:
    return sql
