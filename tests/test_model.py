"""The record's JSON form: a faithful round trip, and the contract's field names."""

from __future__ import annotations

import json
from pathlib import Path

import claimledger
from claimledger.model import SCHEMA, Document

CONTRACT_FIELDS = {
    "schema", "id", "uri", "media_type", "text", "title", "published", "language", "sections",
    "comments", "declared_comment_count", "entities", "claims", "figures", "tensions", "flags",
    "pipeline",
}  # fmt: skip


def test_round_trip_is_exact(corpus: Path) -> None:
    raw = (corpus / "seed" / "raqqa-falls.txt").read_bytes()
    doc = claimledger.analyze(raw, uri="seed.txt")
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_json() == doc.to_json()


def test_contract_fields_present() -> None:
    doc = claimledger.analyze("A title\n\nOne paragraph of text.\n", uri="t.txt", nlp="none")
    data = json.loads(doc.to_json())
    assert set(data) >= CONTRACT_FIELDS
    assert data["schema"] == SCHEMA
    assert set(data["pipeline"]) >= {"version", "nlp", "seconds"}
    assert "seconds" not in json.loads(doc.to_json(timing=False))["pipeline"]


def test_unknown_fields_are_ignored_on_read() -> None:
    doc = claimledger.analyze("A title\n\nOne paragraph of text.\n", uri="t.txt", nlp="none")
    data = json.loads(doc.to_json())
    data["some_future_field"] = 1
    assert Document.from_dict(data) == doc
