"""Ledger test helpers: real records with claims, and ledgers on both back ends.

Query tests need known claims: ``seed_record`` analyzes the real seed page and puts the
hand-annotated speakers, claims and figures of its gold file in place of the NLP's, each
located in the text so every span slices it exactly. Records as the NLP makes them are stored
by the ingest tests.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from claimledger.model import Document
from claimledger.pipeline import Options, analyze_page
from claimledger.sources import iter_inputs, read_input
from claimledger.store import Ledger, open_ledger

PRONOUNS = {"he", "she", "they", "it", "we"}
BACKENDS = ["sqlite", "postgres"]


def analyze_path(path: str | Path, published: str | None = None) -> list[Document]:
    docs = []
    for item in iter_inputs([str(path)]):
        assert not isinstance(item, Exception), item
        docs.append(analyze_page(read_input(item), Options(published=published)))
    return docs


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    at = text.find(needle, start)
    return (at, at + len(needle)) if at >= 0 else None


def annotate_from_gold(doc: Document, gold: dict) -> Document:
    """The document with the gold's speakers, claims and figures placed by exact search."""
    text = doc.text
    data = doc.to_dict()
    entities, by_name = [], {}
    for i, sp in enumerate(gold["speakers"], 1):
        names = [sp["name"], *[a for a in sp.get("aliases", []) if a.lower() not in PRONOUNS]]
        mentions = []
        flags = re.IGNORECASE if sp["kind"].startswith("unnamed") else 0
        for name in names:
            for m in re.finditer(rf"\b{re.escape(name)}\b", text, flags):
                mentions.append([m.start(), m.end()])
        if not mentions:
            continue
        eid = f"e{i}"
        kind = "unnamed" if sp["kind"].startswith("unnamed") else sp["kind"]
        entities.append(
            {
                "id": eid,
                "name": sp["name"],
                "kind": kind,
                "aliases": sp.get("aliases", []),
                "mentions": sorted(mentions),
                "role": sp.get("role"),
                "affiliation": sp.get("organisation"),
                "geo": None,
            }
        )
        by_name[sp["name"]] = (eid, mentions[0])
    claims, figures = [], []
    for g in gold["claims"]:
        span = _find(text, g["contains"])
        if span is None:
            continue
        kid = f"k{len(claims) + 1}"
        source = None
        cue = None
        if g.get("speaker") in by_name:
            eid, mention = by_name[g["speaker"]]
            source = {"span": mention, "entity": eid, "text": text[mention[0] : mention[1]]}
            cue_span = _find(text, g["cue"]) if g.get("cue") else None
            if cue_span:
                cue = {"span": list(cue_span), "lemma": g["cue"].lower()}
        fig_ids = []
        for fg in g.get("figures", []):
            shown = f"{fg['value']:,}"
            m = re.compile(rf"(?<![\d,.]){re.escape(shown)}(?![\d,])").search(text, span[0])
            if m is None or m.end() > span[1]:
                continue
            fspan = (m.start(), m.end())
            fid = f"f{len(figures) + 1}"
            fig_ids.append(fid)
            figures.append(
                {
                    "id": fid,
                    "claim": kid,
                    "span": list(fspan),
                    "text": shown,
                    "value": fg["value"],
                    "low": fg["value"],
                    "high": fg["value"],
                    "unit": fg.get("unit", "person"),
                    "measure": fg.get("measure"),
                    "subject": fg.get("what"),
                    "part_of": None,
                    "qualifier": "exact",
                }
            )
        claims.append(
            {
                "id": kid,
                "origin": g["in"],
                "comment": g.get("comment"),
                "span": list(span),
                "content": [list(span)],
                "cue": cue,
                "source": source,
                "quote": g.get("quote", "none") if source else "none",
                "hedged": bool(g.get("hedged")),
                "negated": False,
                "future": False,
                "check_worthy": 0.9 if fig_ids else 0.5,
                "figures": fig_ids,
                "nested_in": None,
            }
        )
    data.update(entities=entities, claims=claims, figures=figures, tensions=[])
    if len(claims) >= 2 and figures:
        data["tensions"] = [
            {
                "id": "t1",
                "kind": "figure_disagreement",
                "claims": [claims[0]["id"], claims[1]["id"]],
                "figures": [figures[0]["id"]],
                "note": "test tension",
            }
        ]
    return Document.from_dict(data)


def seed_record(corpus: Path) -> Document:
    """The seed page analyzed, its speakers, claims and figures replaced by the hand-made
    gold ones so query tests do not move with the NLP's recall."""
    (doc,) = analyze_path(corpus / "seed" / "raqqa-falls.txt", published="2017-10-17")
    gold = json.loads((corpus / "seed" / "raqqa-falls.gold.json").read_text("utf-8"))
    return annotate_from_gold(doc, gold)


def sohr_only_record(seed: Document) -> Document:
    """Another record of the seed's text in which the speaker is known only as "SOHR"."""
    data = seed.to_dict()
    data["id"] = "f" * 64
    data["uri"] = "https://example.org/raqqa-copy"
    data["published"] = "2017-10-18"
    ents = []
    for e in data["entities"]:
        if e["name"] == "Syrian Observatory for Human Rights":
            e = dict(e, name="SOHR", aliases=[])
        ents.append(e)
    data["entities"] = ents
    return Document.from_dict(data)


def retarget(doc: Document, new_id: str, uri: str | None = None) -> Document:
    data = doc.to_dict()
    data["id"] = new_id
    if uri is not None:
        data["uri"] = uri
    return Document.from_dict(data)


# -- back ends --------------------------------------------------------------------------------
def pg_dsn() -> str | None:
    """The test server's DSN; fails (CI) or skips when none is reachable."""
    dsn = os.environ.get("CLAIMLEDGER_TEST_PG")
    required = os.environ.get("CLAIMLEDGER_REQUIRE_PG") == "1"
    if not dsn:
        if required:
            pytest.fail("CLAIMLEDGER_REQUIRE_PG=1 but CLAIMLEDGER_TEST_PG is not set")
        pytest.skip("PostgreSQL tests need CLAIMLEDGER_TEST_PG")
    import psycopg

    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.Error as exc:
        if required:
            pytest.fail(f"PostgreSQL at CLAIMLEDGER_TEST_PG is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    return dsn


def fresh_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty ledger: a new SQLite file, or a new PostgreSQL schema (dropped after)."""
    if backend == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    dsn = pg_dsn()
    assert dsn is not None
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in dsn else "?"
    yield f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from fresh_url(request.param, tmp_path)


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[Ledger]:
    led = open_ledger(ledger_url)
    yield led
    led.close()
