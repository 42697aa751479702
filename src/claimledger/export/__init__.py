"""Exports of the ledger: CSV, JSON Lines and Parquet (one file per kind of record, with the
stable columns documented in docs/export.md) and schema.org ClaimReview JSON-LD for claims.

Filters are those of `claimledger claims`: with any filter set, the export holds the matching
claims, their figures, and the documents they come from with those documents' sections,
comments, entities, tensions and flags; the speakers table holds the speakers of the exported
entities and claims. Without filters it holds the whole ledger.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimledger.errors import require
from claimledger.store import ClaimQuery, Ledger
from claimledger.store.base import TABLE_COLUMNS

FORMATS = ("csv", "jsonl", "parquet", "claimreview")
TABLES = tuple(TABLE_COLUMNS)
BOOL_COLUMNS = {"hedged", "negated", "future"}
INT_COLUMNS = {
    "idx",
    "start",
    "end",
    "mentions",
    "run_id",
    "speaker_id",
    "claims",
    "documents",
}
FLOAT_COLUMNS = {"value", "low", "high", "check_worthy"}
_JSON_IN = {
    ("entities", "aliases"),
    ("claims", "content"),
    ("tensions", "claims"),
    ("tensions", "figures"),
}


def _typed(table: str, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in TABLE_COLUMNS[table]:
        value = row.get(col)
        if value is not None:
            if col in BOOL_COLUMNS:
                value = bool(value)
            elif (table, col) in _JSON_IN:
                value = json.loads(value) if isinstance(value, str) else value
            elif col in INT_COLUMNS or (table, col) == ("speakers", "id"):
                value = int(value)
            elif col in FLOAT_COLUMNS:
                value = float(value)
        out[col] = value
    return out


def selected_rows(ledger: Ledger, query: ClaimQuery) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(table, rows) for every table, restricted by the query's filters when it has any."""
    if query.is_empty():
        for table in TABLES:
            yield table, [_typed(table, r) for r in ledger.rows(table)]
        return
    keys = set(ledger.claim_keys(ClaimQuery(**{**query.__dict__, "limit": None})))
    docs = {d for d, _ in keys}
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        if table == "speakers":
            continue
        got = [_typed(table, r) for r in ledger.rows(table, docs)]
        if table == "claims":
            got = [r for r in got if (r["doc_id"], r["id"]) in keys]
        elif table == "figures":
            got = [r for r in got if (r["doc_id"], r["claim_id"]) in keys]
        rows[table] = got
    wanted = {r["speaker_id"] for t in ("entities", "claims") for r in rows[t]} - {None}
    rows["speakers"] = [_typed("speakers", r) for r in ledger.rows("speakers") if r["id"] in wanted]
    for table in TABLES:
        yield table, rows[table]


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _parquet_type(pa: Any, table: str, col: str) -> Any:
    if col in BOOL_COLUMNS:
        return pa.bool_()
    if (table, col) in _JSON_IN:
        return pa.string()
    if col in INT_COLUMNS or (table, col) == ("speakers", "id"):
        return pa.int64()
    if col in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def export(ledger: Ledger, fmt: str, out: Path, query: ClaimQuery) -> dict[str, int]:
    """Write the export; return how many rows each file got. ``out`` is a directory for the
    table formats and a file for ClaimReview."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "claimreview":
        return {"claimreview": write_claimreview(ledger, out, query)}
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table, rows in selected_rows(ledger, query):
        cols = TABLE_COLUMNS[table]
        counts[table] = len(rows)
        if fmt == "csv":
            with open(out / f"{table}.csv", "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(cols)
                for row in rows:
                    writer.writerow([_cell(row[c]) for c in cols])
        elif fmt == "jsonl":
            with open(out / f"{table}.jsonl", "w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        else:
            pa = require("pyarrow", "pyarrow", "parquet")
            pq = require("pyarrow.parquet", "pyarrow", "parquet")
            schema = pa.schema([(c, _parquet_type(pa, table, c)) for c in cols])
            data = {
                c: [
                    json.dumps(r[c], ensure_ascii=False)
                    if (table, c) in _JSON_IN and r[c] is not None
                    else r[c]
                    for r in rows
                ]
                for c in cols
            }
            pq.write_table(pa.table(data, schema=schema), out / f"{table}.parquet")
    return counts


def claim_review(claim: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """One claim as a schema.org ClaimReview. The ledger records claims, it does not rate
    them, so there is no reviewRating; the claim's figures ride along as ``mentions``."""
    speaker = claim.get("speaker") or claim.get("speaker_name")
    item: dict[str, Any] = {
        "@type": "Claim",
        "appearance": {
            "@type": "CreativeWork",
            "url": doc["uri"],
            **({"headline": doc["title"]} if doc.get("title") else {}),
        },
    }
    if claim.get("published"):
        item["datePublished"] = claim["published"]
    if speaker:
        item["author"] = {
            "@type": "Organization"
            if claim.get("speaker_kind") in ("organisation", "group")
            else "Person",
            "name": speaker,
        }
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"{claim['doc_id']}#{claim['id']}",
        "url": f"{doc['uri']}#claim-{claim['id']}",
        "claimReviewed": claim["text"],
        "itemReviewed": item,
    }
    if claim.get("figures"):
        review["mentions"] = [
            {
                "@type": "QuantitativeValue",
                "name": f.get("measure") or f["text"],
                "value": f.get("value"),
                "minValue": f.get("low"),
                "maxValue": f.get("high"),
                "unitText": f.get("unit"),
            }
            for f in claim["figures"]
        ]
    return review


def write_claimreview(ledger: Ledger, out: Path, query: ClaimQuery) -> int:
    """All matching claims as one JSON-LD array of ClaimReview objects."""
    claims = ledger.claims(ClaimQuery(**{**query.__dict__, "limit": None}))
    docs = {r["id"]: r for r in ledger.rows("documents", {c["doc_id"] for c in claims})}
    kinds = {
        (r["doc_id"], r["id"]): r["kind"]
        for r in ledger.rows("entities", {c["doc_id"] for c in claims})
    }
    reviews = []
    for c in claims:
        c = dict(c)
        c["speaker_kind"] = kinds.get((c["doc_id"], c.get("entity_id")))
        reviews.append(claim_review(c, docs[c["doc_id"]]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(reviews, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return len(reviews)
