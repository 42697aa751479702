"""Tensions inside one page: the seed's gold, and no tension where a page agrees with itself."""

from __future__ import annotations

from pathlib import Path

import claimledger


def test_seed_tensions(corpus: Path) -> None:
    doc = claimledger.analyze((corpus / "seed" / "raqqa-falls.txt").read_bytes(), uri="seed.txt")
    by_kind = {t.kind: t for t in doc.tensions}
    assert by_kind["count_mismatch"].note == "comment count: 6 declared, 5 present"
    duration = by_kind["figure_disagreement"]
    values = sorted(f.value for f in doc.figures if f.id in duration.figures)
    assert values == [4, 5]
    assert "Syrian Observatory for Human Rights" in duration.note and "the report" in duration.note
    unsupported = by_kind["unsupported"]
    (claim,) = [k for k in doc.claims if k.id in unsupported.claims]
    assert claim.origin == "comment" and claim.comment == "c1"
    assert "1000 ISIS fighters" in doc.slice(claim.span)
    assert [t.id for t in doc.tensions] == [f"t{n}" for n in range(1, len(doc.tensions) + 1)]


def test_consistent_page_has_no_tension() -> None:
    text = (
        "Ceasefire talks resume\n\n"
        "The three-week siege of the town ended on Monday, officials said.\n\n"
        "A spokesman said the three-week siege had cost at least 40 lives.\n"
    )
    doc = claimledger.analyze(text, uri="calm.txt")
    assert doc.tensions == []


def test_durations_of_different_things_do_not_clash() -> None:
    text = (
        "Two sieges\n\n"
        "The five-month battle for the city ended on Tuesday, the army said.\n\n"
        "The two-week siege of the airport ended a month earlier.\n"
    )
    doc = claimledger.analyze(text, uri="two.txt")
    assert [t.kind for t in doc.tensions] == []
