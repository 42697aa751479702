"""Lay extracted parts out as the record's canonical text, recording exact spans."""

from __future__ import annotations

import re

from claimledger.extract.parts import ArticleParts, CommentParts
from claimledger.model import Comment, Document, Section, TextSpan

_SPACES = " \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000"
# the runs of spaces that collapsing changes: two or more, or one that is not a plain space
# (no newline among them, so the whole block is read at once, line by line alike)
_WS = re.compile(f"[{_SPACES}]{{2,}}|[{_SPACES.replace(' ', '')}]")


def clean_block(text: str) -> str:
    """Collapse runs of spaces inside lines, drop blank lines, trim: spans stay trimmed."""
    text = _WS.sub(" ", text)
    if "\n" not in text:  # one line, most blocks
        return text.strip()
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class TextBuilder:
    """Appends blocks separated by a blank line and returns the span of each."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def add(self, text: str) -> tuple[int, int] | None:
        text = clean_block(text)
        if not text:
            return None
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return (start, self._length)

    def text(self) -> str:
        return "".join(self._parts)


def layout(uri: str, media_type: str, article: ArticleParts, comments: CommentParts) -> Document:
    """Title, byline, body and captions in reading order, then the comment thread."""
    b = TextBuilder()
    title = byline = None
    sections: list[Section] = []
    if article.title and (span := b.add(article.title)):
        title = TextSpan(clean_block(article.title), span)
    if article.byline and (span := b.add(article.byline)):
        byline = TextSpan(clean_block(article.byline), span)
        sections.append(Section("boilerplate", span))
    for block in article.blocks:
        if span := b.add(block.text):
            sections.append(Section(block.kind, span))
    if comments.header and (span := b.add(comments.header)):
        sections.append(Section("comments_header", span))
    out: list[Comment] = []
    kept: set[str] = set()
    for draft in comments.comments:
        spans = [s for p in draft.paragraphs if (s := b.add(p))]
        if not spans:
            continue
        parent = draft.parent if draft.parent in kept else None
        kept.add(draft.id)
        out.append(
            Comment(
                id=draft.id,
                parent=parent,
                author=clean_block(draft.author) or None if draft.author else None,
                published=draft.published,
                span=(spans[0][0], spans[-1][1]),
                pingback=draft.pingback,
            )
        )
    renumber_comments(out)
    return Document(
        id="",
        uri=uri,
        media_type=media_type,
        text=b.text(),
        title=title,
        byline=byline,
        published=article.published,
        language=article.language,
        sections=sections,
        comments=out,
        declared_comment_count=comments.declared_count,
    )


def renumber_comments(comments: list[Comment]) -> None:
    """Give comments tree ids ("c1", "c1.1", "c1.1.1", "c2"), parents before children.

    Extractors may use any unique ids; the record always uses these, so a comment's id says
    where it stands in the thread.
    """
    new_ids: dict[str, str] = {}
    children: dict[str | None, int] = {}
    for c in comments:
        parent = new_ids.get(c.parent) if c.parent is not None else None
        n = children.get(parent, 0) + 1
        children[parent] = n
        new_ids[c.id] = f"{parent}.{n}" if parent else f"c{n}"
    for c in comments:
        c.parent = new_ids.get(c.parent) if c.parent is not None else None
        c.id = new_ids[c.id]
