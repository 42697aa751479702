"""Abusive-language flags: the seed comment's "f’k", masked spellings, and innocent words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from claimledger.nlp.abuse import find_abuse


def test_seed_comment_flag_has_its_exact_span(corpus: Path) -> None:
    text = (corpus / "seed" / "raqqa-falls.txt").read_text(encoding="utf-8")
    gold = json.loads((corpus / "seed" / "raqqa-falls.gold.json").read_text(encoding="utf-8"))
    wanted = gold["flags"][0]["contains"]
    found = find_abuse(text)
    assert [text[a.span[0] : a.span[1]] for a in found] == [wanted]
    assert found[0].kind == "abusive_language"
    start = text.index(wanted)
    assert found[0].span == (start, start + len(wanted))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("what the f*ck is this", "f*ck"),
        ("F**K them all", "F**K"),
        ("sh1t happens", "sh1t"),
        ("this is sh!t", "sh!t"),
        ("a total a$$hole", "a$$hole"),
        ("he’s a b*tch", "b*tch"),
        ("utter bullshit!", "bullshit"),
        ("you motherf*cker", "motherf*cker"),
        ("fuuuck off", "fuuuck"),
        ("f.u.c.k you", "f.u.c.k"),
        ("“Shit.” he wrote", "Shit"),
        ("what a sh*t-show", "sh*t"),
        ("what the f---ing hell", "f---ing"),
        ("it's f-ing awful", "f-ing"),
    ],
)
def test_obfuscated_spellings_are_found_with_exact_spans(text: str, flagged: str) -> None:
    found = find_abuse(text)
    assert [text[a.span[0] : a.span[1]] for a in found] == [flagged]


@pytest.mark.parametrize(
    "clean",
    [
        "Scunthorpe United beat Essex and Sussex in Middlesex.",
        "The assassin's assessment of the class analysis was classic.",
        "Dick Cheney sipped a cocktail with shiitake at Hancock's.",
        "Forces kill dozens; God help them, it was hell, a Nazi-era bunker.",
        "Isis’ capital fell; don’t say it’s over, we’ll see, the U.S. and U.K. said at 9 p.m.",
        "An F-16 and an A-10 flew over Raqqa’s stadium, e.g. the US-backed militias.",
        "Spicy food, a Pakistani chef, a chink in the armour, Cockermouth, Penistone.",
        "Sean Spicer said who's who in S.C. and the D.A.'s office; c.s. and s.c. notes.",
    ],
)
def test_innocent_words_are_not_flagged(clean: str) -> None:
    assert find_abuse(clean) == []


def test_abuse_component_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimledger_abuse")
    doc = nlp("US shoul get the f’k out of Syria")
    assert [doc.text[a.span[0] : a.span[1]] for a in doc._.abuse] == ["f’k"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Go to hell, you moron", "you moron"),
        ("You're a total idiot.", "You're a total idiot"),
        ("kill yourself", "kill yourself"),
        ("I hope you die", "I hope you die"),
    ],
)
def test_insults_aimed_at_someone_are_flagged(text: str, flagged: str) -> None:
    assert [text[a.span[0] : a.span[1]] for a in find_abuse(text)] == [flagged]


@pytest.mark.parametrize(
    "text", ["It was a fool's errand.", "The traitor was jailed.", "Thank you, animal lovers."]
)
def test_insult_words_not_aimed_at_anyone_are_not(text: str) -> None:
    assert find_abuse(text) == []
