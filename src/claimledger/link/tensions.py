"""Tensions inside one page: what the page says against itself or its own thread.

Only what one record can show is judged here, and conservatively (a false tension costs an
analyst's trust more than a missed one): a comment count that differs from the count the
page declares; two figures for the same duration of the same thing that cannot both be right;
a figure a commenter asserts that nothing in the report supports; and a place said to be
completely taken while other claims of the same report say the fight for it goes on. Comparing
across pages is the linker's later work.
"""

from __future__ import annotations

import re

from claimledger.model import Claim, Document, Figure, Tension

# A duration ("the five-month battle") names one fact per subject within a page; counts of
# killed or displaced often belong to different incidents of the same report, so they are
# compared only across pages, where events can be told apart.
_SAME_FACT_MEASURES = frozenset({"duration"})
_ARTICLE_ORIGINS = frozenset({"article", "caption"})


def find_tensions(doc: Document) -> list[Tension]:
    """The page's tensions in a stable order, with ids t1, t2, …"""
    found: list[Tension] = []
    if doc.declared_comment_count is not None and doc.declared_comment_count != len(doc.comments):
        found.append(
            Tension(
                id="",
                kind="count_mismatch",
                note=f"comment count: {doc.declared_comment_count} declared, "
                f"{len(doc.comments)} present",
            )
        )
    claims = {k.id: k for k in doc.claims}
    found += _figure_disagreements(doc, claims)
    found += _unsupported(doc, claims)
    found += _status_disagreements(doc)
    for n, tension in enumerate(found, 1):
        tension.id = f"t{n}"
    return found


def _interval(fig: Figure) -> tuple[float, float] | None:
    low = fig.low if fig.low is not None else fig.value
    high = fig.high if fig.high is not None else fig.value
    if low is None and high is None:
        return None
    return (float(low if low is not None else high), float(high if high is not None else low))


def _disjoint(a: Figure, b: Figure) -> bool:
    ia, ib = _interval(a), _interval(b)
    return ia is not None and ib is not None and (ia[1] < ib[0] or ib[1] < ia[0])


def _who(doc: Document, claim: Claim | None) -> str:
    """Who stands behind a figure: the speaker's canonical name, the report, or a commenter."""
    if claim is None or claim.source is None:
        return "a commenter" if claim is not None and claim.origin == "comment" else "the report"
    names = {e.id: e.name for e in doc.entities}
    return names.get(claim.source.entity or "", claim.source.text)


def _describe(fig: Figure) -> str:
    unit = f" {fig.unit}s" if fig.unit and fig.value != 1 else f" {fig.unit}" if fig.unit else ""
    return f"{fig.text}{unit}" if not unit else f"{fig.value:g}{unit}"


def _figure_disagreements(doc: Document, claims: dict[str, Claim]) -> list[Tension]:
    out: list[Tension] = []
    article = [
        f
        for f in doc.figures
        if f.measure in _SAME_FACT_MEASURES
        and f.subject
        and f.claim in claims
        and claims[f.claim].origin in _ARTICLE_ORIGINS
        and not claims[f.claim].negated
        and not claims[f.claim].future
    ]
    for i, a in enumerate(article):
        for b in article[i + 1 :]:
            if (
                a.claim != b.claim
                and (a.measure, a.subject.lower(), a.unit) == (b.measure, b.subject.lower(), b.unit)
                and _disjoint(a, b)
            ):
                ka, kb = claims[a.claim], claims[b.claim]
                out.append(
                    Tension(
                        id="",
                        kind="figure_disagreement",
                        claims=[ka.id, kb.id],
                        figures=[a.id, b.id],
                        note=f"{a.subject} {a.measure}: {_describe(a)} ({_who(doc, ka)}) vs "
                        f"{_describe(b)} ({_who(doc, kb)})",
                    )
                )
    return out


def _unsupported(doc: Document, claims: dict[str, Claim]) -> list[Tension]:
    """A commenter's own check-worthy count of people that no figure of the report matches."""
    reported = [
        f for f in doc.figures if f.claim in claims and claims[f.claim].origin in _ARTICLE_ORIGINS
    ]
    out: list[Tension] = []
    for claim in doc.claims:
        if claim.origin != "comment" or claim.source is not None or claim.check_worthy < 0.5:
            continue
        for fid in claim.figures:
            fig = next((f for f in doc.figures if f.id == fid), None)
            # counts of people (killed, fighters, displaced …) are what a thread argues over;
            # prices and distances in comments are rarely claims about the report's events
            if fig is None or fig.unit != "person" or fig.measure in (None, "count_other"):
                continue
            if any(r.measure == fig.measure and not _disjoint(r, fig) for r in reported):
                continue
            out.append(
                Tension(
                    id="",
                    kind="unsupported",
                    claims=[claim.id],
                    figures=[fig.id],
                    note=f"{fig.measure}: {fig.text} ({claim.comment or 'a comment'}); "
                    "no figure in the report supports it",
                )
            )
    return out


# A place's control changing hands: the verbs news uses for it, and the words that make the
# change complete ("completely taken", "full control of", "captured the entire city").
_CAPTURE = (
    r"(?:tak(?:e|es|en|ing)|took|re(?:take|takes|taken|took)|captur(?:e|es|ed|ing)|"
    r"recaptur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|liberat(?:e|es|ed|ing)|"
    r"overr(?:un|an|uns)|fell|fall(?:s|en)?|control(?:s|led)?|clear(?:s|ed)?)"
)
_WHOLE = r"(?:completely|fully|entirely|totally|wholly|complete|full|total|entire|whole|all\s+of)"
_COMPLETE = re.compile(
    rf"\b{_WHOLE}\s+(?:\w+\s+){{0,2}}?{_CAPTURE}\b|"
    rf"\b{_CAPTURE}\s+(?:\w+\s+){{0,2}}?{_WHOLE}\b(?:\s+control\b)?",
    re.IGNORECASE,
)
# what every completion holds, as lower-case text: "complete", "full", "entire", "total",
# "whol…" or "all" and a space; the scan for it skips to those letters, the long pattern does not
_WHOLE_HINT = re.compile(r"complete|full|entire|total|whol|all\s")
# letters outside ASCII that the case-blind pattern takes for an ASCII one (İ ı ſ K)
_ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_complete(text: str) -> bool:
    """False when ``_COMPLETE`` cannot match: none of its "whole" words is in the text."""
    if not text.isascii() and _ASCII_FOLDS.search(text):
        return True  # lower-casing would not show what the case-blind pattern sees
    return _WHOLE_HINT.search(text.lower()) is not None


_CAPTURE_RE = re.compile(rf"\b{_CAPTURE}\b", re.IGNORECASE)
# what a report says while the fight for a place goes on: holdouts, encirclement, last pockets
_ONGOING = re.compile(
    r"\b(?:hemmed\s+in|holed\s+up|pinned\s+down|besieged|still\s+(?:hold|holds|holding|"
    r"controls?|controlling|fighting|resisting|going\s+on|raging|under\s+way)|"
    r"pockets?\s+of\s+resistance|resistance\s+(?:remains?|continues?)|hold(?:ing|s)?\s+out|"
    r"(?:fighting|clashes|battles?)\s+(?:continues?|continued|(?:is|are|was|were)\s+"
    r"(?:continuing|ongoing|raging))|(?:last|remaining|final)\s+(?:\w+\s+){0,2}?"
    r"(?:areas?|pockets?|positions?|holdouts?|enclaves?|neighbou?rhoods?|districts?)|"
    r"(?:tiny|small|shrinking)\s+(?:\w+\s+){0,2}?(?:patch|pocket|enclave|area)\s+of)\b",
    re.IGNORECASE,
)
# a place named again in other words: "the city", "the town" …
_GENERIC_PLACE = re.compile(
    r"\b(?:the|this|that)\s+(?:city|town|village|capital|district|area|province|region)\b",
    re.IGNORECASE,
)
_WORD = r"(?:[A-Z][\w-]*[a-z][\w-]*|[A-Z]{2,})"
_NAME = re.compile(rf"(?<![\w-])({_WORD}(?:[ \xa0]+{_WORD})*)")


def _key(name: str) -> str:
    """A name as the place rules compare it: lower case, possessive left off."""
    return re.sub(r"[’']s?$", "", name).lower()


def _names(text: str, actors: set[str], first: bool = True) -> set[str]:
    """Capitalised words of a claim that may name a place: not a compound ("US-led"), not a
    word of a speaker's or country's name; ``first=False`` leaves out the claim's first word,
    which may be capitalised by position only ("Pockets of resistance remain …")."""
    found = set()
    for match in _NAME.finditer(text):
        word = _key(match.group(1))
        if "-" in word or word in actors or (match.start() == 0 and not first):
            continue
        found.add(word)
    return found


# first words that open a sentence about a place without naming it
_COMMON_OPENERS = frozenset(
    ["the", "it", "this", "that", "they", "there", "government", "troops", "forces", "army"]
)


def _completed_places(words: str, actors: set[str]) -> set[str]:
    """The places a completion is about: the names after "completely taken …", else the
    names before it ("Marawi had been completely liberated")."""
    match = _COMPLETE.search(words)
    if match is None:
        return set()
    after = _names(words[match.end() :], actors)
    return after or _names(words[: match.start()], actors) - _COMMON_OPENERS


def _place(text: str, names: set[str]) -> str:
    """The place a completion claim is about, as the text writes it: the last name after the
    capture ("completely taken the rebels' stronghold, Marawi" → Marawi), else the first before."""
    match = _COMPLETE.search(text)
    cut = match.end() if match else 0
    found = [(m.start(), m.group(1)) for m in _NAME.finditer(text) if _key(m.group(1)) in names]
    after = [w for at, w in found if at >= cut]
    return after[-1] if after else found[0][1]


def _status_disagreements(doc: Document) -> list[Tension]:
    """A place said to be completely taken (not hedged, negated or future) while another
    speaker's claim, or the report's own, says the fight for it goes on: a capture still to
    come ("would capture the last areas … within hours") or holdouts ("hemmed in to a tiny
    patch of the city"). The other claim must name the same place or call it "the city"."""
    article = [
        k for k in doc.claims if k.origin in _ARTICLE_ORIGINS and not k.negated and k.content
    ]
    actors: set[str] | None = None  # read once a completion is found

    def content(claim: Claim) -> str:
        return " ".join(doc.slice(span) for span in claim.content)

    out: list[Tension] = []
    for done in article:
        if done.hedged or done.future:
            continue
        words = content(done)
        if not _may_complete(words) or not _COMPLETE.search(words):
            continue
        if actors is None:
            actors = {
                word.lower()
                for entity in doc.entities
                for form in (entity.name, *entity.aliases)
                for word in re.findall(r"[\w-]+", form)
            }
        places = _completed_places(words, actors)
        if not places:
            continue
        who = _who(doc, done)
        against: list[Claim] = []
        for other in article:
            if other is done or _who(doc, other) == who:
                continue
            text = content(other)
            ongoing = (other.future and _CAPTURE_RE.search(text)) or (
                _ONGOING.search(text) and not _COMPLETE.search(text)
            )
            if not ongoing:
                continue
            # the same place named, or "the city" with no other place named
            shared = _names(text, actors) & places
            if shared or (_GENERIC_PLACE.search(text) and not _names(text, actors, False) - places):
                against.append(other)
        if against:
            place = _place(words, places)
            others = "; ".join(f"“{_phrase(k, content(k))}” ({_who(doc, k)})" for k in against)
            out.append(
                Tension(
                    id="",
                    kind="status_disagreement",
                    claims=[done.id, *(k.id for k in against)],
                    note=f"{place}: “{_phrase(done, words)}” ({who}) vs {others}",
                )
            )
    return out


_FUTURE_CAPTURE = re.compile(
    rf"\b(?:will|would|shall|could|(?:expected|set|about|going)\s+to)\s+(?:\w+\s+)?{_CAPTURE}"
    r"(?:\s+\S+){0,4}",
    re.IGNORECASE,
)


def _phrase(claim: Claim, text: str) -> str:
    """The words of a claim that carry its status, for the tension's note."""
    patterns = (_FUTURE_CAPTURE,) if claim.future else ()
    for pattern in (*patterns, _COMPLETE, _ONGOING, _CAPTURE_RE):
        match = pattern.search(text)
        if match:
            return match.group(0)
    return text[:60]
