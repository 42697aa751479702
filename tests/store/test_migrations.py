"""A ledger written by schema version 1 is upgraded in place and still answers queries."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.model import Document
from claimledger.store import ClaimQuery, Ledger, open_ledger
from claimledger.store.base import Tx, now
from tests.store.helpers import seed_record, sohr_only_record


def write_v1(tx: Tx, doc: Document) -> None:
    """Rows as claimledger wrote them under schema 1 (no speakers, no search index)."""
    tx.execute(
        "INSERT INTO documents (id, uri, title, published, ingested_at, record)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.uri,
            doc.title.text if doc.title else None,
            doc.published,
            now(),
            doc.to_json(),
        ),
    )
    for e in doc.entities:
        tx.execute(
            "INSERT INTO entities (doc_id, id, name, kind, aliases) VALUES (?, ?, ?, ?, ?)",
            (doc.id, e.id, e.name, e.kind, json.dumps(e.aliases)),
        )
    for k in doc.claims:
        tx.execute(
            'INSERT INTO claims (doc_id, id, origin, start, "end", text, content, entity_id,'
            " quote, check_worthy, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                k.id,
                k.origin,
                k.span[0],
                k.span[1],
                doc.slice(k.span),
                "[]",
                k.source.entity if k.source else None,
                k.quote,
                k.check_worthy,
                doc.published,
            ),
        )
    for f in doc.figures:
        tx.execute(
            'INSERT INTO figures (doc_id, id, claim_id, start, "end", text, value, measure)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, f.id, f.claim, f.span[0], f.span[1], f.text, f.value, f.measure),
        )


def test_version_1_ledger_upgraded_in_place(ledger_url: str, corpus: Path) -> None:
    seed = seed_record(corpus)
    copy = sohr_only_record(seed)
    old: Ledger = open_ledger(ledger_url, migrate=False)
    assert old.migrate(target=1) == 1
    with old.write() as tx:
        write_v1(tx, seed)
        write_v1(tx, copy)
    assert old.schema_version() == 1
    old.close()

    new = open_ledger(ledger_url)  # opening migrates
    try:
        assert new.schema_version() == Ledger.latest_version(new.dialect) >= 2
        sohr = new.claims(ClaimQuery(speaker="SOHR", limit=None))
        assert len(sohr) == 4 and {r["doc_id"] for r in sohr} == {seed.id, copy.id}
        assert (
            new.claims(ClaimQuery(speaker="Syrian Observatory for Human Rights", limit=None))
            == sohr
        )
        assert len(new.claims(ClaimQuery(search="booby traps"))) == 2
        assert len(new.claims(ClaimQuery(measure="killed"))) == 2
        top = new.speakers(limit=1)[0]
        assert top["name"] == "Sergei Lavrov" and top["claims"] == 10
        # The upgraded ledger takes new documents as usual.
        third = Document.from_dict({**seed.to_dict(), "id": "e" * 64, "uri": "u3"})
        assert new.add(third) == "new"
        assert len(new.claims(ClaimQuery(speaker="SOHR", limit=None))) == 6
        assert new.migrate() == new.schema_version()  # idempotent
    finally:
        new.close()
