"""Quotation marks paired into quote spans, tolerant of the unbalanced marks of scraped text.

News text mixes straight and curly marks, uses `` '' in wire copy, and scrapers drop or flip
marks ("”Mr. Trump …”"). A mark's role is read from its neighbours (space before and a word
after opens, a word before closes), curly shape only breaks ties. A quote left open runs to the
end of its paragraph, the news convention for quotes that continue in the next paragraph.
"""

from __future__ import annotations

import re

# Each alternative a literal, so the engine skips ahead to the first mark (a character class
# among them would make it try every position).
_MARK = re.compile(r"``|''|\"|“|”|„|«|»")
_OPENERS = frozenset({"``", "“", "„", "«"})
_CLOSERS = frozenset({"''", "”", "»"})


def _role(text: str, start: int, end: int, mark: str) -> str:
    """'open' or 'close' for the quotation mark at text[start:end]."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in "([{—–-―/"
    space_after = after.isspace() or after in ".,;:!?)]}"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if space_before and space_after and mark not in _OPENERS and mark not in _CLOSERS:
        return "either"  # a straight mark set off by spaces ("… outreach,' \" he told")
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    return "close" if not space_before else "open"


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quote spans [open mark, after close mark) in text order, never crossing a line end.

    An opening mark with no partner closes at the end of its line (paragraph); a closing
    mark with no opener is ignored. One scan of the whole text (no mark spans a line end),
    each mark's line found when the scan enters it: most texts have no mark or few.
    """
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    line_end = -1  # end of the line holding the last mark seen
    for match in _MARK.finditer(text):
        start, end = match.span()
        if start > line_end:  # the first mark of a new line
            if open_at is not None:
                _close_at_line_end(quotes, text, open_at, line_end)
                open_at = None
            line_end = text.find("\n", start)
            if line_end < 0:
                line_end = len(text)
        role = _role(text, start, end, match.group())
        if role == "either":
            role = "open" if open_at is None else "close"
        if role == "open":
            if open_at is None:
                open_at = start
            # a second opener while one is open: keep the first (nested or stray mark)
        elif open_at is not None:
            quotes.append((open_at, end))
            open_at = None
    if open_at is not None:
        _close_at_line_end(quotes, text, open_at, line_end)
    return quotes


def _close_at_line_end(
    quotes: list[tuple[int, int]], text: str, open_at: int, line_end: int
) -> None:
    """A quote left open runs to its line's last non-space character."""
    stripped_end = open_at + len(text[open_at:line_end].rstrip())
    if stripped_end - open_at > 1:
        quotes.append((open_at, stripped_end))


def quote_index(quotes: list[tuple[int, int]], position: int) -> int | None:
    """Index of the quote whose span contains position, or None."""
    for index, (start, end) in enumerate(quotes):
        if start <= position < end:
            return index
        if start > position:
            break
    return None
