"""Comment side of an HTML page: the reader-comment tree (first cut, to be built out)."""

from __future__ import annotations

from lxml import html as lxml_html

from claimledger.extract.parts import CommentParts


def extract_comments(tree: lxml_html.HtmlElement) -> CommentParts:
    """Find the comment thread and its tree; an empty CommentParts when there is none."""
    return CommentParts()
