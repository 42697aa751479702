"""What the language components find, in offsets relative to the spaCy ``Doc`` they ran on.

Components put these on ``doc._.attributions`` / ``doc._.figures`` / ``doc._.abuse``;
``claimledger.nlp.annotate`` shifts them into record offsets and builds the record's
``Claim`` / ``Figure`` / ``Entity`` / ``Flag`` objects. Keeping the drafts apart from the
record lets each component be tested on a bare string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CharSpan = tuple[int, int]


@dataclass
class AttributionDraft:
    """One reported statement: cue, source mention and content piece(s)."""

    cue: CharSpan
    cue_lemma: str  # "say", "warn", "according to", ":" …
    source: CharSpan | None  # the surface mention ("he", "Colonel Sam Ortega, a spokesman …")
    content: list[CharSpan]  # one or more pieces (a quote split around the cue has two)
    quote: str  # direct | indirect | mixed
    nested_in: int | None = None  # index of the enclosing attribution in the same list
    inherited: bool = False  # speaker inherited (floating quote, "he added")


@dataclass
class FigureDraft:
    """One figure: a number or vague count with its reading and what it counts."""

    span: CharSpan
    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    unit: str | None  # person, month, day, km, usd, …
    measure: str | None  # killed, injured, displaced, arrested, missing, fighters, duration, …
    subject: str | None  # civilians, children, people, …
    qualifier: str  # exact | approx | at_least | at_most | more_than | less_than
    part_of: int | None = None  # index of the figure (in the same list) this one is part of
    extra: dict[str, object] = field(default_factory=dict)


@dataclass
class AbuseDraft:
    """An abusive or obscene word (obfuscated spellings included)."""

    span: CharSpan
    kind: str = "abusive_language"
