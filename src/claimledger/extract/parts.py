"""What the extractors find in a page, before it is laid out as the record's text.

HTML extractors return these drafts; ``extract.layout`` writes them one after another into
the canonical ``text`` and records each span, so offsets are right by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Block:
    """A body or chrome block: ``kind`` is a section kind of DESIGN.md §2."""

    kind: str
    text: str


@dataclass
class CommentDraft:
    """One comment as found; ``paragraphs`` are its text blocks in order (no author/date chrome)."""

    id: str
    parent: str | None
    author: str | None
    published: str | None
    paragraphs: list[str]
    pingback: bool = False


@dataclass
class ArticleParts:
    """The article side of a page: title, byline, date and body/caption blocks in reading order."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD when known
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class CommentParts:
    """The comment side of a page: the tree (parents point at earlier ids) and its header."""

    comments: list[CommentDraft] = field(default_factory=list)
    declared_count: int | None = None
    header: str | None = None  # e.g. "6 responses to “…”", kept as a comments_header section
    system: str | None = None  # wordpress | blogger | schema.org | disqus | discourse | generic
    # The elements holding the thread (list, header, reply form): the article extractor
    # leaves them out so no comment text leaks into the body.
    nodes: list[Any] = field(default_factory=list)
