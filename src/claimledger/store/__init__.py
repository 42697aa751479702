"""The ledger: where analyzed documents are kept and queried (DESIGN.md §3).

``open_ledger()`` picks the back end from a URL: ``postgresql://…`` for a shared PostgreSQL
ledger, anything else a SQLite file (default ``claimledger.db`` in the working directory, or
``$CLAIMLEDGER_DB``), created and migrated on first use.
"""

from __future__ import annotations

import os

from claimledger.store.base import AddStatus, ClaimQuery, Ledger

DEFAULT_DB = "claimledger.db"

__all__ = ["DEFAULT_DB", "AddStatus", "ClaimQuery", "Ledger", "default_url", "open_ledger"]


def default_url() -> str:
    return os.environ.get("CLAIMLEDGER_DB") or DEFAULT_DB


def open_ledger(url: str | None = None, migrate: bool = True) -> Ledger:
    """Open (and bring up to the latest schema) the ledger named by ``url``."""
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        from claimledger.store.postgres import PostgresLedger

        return PostgresLedger(url, migrate=migrate)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    from claimledger.store.sqlite import SQLiteLedger

    return SQLiteLedger(url, migrate=migrate)
