"""Check-worthiness: a transparent feature score in [0, 1] for ranking claims.

A fact-checker looks first at claims that carry figures, name actors and report events, and
last at chatter. The score is a base plus fixed weights for what a claim has, minus fixed
weights for what marks opinion or abuse, clipped to [0, 1] (``explain`` lists the terms so a
user can see why a claim ranks where it does):

    base                              0.20
    carries a figure                 +0.30  (+0.05 for two or more)
    named actors (capitalised names) +0.08 each, at most +0.24
    event words (killed, captured …) +0.15
    time anchor (on Tuesday, 2016 …) +0.05
    attributed to a source           +0.10  (+0.05 more when the source is named)
    opinion / exhortation words      -0.30  (should, must, I think, shame …)
    abusive language                 -0.35
    first/second person, unattributed -0.15
    ends with ! or …                 -0.10
    fewer than six words             -0.15
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


# Event words: exact forms, and stems that any inflection may follow ("kill" → killed, killings).
_EVENT_WORDS = frozenset(
    _w(
        """die died dies dead strike strikes struck fled signed signs won wins lost loses
        fired shot banned charged sentenced funded paid raised spent cut rose fell dropped
        grew taken took fought hostage hostages refugee refugees riot riots siege hemmed
        agreed deal ceasefire truce crisis war hired approved passed rejected leaked hacked"""
    )
)
_EVENT_STEMS = tuple(
    _w(
        """kill death wound injur attack bomb shell captur seiz flee displac evacuat arrest
        detain releas vot elect invad occup destroy shoot launch investigat escap surrender
        withdr deploy sanction convict increas decreas airlift air-lift broker fight level
        massacr execut kidnap abduct casualt protest clash pound encircl besieg surround
        arrang collaps battle raid explo crash resign announc"""
    )
)


def _prefix_tree(words: list[str]) -> str:
    """An alternation of ``words`` factored by shared prefixes ("kill|kidnap" → "ki(?:ll|dnap)"):
    the same matches, but the engine tests a letter once instead of every word in turn."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        tails = [r for r in rests if r]
        if not tails:
            parts.append(re.escape(first))
            continue
        inner = _prefix_tree(tails)
        if len(rests) == 1:  # one word goes on: no group needed ("disgrace")
            parts.append(re.escape(first) + inner)
        else:
            optional = "?" if "" in rests else ""
            parts.append(f"{re.escape(first)}(?:{inner}){optional}")
    return "|".join(parts)


# The lower-case text read as the words ``[a-z][a-z-]*`` finds, stopping at the first one that
# is an event word or opens with an event stem: one pass in the regex engine, no Python loop
# per word (possessive loops, so a word is never re-read).
_EVENT_HIT = (
    rf"(?:{_prefix_tree(list(_EVENT_STEMS))}|(?:{_prefix_tree(list(_EVENT_WORDS))})(?![a-z\-]))"
)
_EVENT = re.compile(rf"[^a-z]*+(?:(?!{_EVENT_HIT})[a-z][a-z\-]*+[^a-z]*+)*+(?={_EVENT_HIT})")


def _has_event(lowered: str) -> bool:
    """A word of the lower-cased text (``[a-z][a-z-]*``) is an event word or opens with a
    stem."""
    return _EVENT.match(lowered) is not None


# Each pattern below opens with a lookahead on the letters its words begin with: the same
# matches, but the engine drops most positions before trying the whole alternation.
_TIME = re.compile(
    r"\b(?=[MTWFSJAONDytsln12])"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|September|October|November|December|yesterday|today|tonight|"
    r"since|(?:last|this|next) (?:week|month|year)|(?:19|20)\d\d)\b"
)
_OPINION = re.compile(
    r"\b(?=[smonhlipdrewg])"
    r"(?:should|must|ought|need to|needs to|have to|has to|let's|let us|i think|i believe|"
    r"i hope|i feel|in my opinion|imo|shame|disgrace\w*|pathetic|ridiculous|stupid|idiot\w*|"
    r"evil|hypocri\w*|propaganda|liars?|wow|lol|get out)\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b")
_SIX_WORDS = re.compile(r"\W*+(?:\w++\W*+){6}")  # six \w runs from the start, never re-read
# a capitalised word, then more joined by spaces (or "of"); the word before is no letter.
# The first letter comes first in the pattern so the engine can skip to capitals.
_NAME = re.compile(r"([A-Z](?<![\w’'].)[\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*)*)")
_STOP = frozenset(
    _w(
        """The A An In On At It He She They We I You His Her Their Our This That These Those
        There Here What When Where Why How But And Or If While After Before As By From With
        Despite Although However Meanwhile Moreover Also Then Now"""
    )
)


@dataclass(frozen=True)
class ClaimSignals:
    """What the score reads from a claim."""

    text: str  # the claim's content (or sentence, for the outlet's own claims)
    figures: int
    attributed: bool
    named_source: bool
    abusive: bool


def named_actors(text: str) -> int:
    """Capitalised names in the text (a sentence-initial function word is not one)."""
    count = 0
    for name in _NAME.findall(text):
        if " " not in name and name.split()[0] in _STOP:
            continue
        count += 1
    return count


def explain(signals: ClaimSignals) -> list[tuple[str, float]]:
    """The score's terms, each with its weight, for display and tests."""
    return _terms(
        signals.text, signals.figures, signals.attributed, signals.named_source, signals.abusive
    )


def _terms(
    text: str, figures: int, attributed: bool, named_source: bool, abusive: bool
) -> list[tuple[str, float]]:
    terms: list[tuple[str, float]] = [("base", 0.20)]
    if figures:
        terms.append(("figure", 0.30 + (0.05 if figures > 1 else 0.0)))
    actors = named_actors(text)
    if actors:
        terms.append(("named actors", round(min(actors, 3) * 0.08, 2)))
    lowered = text.lower()  # read by the event and opinion tests
    if _has_event(lowered):
        terms.append(("event", 0.15))
    if _may_have_time(text) and _TIME.search(text):
        terms.append(("time", 0.05))
    if attributed:
        terms.append(("attributed", 0.10 + (0.05 if named_source else 0.0)))
    if _may_have_opinion(text, lowered) and _OPINION.search(text):
        terms.append(("opinion", -0.30))
    if abusive:
        terms.append(("abusive", -0.35))
    if not attributed and _PERSONAL.search(text):
        terms.append(("first/second person", -0.15))
    if text.rstrip().endswith(("!", "…", "...")):
        terms.append(("exclamation", -0.10))
    if not _SIX_WORDS.match(text):  # fewer than six \w runs
        terms.append(("short", -0.15))
    return terms


def _may_have_time(text: str) -> bool:
    """False when ``_TIME`` cannot match: each of its words holds one of these pieces ("day"
    for Monday … Sunday, yesterday and today, "uary" and "ber" for eight months, " week" after
    last/this/next, "19"/"20" for a year). Plain substring tests, far cheaper than a scan."""
    return (
        "day" in text
        or "19" in text
        or "20" in text
        or "ber" in text
        or "uary" in text
        or "March" in text
        or "April" in text
        or "June" in text
        or "July" in text
        or "August" in text
        or "tonight" in text
        or "since" in text
        or " week" in text
        or " month" in text
        or " year" in text
    )


# what each alternative of the opinion pattern starts with, as lower-case text
_OPINION_KEYS = (
    *_w("should must ought imo shame disgrace pathetic ridiculous stupid idiot evil hypocri"),
    *_w("propaganda liar wow lol let's"),
    *("need to", "needs to", "have to", "has to", "let us", "i think", "i believe", "i hope"),
    *("i feel", "in my opinion", "get out"),
)
_OPINION_KEY = re.compile(_prefix_tree(list(_OPINION_KEYS)))
# letters outside ASCII that the case-blind pattern takes for an ASCII one (İ ı ſ K)
_ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_have_opinion(text: str, lowered: str) -> bool:
    """Whether the text (``lowered``: its lower case) holds the start of an opinion pattern
    alternative."""
    if not text.isascii() and _ASCII_FOLDS.search(text):
        return True  # lower-casing would not show what the case-blind pattern sees
    return _OPINION_KEY.search(lowered) is not None


def check_worthiness(signals: ClaimSignals) -> float:
    """The score in [0, 1], rounded to two decimals (deterministic)."""
    return score(
        signals.text, signals.figures, signals.attributed, signals.named_source, signals.abusive
    )


def score(text: str, figures: int, attributed: bool, named_source: bool, abusive: bool) -> float:
    """``check_worthiness`` of these signals, without making a ClaimSignals first."""
    total = sum(map(itemgetter(1), _terms(text, figures, attributed, named_source, abusive)))
    return round(min(1.0, max(0.0, total)), 2)
