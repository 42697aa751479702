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


def test_seed_status_disagreement(corpus: Path) -> None:
    """Gold t2: SOHR says Raqqa is completely taken; an SDF spokesman says the last areas will
    fall within hours; the report has Isis hemmed in to a patch of the city."""
    doc = claimledger.analyze((corpus / "seed" / "raqqa-falls.txt").read_bytes(), uri="seed.txt")
    (status,) = [t for t in doc.tensions if t.kind == "status_disagreement"]
    claims = {k.id: k for k in doc.claims}
    contents = [" ".join(doc.slice(s) for s in claims[c].content) for c in status.claims]
    assert "have completely taken Isis’ de facto capital, Raqqa" in contents[0]
    assert any("would capture the last Isis areas in the city within hours" in c for c in contents)
    assert any(c.startswith("It is now hemmed in to a tiny bomb-cratered patch") for c in contents)
    assert status.note.startswith("Raqqa: “completely taken” (Syrian Observatory for Human Rights)")


def test_status_disagreement_needs_the_same_place_and_two_voices() -> None:
    base = (
        "Offensive nears its end\n\n"
        "Government forces have fully captured Tal Afar, the army said on Sunday.\n\n"
    )
    other_town = (
        base + "A commander said his men would capture the last positions in Mosul within days.\n"
    )
    same_voice = (
        base + "The army said it would capture the last pockets of the town within hours.\n"
    )
    same_town = (
        base + "Fighters are still holding the last districts of Tal Afar, a witness said.\n"
    )
    kinds = {
        name: [t.kind for t in claimledger.analyze(text, uri=f"{name}.txt").tensions]
        for name, text in (("other", other_town), ("voice", same_voice), ("same", same_town))
    }
    assert "status_disagreement" not in kinds["other"]
    assert "status_disagreement" not in kinds["voice"]
    assert "status_disagreement" in kinds["same"]
    doc = claimledger.analyze(same_town, uri="same.txt")
    (status,) = [t for t in doc.tensions if t.kind == "status_disagreement"]
    assert status.note == "Tal Afar: “fully captured” (the army) vs “still holding” (a witness)"


def test_status_disagreement_in_other_words() -> None:
    """Holdouts said otherwise: "pockets of resistance remain", "fighting is still going on"."""
    notes = []
    for other in (
        "Pockets of resistance remain in the city, residents said.",
        "Fighting is still going on in parts of the city, a local official said.",
    ):
        text = (
            "Army retakes city\n\n"
            "Government troops have taken full control of Marawi, the army said on Monday.\n\n"
            f"{other}\n"
        )
        doc = claimledger.analyze(text, uri="marawi.txt")
        notes += [t.note for t in doc.tensions if t.kind == "status_disagreement"]
    assert notes == [
        "Marawi: “taken full control” (the army) vs “Pockets of resistance” (residents)",
        "Marawi: “taken full control” (the army) vs “still going on” (a local official)",
    ]
