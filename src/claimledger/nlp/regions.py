"""The pieces of a record the language work reads: body paragraphs, captions, comments.

A region is one paragraph-sized piece of text with where it came from. The title is context
only; boilerplate and the comment header are skipped. A comment's nested replies are cut out
of its span (should a layout ever nest them) so each character is read once. Pronouns are
resolved within a region's ``group``: the article (body and captions) or a single comment.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from claimledger.extract.text_layout import LIST_MARKER, split_lines
from claimledger.model import BODY_KINDS, Document

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class Region(NamedTuple):
    """A paragraph-sized piece to read (a named tuple: a page has hundreds, and a frozen
    dataclass is slow to make)."""

    origin: str  # article | caption | comment
    comment: str | None
    group: str  # "article" or the comment id: the scope of pronoun resolution
    start: int
    end: int


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) at blank lines; each piece trimmed and non-empty."""
    out: list[tuple[int, int]] = []
    cursor = start
    chunk = text[start:end]
    bounds = [(m.start() + start, m.end() + start) for m in _BLANK_LINE.finditer(chunk)]
    for gap_start, gap_end in [*bounds, (end, end)]:
        piece = text[cursor:gap_start]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            out.append((cursor + left, cursor + right))
        cursor = gap_end
    return out


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One piece per list item, its marker left out: an item is a statement of its own
    ("- Two staff members were killed" / "- 11 people were wounded"), never one sentence
    with the next. A line without a marker continues the item above it."""
    items: list[tuple[int, int]] = []
    for line in split_lines(text[start:end]):
        if line.blank:
            continue
        marker = LIST_MARKER.match(line.text)  # the line's text is stripped: never all marker
        body = (start + line.start + (marker.end() if marker else 0), start + line.end)
        if marker or not items:
            items.append(body)
        else:
            items[-1] = (items[-1][0], body[1])
    return items


def build_regions(doc: Document) -> list[Region]:
    """Regions in text order; a record with no sections is read as blank-line paragraphs."""
    text = doc.text
    regions: list[Region] = []
    body = [s for s in doc.sections if s.kind in BODY_KINDS or s.kind == "caption"]
    if not body and not doc.comments:
        start = doc.title.span[1] if doc.title else 0
        for s, e in _pieces(text, start, len(text)):
            regions.append(Region("article", None, "article", s, e))
        return regions
    for section in body:
        origin = "caption" if section.kind == "caption" else "article"
        pieces = _pieces(text, *section.span)
        if section.kind == "list":
            pieces = [item for s, e in pieces for item in _list_items(text, s, e)]
        for s, e in pieces:
            regions.append(Region(origin, None, "article", s, e))
    spans = [(c.span, c.id) for c in doc.comments if not c.pingback]
    # the other comments that start inside a comment, found among the spans sorted by start
    # (a page may have hundreds of comments: no pass over all of them for each one)
    by_start = sorted(spans, key=lambda item: item[0])
    starts = [span[0] for span, _ in by_start]
    for (c_start, c_end), cid in spans:
        inner = [
            span
            for span, other in by_start[bisect_left(starts, c_start) : bisect_left(starts, c_end)]
            if other != cid
        ]
        cursor = c_start
        for i_start, i_end in [*inner, (c_end, c_end)]:
            for s, e in _pieces(text, cursor, max(cursor, i_start)):
                regions.append(Region("comment", cid, cid, s, e))
            cursor = max(cursor, i_end)
    regions.sort(key=lambda r: (r.start, r.end))
    return regions
