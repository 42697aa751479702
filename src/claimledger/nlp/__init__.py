"""Language work on a Document: claims, speakers, figures, flags (issue: Claims, speakers...).

``annotate`` reads the record's regions (body paragraphs, captions, each comment), runs the
chosen engine over them in one ``pipe`` (see ``nlp.pipeline``: rules only, or a statistical
pipeline on the sentences that need it), asks the attribution, figure and abuse components
for their drafts, and turns the drafts into the record's ``claims``, ``entities``,
``figures`` and ``flags`` in record offsets, with deterministic ids in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc

from claimledger.language import not_english
from claimledger.model import Claim, Cue, Document, Figure, Flag, Source
from claimledger.nlp.abuse import find_abuse
from claimledger.nlp.attribution import find_attributions
from claimledger.nlp.checkworthy import score
from claimledger.nlp.claims import ClaimDraft, attributed_claims, own_claims, trim
from claimledger.nlp.drafts import FigureDraft
from claimledger.nlp.figures import find_figures
from claimledger.nlp.modality import read_modality
from claimledger.nlp.pipeline import NONE, load_engine, resolve_name
from claimledger.nlp.regions import Region, build_regions
from claimledger.nlp.speakers import (
    Candidate,
    CandidateRegion,
    SourceRef,
    SpeakerResolver,
    capitalised_names,
    find_acronyms,
)

__all__ = ["annotate"]

_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


_MD_LINK = re.compile(r"(!?\[)([^\]\n]{0,300})(\]\([^)\s]{0,500}\))")
_URL = re.compile(r"https?://\S+|www\.\S+\.\S+")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")


def mask_markup(text: str) -> str:
    """The text the language work reads: Markdown link and emphasis marks and bare URLs
    blanked out, same length, so "[Adre crossing](https://…)" reads "Adre crossing" and no
    URL gives a figure, while every offset still points into the record's text."""
    if "[" in text:
        text = _MD_LINK.sub(
            lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text
        )
    if "://" in text or "www." in text:
        text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    if "*" in text or "__" in text:
        text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group(0)), text)
    return text


_LINK_TAIL = re.compile(r"\]\([^)\s]{0,500}\)")


def _close_link(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Extend a span that ends inside "[link text](url)" to the link's closing bracket."""
    start, end = span
    if text.count("[", start, end) > text.count("]", start, end):
        tail = _LINK_TAIL.match(text, end)
        if tail:
            return (start, tail.end())
    return span


def annotate(doc: Document, nlp: str | None = None) -> str:
    """Fill entities, claims, figures and flags; return the name of the pipeline that ran."""
    if nlp == NONE:
        return NONE
    engine = load_engine(resolve_name(nlp))
    regions = build_regions(doc)
    if not regions:
        return engine.label
    text = doc.text
    raw_texts = [text[r.start : r.end] for r in regions]
    body_texts = [t for r, t in zip(regions, raw_texts, strict=True) if r.origin != "comment"]
    other = not_english(body_texts or raw_texts, doc.language)
    if other:  # English cue words and name rules read another language's text as noise
        return f"{NONE} (the text reads as {other}; the language work reads English)"
    region_texts = [mask_markup(t) for t in raw_texts]
    sdocs = engine.parse(region_texts)
    untagged = engine.model is None  # the rules engine: no Doc carries a tag or a parse

    drafts: list[ClaimDraft] = []
    figures: list[tuple[FigureDraft, tuple[int, int], int | None]] = []  # draft, span, part_of
    flags: list[Flag] = []
    read: list[tuple[Region, Doc, list[ClaimDraft]]] = []
    for region, sdoc, region_text in zip(regions, sdocs, region_texts, strict=True):
        attributions = find_attributions(sdoc, region_text, untagged=untagged)
        attributed = attributed_claims(text, region, attributions)
        drafts += attributed + own_claims(text, region, sdoc, attributed)
        read.append((region, sdoc, attributed))
        figures += _region_figures(text, region, sdoc, region_text, find_figures, len(figures))
        if region.origin == "comment":
            for abuse in find_abuse(region_text):
                span = trim(text, abuse.span[0] + region.start, abuse.span[1] + region.start)
                if span:
                    flags.append(Flag(kind=abuse.kind, comment=region.comment, span=span))

    if "](" in text:  # a content that stops inside a Markdown link takes the link whole
        for draft in drafts:
            draft.content = [_close_link(text, span) for span in draft.content]
            draft.span = _close_link(text, draft.span)
    drafts.sort(key=lambda d: (d.span, d.cue or (0, 0)))
    # names a pronoun or a lone surname may point to, read only where such a source is
    wanted = {d.group for d in drafts if d.source and _needs_antecedent(text, d.source)}
    names = [  # each region's names, read when a pronoun or surname first needs them
        CandidateRegion(
            region.group,
            region.start,
            region.end,
            partial(_candidates, text, region, sdoc, attributed),
        )
        for region, sdoc, attributed in read
        if region.group in wanted
    ]
    _resolve_speakers(doc, regions, drafts, names)
    _attach_figures(drafts, figures)
    _mark_abuse(drafts, flags)
    doc.claims = _build_claims(text, drafts, figures)
    doc.figures = _build_figures(text, figures, doc.claims, drafts)
    doc.flags = sorted(flags, key=lambda f: f.span)
    return engine.label


# -- pieces ---------------------------------------------------------------------------------


def _needs_antecedent(text: str, source: tuple[int, int]) -> bool:
    """A pronoun or a single word ("he", "which", "Stein") may need a name seen earlier."""
    return " " not in text[source[0] : source[1]].strip()


def _candidates(
    text: str, region: Region, sdoc: Doc, attributed: list[ClaimDraft]
) -> list[Candidate]:
    """Names in a region that a pronoun may refer to: NER entities first, then capitals."""
    contents = [p for c in attributed for p in c.content]
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for ent in sdoc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        span = trim(text, ent.start_char + region.start, ent.end_char + region.start)
        if span:
            taken.append(span)
            out.append(Candidate(span, text[span[0] : span[1]], region.group, ent.label_))
    for span in capitalised_names(text, region.start, region.end):
        if taken and any(s < span[1] and span[0] < e for s, e in taken):
            continue
        out.append(Candidate(span, text[span[0] : span[1]], region.group, None))
    if contents:  # else every candidate keeps in_content False
        for cand in out:
            cand.in_content = any(s <= cand.span[0] and cand.span[1] <= e for s, e in contents)
    return out


def _region_figures(
    text: str,
    region: Region,
    sdoc: Doc,
    region_text: str,
    find_figures: Callable[..., list[FigureDraft]],
    offset: int,
) -> list[tuple[FigureDraft, tuple[int, int], int | None]]:
    out: list[tuple[FigureDraft, tuple[int, int], int | None]] = []
    found = find_figures(region_text, sdoc, doc_has_text=True)
    index_of: dict[int, int] = {}
    for i, fig in enumerate(found):
        span = trim(text, fig.span[0] + region.start, fig.span[1] + region.start)
        if span is None:
            continue
        index_of[i] = offset + len(out)
        out.append((fig, span, fig.part_of))
    # part_of indexes are local to the region's list: make them document-wide
    return [
        (fig, span, index_of.get(part) if part is not None else None) for fig, span, part in out
    ]


def _resolve_speakers(
    doc: Document, regions: list[Region], drafts: list[ClaimDraft], names: list[CandidateRegion]
) -> None:
    text = doc.text
    acronyms = [a for r in regions for a in find_acronyms(text, r.start, r.end)]
    resolver = SpeakerResolver(text, acronyms, regions=names)
    refs = [
        SourceRef(i, d.source, text[d.source[0] : d.source[1]], d.group, d.content)
        for i, d in enumerate(drafts)
        if d.source
    ]
    resolved = resolver.resolve(refs)
    scan = [(r.start, r.end) for r in regions]
    if doc.title:
        scan.append(doc.title.span)
    resolver.collect_mentions(sorted(scan))
    entities, ids = resolver.entities_out()
    doc.entities = entities
    for i, draft in enumerate(drafts):
        entity = resolved.get(i)
        draft.entity = ids.get(id(entity)) if entity is not None else None


def _attach_figures(
    drafts: list[ClaimDraft], figures: list[tuple[FigureDraft, tuple[int, int], int | None]]
) -> None:
    """Each figure goes to the claim whose content holds it (the innermost), else whose span."""
    if not figures:
        return
    # only a claim whose span or content holds the figure can take it: claims by where they
    # start, walked back from the figure while one reaching far enough is left
    bounds = [
        (min(d.span[0], *(s for s, _ in d.content)), max(d.span[1], *(e for _, e in d.content)))
        for d in drafts
    ]
    order = sorted(range(len(drafts)), key=lambda i: bounds[i][0])
    starts = [bounds[i][0] for i in order]
    reach: list[int] = []  # the furthest end among order[: k + 1]
    for i in order:
        reach.append(max(reach[-1], bounds[i][1]) if reach else bounds[i][1])
    for index, (_, (f_start, f_end), _) in enumerate(figures):
        best: tuple[int, int, int] | None = None  # (tier, size, draft index)
        k = bisect_right(starts, f_start) - 1
        while k >= 0 and reach[k] >= f_end:
            i = order[k]
            k -= 1
            draft = drafts[i]
            size = None  # the smallest content piece holding the figure
            for start, end in draft.content:
                if start <= f_start and f_end <= end and (size is None or end - start < size):
                    size = end - start
            tier = 0
            if size is None:
                start, end = draft.span
                if not (start <= f_start and f_end <= end):
                    continue
                size, tier = end - start, 1
            key = (tier, size, i)
            if best is None or key < best:
                best = key
        if best is not None:
            drafts[best[2]].figures.append(index)


def _mark_abuse(drafts: list[ClaimDraft], flags: list[Flag]) -> None:
    for draft in drafts:
        draft.abusive = any(f.span[0] < draft.span[1] and draft.span[0] < f.span[1] for f in flags)


def _build_claims(
    text: str,
    drafts: list[ClaimDraft],
    figures: list[tuple[FigureDraft, tuple[int, int], int | None]],
) -> list[Claim]:
    ids = {id(d): f"k{n}" for n, d in enumerate(drafts, 1)}
    fig_ids = _figure_ids(figures)
    claims: list[Claim] = []
    for draft in drafts:
        content = draft.content
        if len(content) == 1:  # most claims: one piece, no join
            content_text = text[content[0][0] : content[0][1]]
        else:
            content_text = " ".join([text[s:e] for s, e in content])
        frame = (
            " ".join(text[s:e] for s, e in _gaps(draft.span, draft.content)) if draft.cue else ""
        )
        modality = read_modality(content_text, frame)
        named_source = draft.entity is not None and not text[
            draft.source[0] : draft.source[1]
        ].lower().startswith(("a ", "an ", "some ", "officials"))
        claims.append(
            Claim(
                id=ids[id(draft)],
                origin=draft.origin,
                comment=draft.comment,
                span=draft.span,
                content=list(draft.content),
                cue=Cue(draft.cue, draft.cue_lemma or "") if draft.cue else None,
                source=Source(draft.source, draft.entity, text[draft.source[0] : draft.source[1]])
                if draft.source
                else None,
                quote=draft.quote if draft.cue else "none",
                hedged=modality.hedged,
                negated=modality.negated,
                future=modality.future,
                check_worthy=score(
                    content_text,
                    len(draft.figures),
                    draft.cue is not None,
                    bool(draft.source) and named_source,
                    draft.abusive,
                ),
                figures=sorted((fig_ids[i] for i in draft.figures), key=lambda f: int(f[1:]))
                if draft.figures
                else [],
                nested_in=ids.get(id(draft.nested_in)) if draft.nested_in is not None else None,
            )
        )
    return claims


def _gaps(span: tuple[int, int], pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cursor = span[0]
    for s, e in sorted(pieces):
        if s > cursor:
            out.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < span[1]:
        out.append((cursor, span[1]))
    return out


def _figure_ids(figures: list[tuple[FigureDraft, tuple[int, int], int | None]]) -> dict[int, str]:
    order = sorted(range(len(figures)), key=lambda i: (figures[i][1], i))
    return {index: f"f{n}" for n, index in enumerate(order, 1)}


def _build_figures(
    text: str,
    figures: list[tuple[FigureDraft, tuple[int, int], int | None]],
    claims: list[Claim],
    drafts: list[ClaimDraft],
) -> list[Figure]:
    fig_ids = _figure_ids(figures)
    owner: dict[int, str] = {}
    for claim, draft in zip(claims, drafts, strict=True):
        for index in draft.figures:
            owner[index] = claim.id
    out: list[Figure] = []
    for index in sorted(range(len(figures)), key=lambda i: (figures[i][1], i)):
        fig, span, part = figures[index]
        out.append(
            Figure(
                id=fig_ids[index],
                claim=owner.get(index),
                span=span,
                text=text[span[0] : span[1]],
                value=fig.value,
                low=fig.low,
                high=fig.high,
                unit=fig.unit,
                measure=fig.measure,
                subject=fig.subject,
                part_of=fig_ids.get(part) if part is not None else None,
                qualifier=fig.qualifier,
            )
        )
    return out
