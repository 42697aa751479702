"""Article bodies split into several same-styled containers (a "chunked" body).

Some publishers cut the article body into chunks, one container per stretch of text with ads
or pull quotes between them (``div.body__container`` repeated under ``article__chunks``).
trafilatura settles on the first chunk and the rest of the story is lost. Here the container
of the extracted body's paragraphs is found in the page; other elements with the very same
tag and class attribute, text-rich and not link lists, are further chunks of the same body,
and their paragraphs are added before or after in page order.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from claimledger.extract.html.meta import norm
from claimledger.extract.parts import Block

_WORD = re.compile(r"\w+")
_BLOCK_TAGS = {"p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading"}
_BLOCK_TAGS["blockquote"] = "quote"
_SKIP_ANCESTORS = {"figure", "figcaption", "aside", "nav", "footer", "form", "blockquote"}
# run on the root element: `descendant-or-self::` there selects what `//` does, walked faster
_PARAGRAPH_STARTING = etree.XPath("descendant-or-self::p[starts-with(normalize-space(.), $start)]")
_SAME_STYLE = etree.XPath("descendant-or-self::*[@class = $cls][name() = $tag]")
_PRECEDING = etree.XPath("count(preceding::*)")
_MIN_CHUNK_CHARS = 200
_MAX_LINK_SHARE = 0.4


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text[:400].casefold())[:40])


def extend_chunked_body(tree: lxml_html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """Add the paragraphs of the body's sibling chunks; ``blocks`` unchanged when there are none."""
    paragraphs = [b for b in blocks if b.kind == "paragraph" and len(b.text) >= 40]
    if not paragraphs:
        return blocks
    start = norm(paragraphs[-1].text)[:40]
    if "'" in start and '"' in start:
        return blocks  # an XPath string literal cannot hold both quote marks
    root = tree.getroottree().getroot()
    found = _PARAGRAPH_STARTING(root, start=start)
    if len(found) > 1:  # paragraphs opening alike: the one whose whole text is the block's
        whole = norm(paragraphs[-1].text)
        found = [p for p in found if norm(p.text_content()) == whole]
    if len(found) != 1 or found[0].getparent() is None:
        return blocks
    container = found[0].getparent()
    cls = (container.get("class") or "").strip()
    if not cls or not isinstance(container.tag, str):
        return blocks
    chunks = [node for node in _same_style(root, container) if node is not container]
    if not chunks:
        return blocks
    here = _PRECEDING(container)
    known = {_key(b.text) for b in blocks}
    # chunks of one body sit close together: they share the container's parent or
    # grandparent (a second story further down the page, styled alike, does not)
    near = _near_ancestors(container)
    before: list[Block] = []
    after: list[Block] = []
    for chunk in chunks:
        if not any(a in near for a in _near_ancestors(chunk)):
            continue
        if _is_inside(chunk, container) or _is_inside(container, chunk):
            continue
        added = _chunk_blocks(chunk, known)
        if sum(len(b.text) for b in added) < _MIN_CHUNK_CHARS:
            continue
        (before if _PRECEDING(chunk) < here else after).extend(added)
    if not before and not after:
        return blocks
    last_body = max(i for i, b in enumerate(blocks) if b.kind == "paragraph")
    return before + blocks[: last_body + 1] + after + blocks[last_body + 1 :]


_PLAIN_TAG = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _same_style(root: etree._Element, container: etree._Element) -> list[etree._Element]:
    """The page's elements with the container's tag and class attribute, in page order.

    A walk over the elements of that tag (picked in C), instead of an XPath comparing every
    element's class attribute with a variable (three times slower); a tag that is not a plain
    name goes to the XPath as before.
    """
    tag, cls = container.tag, container.get("class")
    if not _PLAIN_TAG.fullmatch(tag):
        return _SAME_STYLE(root, tag=tag, cls=cls)
    return [node for node in root.iter(tag) if node.get("class") == cls]


def _under_skipped(node: etree._Element, chunk: etree._Element) -> bool:
    """Inside a figure, aside, quote, nav... between ``node`` and its chunk."""
    for ancestor in node.iterancestors():
        if ancestor is chunk:
            return False
        if ancestor.tag in _SKIP_ANCESTORS:
            return True
    return False


def _near_ancestors(node: etree._Element) -> list[etree._Element]:
    """Parent and grandparent."""
    parent = node.getparent()
    if parent is None:
        return []
    grandparent = parent.getparent()
    return [parent] if grandparent is None else [parent, grandparent]


def _is_inside(node: etree._Element, other: etree._Element) -> bool:
    return any(a is other for a in node.iterancestors())


def _link_share(node: etree._Element, text: str) -> float:
    """Share of the text that is link text (promos and "read more" lines are mostly links)."""
    if not text:
        return 0.0
    return sum(len(norm(a.text_content())) for a in node.iter("a")) / len(text)


def _chunk_blocks(chunk: etree._Element, known: set[str]) -> list[Block]:
    """The chunk's text blocks not in the body yet; none for a short or link-heavy chunk."""
    text = norm(chunk.text_content())
    if len(text) < _MIN_CHUNK_CHARS:
        return []
    if _link_share(chunk, text) > _MAX_LINK_SHARE:
        return []
    out: list[Block] = []
    for node in chunk.iter(*_BLOCK_TAGS):
        if _under_skipped(node, chunk):
            continue
        block_text = norm(node.text_content())
        key = _key(block_text)
        if not key or key in known or _link_share(node, block_text) > 0.5:
            continue
        known.add(key)
        out.append(Block(_BLOCK_TAGS[node.tag], block_text))
    return out
