"""Nominal cues: a noun of saying or believing with a "that"-clause ("Trump's claim that …").

PolNeAR and PARC annotate these as attributions: the noun (with its adjectives, "earlier
claim") is the cue, a possessor ("Donald Trump's", "his") is the source, the "that"-clause the
content. The "that" must open a complement clause, not a relative one ("the claim that was
made"): with a parse its dependency is ``mark``; without one the word after it must be able to
start a clause's subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.nlp.cues import NOUN_CUES
from claimledger.nlp.drafts import AttributionDraft

if TYPE_CHECKING:
    from claimledger.nlp.attribution import _Finder

_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Words that can open the subject of a complement clause (rules-only reading).
_SUBJECT_OPENERS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "there",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "no",
        "every",
        "some",
        "many",
        "most",
        "all",
        "if",
        "when",
        "such",
        "people",
    ]
)


def noun_cues(finder: _Finder, taken: set[int]) -> list[AttributionDraft]:
    """Drafts for nominal cues not already part of a verb cue group."""
    doc = finder.toks
    n = len(doc)
    found: list[AttributionDraft] = []
    for i in finder.where(NOUN_CUES):
        token = doc[i]
        if i in taken or i + 2 >= n:
            continue
        that = doc[i + 1]
        if that.lower_ != "that" or finder.in_quote(token):
            continue
        if finder.tagged:
            if token.pos_ not in ("NOUN", "PROPN") or that.dep_ != "mark":
                continue
        elif doc[i + 2].lower_ not in _SUBJECT_OPENERS and not doc[i + 2].text[:1].isupper():
            continue
        unit_start, unit_end = finder.unit_of[i]
        content_end = unit_end
        if finder.parsed and that.head.i != that.i:
            content_end = min(unit_end, that.head.right_edge.i + 1)
        content = finder.tok_span(i + 1, content_end)
        if content is None:
            continue
        cue_start = i
        while (
            finder.tagged
            and cue_start - 1 > unit_start
            and doc[cue_start - 1].tag_ in ("JJ", "JJR")
            and doc[cue_start - 1].head.i == i
        ):
            cue_start -= 1
        source = _possessor(finder, cue_start, unit_start)
        cue = finder.tok_span(cue_start, i + 1)
        if cue is None:
            continue
        content = finder._cut_tail(content, cue)
        found.append(AttributionDraft(cue, token.lower_.rstrip("s"), source, [content], "indirect"))
    return found


def _possessor(finder: _Finder, cue_start: int, unit_start: int) -> tuple[int, int] | None:
    """ "Donald Trump's" / "his" right before the cue (PolNeAR keeps the 's), else None."""
    doc = finder.toks
    j = cue_start - 1
    if j < unit_start:
        return None
    if doc[j].lower_ in _POSSESSIVE_PRONOUNS:
        return finder.tok_span(j, j + 1)
    if doc[j].text not in _POSSESSIVE_MARKS or j - 1 < unit_start:
        return None
    k = j - 1
    while k - 1 >= unit_start and doc[k - 1].text[:1].isupper() and not doc[k - 1].is_punct:
        k -= 1
    if not doc[k].text[:1].isupper():
        return None
    return finder.tok_span(k, j + 1)


POLL_NOUNS = frozenset(["poll", "polls", "survey", "surveys"])


def poll_cues(finder: _Finder, taken: set[int]) -> list[AttributionDraft]:
    """ "In the latest Gallup poll, Clinton leads" / "Trump gains in some polls": the poll is
    the source and "in" the cue (PolNeAR's convention for findings reported by a poll)."""
    doc = finder.toks
    found: list[AttributionDraft] = []
    lowers = finder.lowers
    if not any(lowers[i] in POLL_NOUNS for i in finder.hits):
        return found  # no poll noun: no "in" can open a poll's finding
    for i in [i for i, lower in enumerate(lowers) if lower == "in"]:
        token = doc[i]
        if i in taken or finder.in_quote(token):
            continue
        if i > 0 and doc[i - 1].lower_ == "than":
            continue  # "doing better than in other polls": a comparison, not a finding
        unit_start, unit_end = finder.unit_of[i]
        head = None
        for k in range(i + 1, min(unit_end, i + 12)):
            if doc[k].lower_ in POLL_NOUNS:
                head = k
                break
            if (doc[k].is_punct and doc[k].text not in "/-") or doc[k].is_space:
                break
        if head is None:
            continue
        if i == unit_start:  # "In this poll, CONTENT."
            comma = next((k for k in range(head, unit_end) if doc[k].text == ","), None)
            if comma is None:
                continue
            source = finder.tok_span(i + 1, comma)
            content = finder.tok_span(comma + 1, unit_end)
        else:  # "CONTENT in some polls …"
            source = finder.tok_span(i + 1, unit_end)
            content = finder.tok_span(unit_start, i)
        if source is None or content is None:
            continue
        cue = (token.idx, token.idx + len(token.text))
        found.append(AttributionDraft(cue, "in", source, [content], "indirect"))
    return found
