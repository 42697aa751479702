"""The shortcuts that keep attribution cheap are exact: the region skip loses no attribution,
and quotes found in one scan of the text keep the per-line rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from claimledger.nlp.attribution import (
    _GLUED_DASH,
    _NO_COMMENT,
    _WATCHED,
    _WATCHED_HASHES,
    _Finder,
    _may_start_draft,
    find_attributions,
)
from claimledger.nlp.attribution_quotes import find_quotes


@pytest.fixture(scope="module")
def rules_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _paragraphs(corpus: Path) -> list[str]:
    """PolNeAR-dev paragraphs: regions of the size the orchestrator hands over."""
    paragraphs: list[str] = []
    for path in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))[:25]:
        text = path.read_text(encoding="utf-8")
        paragraphs += [p for p in text.split("\n\n") if p.strip()]
    return paragraphs


def test_skipped_regions_hold_no_attribution(corpus: Path, rules_nlp: Language) -> None:
    """A region with no watched token and no stock dash / no-comment pattern is skipped; the
    finder run on it anyway finds nothing (a new rule starting elsewhere would fail here)."""
    attributed = skipped = 0
    for doc in rules_nlp.pipe(_paragraphs(corpus)):
        drafts = _Finder(doc).run()  # the finder itself, without the skip
        watched = not _WATCHED.isdisjoint(token.lower_ for token in doc)
        pattern = _GLUED_DASH.search(doc.text) or _NO_COMMENT.search(doc.text)
        if not watched and not pattern:
            skipped += 1
            assert drafts == [], doc.text
        assert find_attributions(doc) == drafts
        assert find_attributions(doc, untagged=True) == drafts  # the rules engine's hint
        attributed += bool(drafts)
    assert attributed > 100
    assert skipped > 20


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("A “b” c", [(2, 5)]),
        # an opening mark with no partner runs to its line's last non-space character
        ("He said “we will go  \nNext “x”", [(8, 19), (27, 30)]),
        ("end” of it", []),  # a closing mark with no opener
        ("``Yes,'' he said", [(0, 8)]),  # wire copy
        ("“a\nb”", [(0, 2)]),  # never across a line end
        ("“\nx", []),  # a lone mark at a line end is no quote
        ('She said "no" twice "yes" once', [(9, 13), (20, 25)]),
    ],
)
def test_quotes_stay_within_their_line(text: str, spans: list[tuple[int, int]]) -> None:
    assert find_quotes(text) == spans


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The bridge — built in 1990 — will close next year.", False),  # an aside's dashes
        ("The menu is simple: soup and bread for everyone.", False),  # a colon after "simple"
        ("Jane Doe: We will not leave this town.", True),  # a name before the colon
        ("“We will not leave this town.” ― Jane Doe", True),  # a quote mark before the dash
        ("Q. Smith: the talks are over", True),
    ],
)
def test_a_colon_or_dash_is_read_only_where_it_can_open_a_draft(
    rules_nlp: Language, text: str, found: bool
) -> None:
    """A region whose only watched tokens are colons and dashes is skipped unless a colon
    follows a capitalised word or a dash a quote mark; the finder itself agrees."""
    doc = rules_nlp(text)
    toks = list(doc)
    hashes = [token.lower for token in toks]
    hits = [i for i, lower in enumerate(hashes) if lower in _WATCHED_HASHES]
    assert hits  # each holds a watched colon or dash
    assert _may_start_draft(hits, hashes, toks) == found  # else the region is skipped
    assert find_attributions(doc) == _Finder(doc).run()
    assert bool(find_attributions(doc)) == found
