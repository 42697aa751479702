"""Exports on both back ends: one file per table with the documented columns, and ClaimReview."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from claimledger.export import export
from claimledger.store import ClaimQuery, Ledger
from claimledger.store.base import TABLE_COLUMNS
from tests.store.helpers import analyze_path, seed_record, sohr_only_record

REPO = Path(__file__).resolve().parents[2]


def _fill(ledger: Ledger, corpus: Path) -> None:
    seed = seed_record(corpus)
    ledger.add(seed)
    ledger.add(sohr_only_record(seed))
    for doc in analyze_path(corpus / "comments-dev" / "html" / "lemire-json-parsing.html"):
        ledger.add(doc)


def test_table_formats_hold_every_row(ledger: Ledger, corpus: Path, tmp_path: Path) -> None:
    _fill(ledger, corpus)
    counts = ledger.counts()
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / fmt
        written = export(ledger, fmt, out, ClaimQuery(limit=None))
        assert written == {t: counts[t] for t in TABLE_COLUMNS}
        for table, cols in TABLE_COLUMNS.items():
            path = out / f"{table}.{fmt}"
            if fmt == "csv":
                with open(path, newline="", encoding="utf-8") as fh:
                    rows = list(csv.reader(fh))
                assert tuple(rows[0]) == cols and len(rows) - 1 == counts[table]
            elif fmt == "jsonl":
                rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
                assert len(rows) == counts[table]
                assert all(tuple(sorted(r)) == tuple(sorted(cols)) for r in rows)
            else:
                got = pq.read_table(path)
                assert tuple(got.column_names) == cols and got.num_rows == counts[table]
    claims = [json.loads(x) for x in (tmp_path / "jsonl" / "claims.jsonl").read_text().splitlines()]
    killed = next(c for c in claims if c["text"].startswith("3,250"))
    assert killed["hedged"] is False and isinstance(killed["content"], list)


def test_filters_apply_to_exports(ledger: Ledger, corpus: Path, tmp_path: Path) -> None:
    _fill(ledger, corpus)
    counts = export(ledger, "csv", tmp_path / "sohr", ClaimQuery(speaker="SOHR", limit=None))
    assert counts["claims"] == 4 and counts["documents"] == 2 and counts["figures"] == 4
    assert counts["speakers"] >= 1
    with open(tmp_path / "sohr" / "figures.csv", newline="", encoding="utf-8") as fh:
        assert {r["measure"] for r in csv.DictReader(fh)} == {"killed"}


def test_claimreview_json_ld(ledger: Ledger, corpus: Path, tmp_path: Path) -> None:
    _fill(ledger, corpus)
    out = tmp_path / "reviews.jsonld"
    written = export(ledger, "claimreview", out, ClaimQuery(measure="killed", limit=None))
    reviews = json.loads(out.read_text("utf-8"))
    assert written == {"claimreview": 2} and len(reviews) == 2
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"].startswith("3,250 people were killed")
        assert review["itemReviewed"]["author"] == {
            "@type": "Organization",
            "name": "Syrian Observatory for Human Rights",
        }
        assert [m["value"] for m in review["mentions"]] == [3250, 1130]


def test_export_columns_documented() -> None:
    """docs/export.md names every column of every table, so the docs cannot drift."""
    doc = (REPO / "docs" / "export.md").read_text("utf-8")
    for table, cols in TABLE_COLUMNS.items():
        section = doc.split(f"### {table}", 1)[1].split("### ", 1)[0]
        for col in cols:
            assert f"| `{col}` |" in section, f"{table}.{col} is not documented"
