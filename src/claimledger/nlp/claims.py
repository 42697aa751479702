"""Claims of one region: the attributed ones, and what the outlet or commenter asserts itself.

Attributions come from the attribution component as drafts in ``Doc`` offsets; here they are
shifted into record offsets and trimmed. Every sentence, minus the parts that belong to an
attribution (source, cue, content and the words between them), is then a candidate claim of
the outlet (or of the commenter) when what is left is a statement: four words or more, a
finite verb, not a question. "In a sign that the battle was in its last stages, Col Ortega
said …" thus yields the outlet's "the battle was in its last stages" beside Ortega's claim.
Opinions and exhortations are kept but score low (see ``checkworthy``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.parts_of_speech import AUX as AUX_POS
from spacy.strings import hash_string
from spacy.tokens import Doc

from claimledger.nlp.drafts import AttributionDraft
from claimledger.nlp.pipeline import sentence_bounds
from claimledger.nlp.regions import Region


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


Span = tuple[int, int]

_AUX = frozenset(
    """is are was were be been has have had will would can could may might must should shall
    did does do 's 're 've 'd isn't aren't wasn't weren't hasn't haven't hadn't won't can't
    couldn't didn't doesn't don't shouldn't""".replace("'", "’").split()
    + _w(
        """is are was were be been has have had will would can could may might must should
        shall did does do 's 're 've 'd isn't aren't wasn't weren't hasn't haven't hadn't
        won't can't couldn't didn't doesn't don't shouldn't"""
    )
)
_IRREGULAR_PAST = frozenset(
    _w(
        """took fell fled won lost ran left made came went got gave hit led held began saw told
        said found kept brought fought rose struck shot sent met paid spent built let set
        put became grew knew thought stood sat lay bought sold drove flew threw wrote broke
        spoke chose froze stole swore tore wore"""
    )
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_EDGE_STRIP = " \t\n,;:–—-"
# matched where a piece starts (``match`` with pos and endpos: no slice)
_LEAD_CONNECTORS = re.compile(r"(?:and|but|or|so|yet|while|whereas)\s+", re.IGNORECASE)


@dataclass
class ClaimDraft:
    """A claim before ids: record offsets, and the facts later steps need."""

    origin: str
    comment: str | None
    group: str
    span: Span
    content: list[Span]
    cue: Span | None = None
    cue_lemma: str | None = None
    source: Span | None = None
    quote: str = "none"
    nested_in: ClaimDraft | None = None
    inherited: bool = False
    finite: bool = True
    entity: object | None = None  # the speaker (speakers._Entity) once resolved
    figures: list[int] = field(default_factory=list)  # indexes into the document's figures
    abusive: bool = False


def trim(text: str, start: int, end: int, strip: str = " \t\r\n") -> Span | None:
    """The span without leading/trailing whitespace (any Unicode space, no-break spaces too)
    or ``strip`` characters, or None when nothing is left."""
    while start < end and (text[start] in strip or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in strip or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


def attributed_claims(
    text: str, region: Region, drafts: list[AttributionDraft]
) -> list[ClaimDraft]:
    """Attribution drafts of a region → claim drafts in record offsets (nesting kept)."""
    if not drafts:
        return []
    base = region.start
    made: list[ClaimDraft | None] = []
    for draft in drafts:
        pieces = [trim(text, s + base, e + base) for s, e in draft.content]
        content = sorted(p for p in pieces if p)
        cue = trim(text, draft.cue[0] + base, draft.cue[1] + base)
        source = (
            trim(text, draft.source[0] + base, draft.source[1] + base) if draft.source else None
        )
        if not content or cue is None:
            made.append(None)
            continue
        parts = [*content, cue, *([source] if source else [])]
        span = (min(s for s, _ in parts), max(e for _, e in parts))
        made.append(
            ClaimDraft(
                origin=region.origin,
                comment=region.comment,
                group=region.group,
                span=span,
                content=content,
                cue=cue,
                cue_lemma=draft.cue_lemma,
                source=source,
                quote=draft.quote if draft.quote in ("direct", "indirect", "mixed") else "indirect",
                inherited=draft.inherited,
            )
        )
    for draft, claim in zip(drafts, made, strict=True):
        if claim is not None and draft.nested_in is not None and 0 <= draft.nested_in < len(made):
            claim.nested_in = made[draft.nested_in]
    return [c for c in made if c is not None]


def has_finite_verb(sdoc: Doc, start: int, end: int) -> bool:
    """A finite verb in [start, end) (Doc offsets): the tagger's when it ran, else word shapes.
    Reads the tokens' hash ids first (a string is looked up only when a hash matches, or for
    the "-ed" test), since most tokens fail every test."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    first = span.start
    for token in span:  # made one by one: most spans show a verb in their first words
        tag = token.tag
        if tag:  # 0: no tag
            if tag in _FINITE_TAG_IDS and token.tag_ in _FINITE_TAGS:
                return True
            if token.pos == AUX_POS and token.tag_ != "VBN":
                return True
            continue
        lower = token.lower
        if lower in _FINITE_WORD_IDS and token.lower_ in _FINITE_WORDS:
            return True
        if token.i > first:
            past = _PAST_SHAPE.get(lower)
            if past is None:
                if len(_PAST_SHAPE) > 1_000_000:
                    _PAST_SHAPE.clear()  # a bound for long runs over very varied text
                word = token.lower_
                past = _PAST_SHAPE[lower] = len(word) >= 5 and word.endswith("ed")
            if past:
                return True
    return False


# lower-case hash -> whether the word looks like a past form ("-ed", five letters or more):
# a look-up instead of decoding the word from the StringStore for each token
_PAST_SHAPE: dict[int, bool] = {}


_FINITE_WORDS = _AUX | _IRREGULAR_PAST
_FINITE_TAG_IDS = frozenset(hash_string(tag) for tag in _FINITE_TAGS)
_FINITE_WORD_IDS = frozenset(hash_string(word) for word in _FINITE_WORDS)


_WH_LABEL = re.compile(r"(?:what|how|why|where|when|who|which)\b", re.IGNORECASE)  # at the start
# four words as ``_WORD`` finds them, from the start: the next word opens at the next letter
_FOUR_WORDS = re.compile(r"(?:[^A-Za-z]*+[A-Za-z][\w’'\-]*+){4}")


def own_claims(
    text: str, region: Region, sdoc: Doc, attributed: list[ClaimDraft]
) -> list[ClaimDraft]:
    """What the outlet or commenter asserts: each sentence minus its attributions' parts."""
    base = region.start
    covered = sorted(c.span for c in attributed)
    out: list[ClaimDraft] = []
    for _, sent_start, sent_end in sentence_bounds(sdoc):
        s_start, s_end = sent_start + base, sent_end + base
        # the sentence's text (Span.text would join its tokens again)
        if text[s_start:s_end].rstrip().rstrip("”\"’'").endswith("?"):
            continue
        cursor = s_start
        segments: list[Span] = []
        for c_start, c_end in covered:
            if c_end <= s_start or c_start >= s_end:
                continue
            if c_start > cursor:
                segments.append((cursor, c_start))
            cursor = max(cursor, c_end)
        if cursor < s_end:
            segments.append((cursor, s_end))
        for seg_start, seg_end in segments:
            span = trim(text, seg_start, seg_end, _EDGE_STRIP + ".")
            if span is None:
                continue
            lead = _LEAD_CONNECTORS.match(text, span[0], span[1])
            if lead:
                span = trim(text, lead.end(), span[1], _EDGE_STRIP)
                if span is None:
                    continue
            if not _FOUR_WORDS.match(text, span[0], span[1]):
                continue
            if _WH_LABEL.match(text, span[0], span[1]):
                closing = text[s_start:s_end].rstrip().rstrip("”\"’')]")
                if not closing.endswith((".", "!", "…")):
                    continue  # "What we know so far", "How the attack unfolded": labels
            finite = has_finite_verb(sdoc, span[0] - base, span[1] - base)
            if not finite:
                continue
            out.append(
                ClaimDraft(
                    origin=region.origin,
                    comment=region.comment,
                    group=region.group,
                    span=span,
                    content=[span],
                )
            )
    return out
