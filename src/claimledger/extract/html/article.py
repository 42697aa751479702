"""Article side of an HTML page: title, byline, date, body and captions (trafilatura-led)."""

from __future__ import annotations

from lxml import html as lxml_html

from claimledger.extract.parts import ArticleParts, Block


def extract_article(
    tree: lxml_html.HtmlElement, markup: str, uri: str, exclude: list | None = None
) -> ArticleParts:
    """First cut: trafilatura's text split into paragraphs (to be refined)."""
    import trafilatura

    meta = trafilatura.extract_metadata(tree)
    body = trafilatura.extract(markup, include_comments=False) or ""
    blocks = [Block("paragraph", p) for p in body.split("\n") if p.strip()]
    return ArticleParts(
        title=meta.title if meta else None,
        byline=meta.author if meta else None,
        published=meta.date if meta else None,
        language=None,
        blocks=blocks,
    )
