"""Article side of an HTML page: title, byline, date, language, body blocks and captions.

The body comes from trafilatura (it leads the public article-extraction benchmarks), run on the
tree already parsed, after the comment thread has been cut out of it; we map its structured
output (``head``, ``p``, ``list``, ``quote``, ``table``, ``code``) to record blocks, rendering
each block's text with trafilatura's own serialiser so our body reads exactly as its text
output does. Captions are taken from the page itself (trafilatura drops figures): they are
kept apart from the body, once each, next to the body block that follows them on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

from claimledger.extract.html.meta import norm, read_metadata
from claimledger.extract.parts import ArticleParts, Block

_KIND_BY_TAG = {"head": "heading", "p": "paragraph", "list": "list", "quote": "quote"}
_CAPTION_XPATH = etree.XPath(
    "//figcaption"
    " | //*[@itemprop='caption' or @itemprop='description'][ancestor::figure]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' caption ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' image-caption ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' photo-caption ')]"
)
# the page elements body blocks come from, to find where a caption stands among them
_ANCHOR_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "td")
_MAX_CAPTION = 600
_WORD = re.compile(r"\w+")


def extract_article(
    tree: lxml_html.HtmlElement, markup: str, uri: str, exclude: list | None = None
) -> ArticleParts:
    """Title, byline, date, language and the body and caption blocks in reading order.

    ``exclude`` are the elements holding the comment thread: they are cut out of ``tree``
    (their tails kept) before anything else reads it, so neither the body nor the date can
    come from a comment. ``markup`` is unused: the tree is never parsed twice.
    """
    drop_elements(exclude or [])
    meta = read_metadata(tree, uri)
    body = _trafilatura_body(tree, uri)
    blocks = body_blocks(body)
    blocks = _drop_title_heading(blocks, meta.title)
    captions = find_captions(tree)
    if captions:
        blocks = place_captions(tree, blocks, captions)
    return ArticleParts(
        title=meta.title,
        byline=meta.byline,
        published=meta.published,
        language=meta.language or guess_language(b.text for b in blocks),
        blocks=blocks,
    )


def drop_elements(nodes: Iterable[etree._Element]) -> None:
    """Remove elements from their tree, keeping the text that follows each (its tail)."""
    for node in nodes:
        parent = node.getparent()
        if parent is None:
            continue
        if node.tail:
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)


def _trafilatura_body(tree: lxml_html.HtmlElement, uri: str) -> etree._Element | None:
    """trafilatura's body element (its XML vocabulary), comments off; None when it finds none.

    trafilatura copies an element it is given before cleaning it, so ``tree`` stays intact.
    """
    from trafilatura import bare_extraction

    url = uri if uri.startswith(("http://", "https://")) else None
    try:
        document = bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            output_format="txt",
            with_metadata=False,
        )
    except (ValueError, TypeError, RecursionError):
        return None
    return None if document is None else getattr(document, "body", None)


def body_blocks(body: etree._Element | None) -> list[Block]:
    """One block per top-level element of trafilatura's body, its text as trafilatura renders it."""
    from trafilatura.xml import process_element

    if body is None:
        return []
    blocks: list[Block] = []
    for element in body:
        if not isinstance(element.tag, str):
            continue
        pieces: list[str] = []
        process_element(element, pieces, False)
        text = "".join(pieces).strip()
        if not text:
            continue
        kind = _KIND_BY_TAG.get(element.tag, "paragraph")
        blocks.append(Block(kind, text))
    return blocks


def _drop_title_heading(blocks: list[Block], title: str | None) -> list[Block]:
    """The headline is the record's title, not a body heading: drop it when it leads the body."""
    if not title or not blocks:
        return blocks
    key = norm(title).casefold()
    for i, block in enumerate(blocks[:3]):
        if block.kind == "heading" and norm(block.text).casefold() == key:
            return blocks[:i] + blocks[i + 1 :]
    return blocks


def find_captions(tree: lxml_html.HtmlElement) -> list[etree._Element]:
    """Caption elements (figcaption and caption-classed ones), innermost, in page order."""
    found = [
        node
        for node in _CAPTION_XPATH(tree)
        if isinstance(node.tag, str) and node.tag not in ("img", "meta", "script", "style")
    ]
    chosen = set(found)
    # keep the innermost of nested caption elements (a .caption div around a figcaption)
    return [n for n in found if not any(d in chosen for d in n.iterdescendants())]


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def place_captions(
    tree: lxml_html.HtmlElement, blocks: list[Block], captions: list[etree._Element]
) -> list[Block]:
    """Interleave captions with the body in page order; each caption text once.

    A body block that is itself a caption (trafilatura keeps some caption paragraphs) becomes
    a caption block. A caption outside the stretch of the page the body comes from (a
    sidebar's or another story's) is left out.
    """
    caption_text: dict[etree._Element, str] = {}
    for node in captions:
        text = norm(node.text_content())
        if 2 < len(text) <= _MAX_CAPTION:
            caption_text[node] = text
    if not caption_text:
        return blocks
    caption_keys = {_key(t) for t in caption_text.values()}
    blocks = [
        Block("caption", b.text) if b.kind == "paragraph" and _key(b.text) in caption_keys else b
        for b in blocks
    ]
    # where each body block stands in the page: match its text to page elements
    order: dict[etree._Element, int] = {}
    wanted = {_key(b.text)[:200]: i for i, b in enumerate(blocks) if b.kind != "caption"}
    block_pos: dict[int, int] = {}
    for position, node in enumerate(tree.iter()):
        order[node] = position
        if node.tag in _ANCHOR_TAGS:
            key = _key(node.text_content())[:200]
            i = wanted.get(key)
            if i is not None and i not in block_pos:
                block_pos[i] = position
    if not block_pos:
        return blocks
    first, last = min(block_pos.values()), max(block_pos.values())
    seen = {_key(b.text) for b in blocks if b.kind == "caption"}
    inserts: list[tuple[int, str]] = []
    for node, text in caption_text.items():
        key = _key(text)
        position = order.get(node, -1)
        if key in seen or not first - 50 <= position <= last:
            continue
        seen.add(key)
        inserts.append((position, text))
    if not inserts:
        return blocks
    out: list[Block] = []
    pending = sorted(inserts)
    for i, block in enumerate(blocks):
        here = block_pos.get(i)
        while pending and here is not None and pending[0][0] < here:
            out.append(Block("caption", pending.pop(0)[1]))
        out.append(block)
    out.extend(Block("caption", text) for _, text in pending)
    return out


# a handful of very frequent function words per language: enough to tell the big ones apart
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "on"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "sich", "auf", "zu"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "un", "du", "que", "pour", "dans"},
    "es": {"el", "la", "los", "y", "de", "que", "en", "las", "por", "una", "con", "para"},
    "it": {"il", "di", "che", "la", "e", "per", "un", "una", "non", "sono", "della", "del"},
    "pt": {"o", "de", "que", "os", "e", "do", "da", "em", "um", "para", "uma", "não"},
    "nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor"},
}


def guess_language(texts: Iterable[str]) -> str | None:
    """A cheap stop-word vote over the first words of the body; None when unsure."""
    words: list[str] = []
    for text in texts:
        words += _WORD.findall(text.casefold())
        if len(words) > 400:
            break
    if len(words) < 20:
        return None
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(sorted(scores), key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 0.08 * len(words) or ranked[0] < 1.3 * ranked[1]:
        return None
    return best
