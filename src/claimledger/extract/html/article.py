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

from claimledger.extract.html import body_cascade
from claimledger.extract.html.article_chunks import extend_chunked_body
from claimledger.extract.html.body_cascade import BodyCascade
from claimledger.extract.html.meta import norm, read_metadata
from claimledger.extract.parts import ArticleParts, Block
from claimledger.language import STOPWORDS, guess_language

_KIND_BY_TAG = {"head": "heading", "p": "paragraph", "list": "list", "quote": "quote"}
# caption candidates and the page elements body blocks come from, in page order, in one walk
_CAPTION_TAGS = ("figcaption",)
_ANCHOR_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "td")
# `descendant::` walks faster than `//*`; figcaptions come from a tag-filtered iteration
# tested on the attribute axis, libxml2 reads only the elements carrying the attribute (a
# third faster than testing every element); the union is in document order
_CAPTIONS = etree.XPath(
    "descendant::*/@class[contains(., 'caption')]/.. | descendant::*/@itemprop[. = 'caption']/.."
)
_CAPTION_CLASS = re.compile(r"(?:^|[-_])caption(?:$|[-_](?:text|content|body))", re.IGNORECASE)
_MAX_CAPTION = 600
# a lead photo's caption may stand a few anchor elements (kicker, byline) before the body
_LEAD_SLACK = 6
_NEXT_ANCHOR = etree.XPath(
    "following::*[" + " or ".join(f"self::{tag}" for tag in _ANCHOR_TAGS) + "][1]"
)
_LEAD_TEXT = etree.XPath("substring(string(), 1, 400)", smart_strings=False)
# Pages above this many elements (the dev sets' largest have ~1,500; busy news pages a few
# thousand) get trafilatura's fast mode and htmldate's short search: the fallback extractors
# are quadratic on some shapes (jusText took 7 s on 15,000 repeated divs and minutes on
# 120,000), fast mode stays linear (about 5 s on 120,000).
LARGE_TREE = 6_000
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_HOLDS_ARTICLE = etree.XPath("boolean(descendant::main | descendant::*[@itemprop='articleBody'])")
_WORD = re.compile(r"\w+")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b|all rights reserved\b)", re.IGNORECASE)


def extract_article(
    tree: lxml_html.HtmlElement,
    markup: str,
    uri: str,
    exclude: list | None = None,
    captions: list[etree._Element] | None = None,
) -> ArticleParts:
    """Title, byline, date, language and the body and caption blocks in reading order.

    ``exclude`` are the elements holding the comment thread: they are cut out of ``tree``
    (their tails kept) before anything else reads it, so neither the body nor the date can
    come from a comment. ``markup`` only serves a cheap substring test: the tree is never
    parsed twice. ``captions``: the page's elements whose class holds 'caption' or whose
    itemprop is 'caption', when the caller read them already (before any cut).
    """
    drop_elements(exclude or [])
    large = _COUNT_ELEMENTS(tree) > LARGE_TREE
    meta = read_metadata(tree, uri, thorough=not large)
    drop_inert(tree)
    body = _trafilatura_body(tree, uri, fast=large)
    blocks = body_blocks(body)
    blocks = trim_edges(drop_trailing_link_lists(tree, blocks), meta.headlines)
    blocks = extend_chunked_body(tree, blocks)
    if "caption" in markup or not markup:  # every caption test below needs that word
        blocks = place_captions(tree, blocks, captions)
    return ArticleParts(
        title=meta.title,
        byline=meta.byline,
        published=meta.published,
        language=choose_language(meta.language, blocks),
        blocks=blocks,
    )


def drop_elements(nodes: Iterable[etree._Element]) -> None:
    """Remove elements from their tree, keeping the text that follows each (its tail).

    A node that plainly holds the article (the page body, ``main``, the schema.org
    articleBody) is never removed: a too-wide comment container must not empty the body.
    """
    drop_elements_keeping_tails(
        node
        for node in nodes
        if node.tag not in ("html", "body", "main") and not _HOLDS_ARTICLE(node)
    )


# Elements with no readable text that the body extractor deletes first thing (or that hold no
# text at all); JSON-LD scripts stay, as trafilatura's fallbacks read an articleBody there.
_INERT_TAGS = ("script", "style", "svg", "link", "meta")
_JSON_LD = "application/ld+json"


def drop_inert(tree: lxml_html.HtmlElement) -> None:
    """Remove scripts, styles, inline SVG, link and meta elements (their tails kept).

    Run once the page's own readers (comments, metadata) are done: every later walk and every
    copy trafilatura makes of the tree is the cheaper for it (scripts are often most of a
    page's bytes, SVG icons a good part of its elements).
    """
    inert = [
        node
        for node in tree.iter(*_INERT_TAGS)
        if node.tag != "script" or node.get("type") != _JSON_LD
    ]
    drop_elements_keeping_tails(inert)


def drop_elements_keeping_tails(nodes: Iterable[etree._Element]) -> None:
    """Remove elements from their tree, the text that follows each (its tail) kept in place."""
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


def _trafilatura_body(
    tree: lxml_html.HtmlElement, uri: str, fast: bool = False
) -> etree._Element | None:
    """trafilatura's body element (its XML vocabulary), comments off; None when it finds none.

    Its fast mode runs first; the full cascade (readability and jusText fallbacks, a quarter
    of the time) runs only when the fast result is not plainly a whole article: short, few
    paragraphs, table-dominated, holding page furniture, or leaving out most of the page's
    long paragraphs. On the dev pages the fallbacks never changed a body. trafilatura copies
    an element it is given before cleaning it, so ``tree`` stays intact.
    """
    url = uri if uri.startswith(("http://", "https://")) else None
    if body_cascade.AVAILABLE:  # the two passes share their first steps
        run = BodyCascade(tree, url).body
    else:

        def run(fast: bool) -> etree._Element | None:
            return _run_trafilatura(tree, url, fast=fast)

    body = run(True)
    if fast or _plainly_whole(tree, body):
        return body
    return run(False)


def _run_trafilatura(
    tree: lxml_html.HtmlElement, url: str | None, fast: bool
) -> etree._Element | None:
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(
            tree,
            url=url,
            fast=fast,
            include_comments=False,
            include_tables=True,
            output_format="txt",
            with_metadata=False,
        )
    except (ValueError, TypeError, RecursionError):
        return None
    return None if document is None else getattr(document, "body", None)


# run on the root element: `descendant-or-self::` there selects what `//` does, walked faster
_LONG_PARAGRAPHS = etree.XPath(
    "count(descendant-or-self::p[string-length(normalize-space(.)) >= 150])"
)
_FURNITURE = etree.XPath(
    "boolean(.//aside|.//button|.//fieldset|.//figure|.//footer|.//iframe|.//input"
    "|.//nav|.//noscript|.//select|.//svg)"
)


def _plainly_whole(tree: lxml_html.HtmlElement, body: etree._Element | None) -> bool:
    """True when a fast extraction already looks like the whole article (see above)."""
    if body is None:
        return False
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in body.iter("p")]
    if len(paragraphs) < 3 or sum(map(len, paragraphs)) < 1500:
        return False
    if len(body.findall(".//table")) > len(paragraphs) or _FURNITURE(body):
        return False
    long_here = sum(len(p) >= 150 for p in paragraphs)
    return long_here >= 0.5 * _LONG_PARAGRAPHS(tree.getroottree().getroot())


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


_ITEM_STARTING = etree.XPath("descendant-or-self::li[starts-with(normalize-space(.), $start)]")
_ITEM_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def drop_trailing_link_lists(tree: lxml_html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """Drop lists closing the body whose page list is a quarter or more link text.

    Teaser lists of other stories (a linked headline and a plain blurb per item) run at 30-45%
    link text; an article's own closing list (teams, results, steps) is mostly plain text.
    Only the run of lists and headings after the last paragraph is looked at; headings left
    dangling go in ``trim_edges``.
    """
    dropped: set[int] = set()
    i = len(blocks) - 1
    while i >= 0 and blocks[i].kind in ("list", "heading"):
        if blocks[i].kind == "list":
            if not _is_link_list(tree, blocks[i].text):
                break
            dropped.add(i)
        i -= 1
    return [b for j, b in enumerate(blocks) if j not in dropped] if dropped else blocks


def _is_link_list(tree: lxml_html.HtmlElement, text: str) -> bool:
    first = _ITEM_MARKER.sub("", text.split("\n", 1)[0]).strip()[:40]
    if len(first) < 8 or ("'" in first and '"' in first):
        return False
    for item in _ITEM_STARTING(tree.getroottree().getroot(), start=first)[:3]:
        container = item.getparent()
        if container is None:
            continue
        all_text = len(norm(container.text_content()))
        link_text = sum(len(norm(a.text_content())) for a in container.iter("a"))
        if all_text and link_text >= 0.25 * all_text:
            return True
    return False


def trim_edges(blocks: list[Block], headlines: Iterable[str]) -> list[Block]:
    """Keep what is never article body out of it, at the body's two ends.

    At the head, the headline (the record's title already) when it opens the body. At the
    tail, headings with nothing after them (related-story and newsletter headings) go, and a
    closing copyright line stays as boilerplate (benchmarks disagree whether it is body; it
    holds no claim).
    """
    keys = {norm(h).casefold() for h in headlines if h}
    for i, block in enumerate(blocks[:3]):
        if block.kind == "heading" and norm(block.text).casefold() in keys:
            blocks = blocks[:i] + blocks[i + 1 :]
            break
    end = len(blocks)
    while end and blocks[end - 1].kind == "heading":
        end -= 1
    blocks = blocks[:end]
    if blocks and len(blocks[-1].text) < 300 and _COPYRIGHT.match(blocks[-1].text):
        blocks[-1] = Block("boilerplate", blocks[-1].text)
    return blocks


def is_caption(node: etree._Element) -> bool:
    """figcaption, itemprop=caption, or a class token naming a caption ("wp-caption-text")."""
    if node.tag in _CAPTION_TAGS or node.get("itemprop") == "caption":
        return True
    return any(_CAPTION_CLASS.search(token) for token in (node.get("class") or "").split())


def _key(text: str) -> str:
    """Comparable form of a block: its first words, case folded (spacing and marks ignored)."""
    return " ".join(_WORD.findall(text[:400].casefold())[:40])


def place_captions(
    tree: lxml_html.HtmlElement,
    blocks: list[Block],
    marked: list[etree._Element] | None = None,
) -> list[Block]:
    """Interleave the page's captions with the body in page order; each caption text once.

    A body block that is itself a caption (trafilatura keeps some caption paragraphs) becomes
    a caption block. A caption outside the stretch of the page the body comes from (a
    sidebar's or another story's) is left out. ``marked``: what ``_CAPTIONS`` selected on the
    page before elements were cut from it (those still in the page are kept), or None.
    """
    found = list(tree.iter(*_CAPTION_TAGS))
    if marked is None:
        marked = _CAPTIONS(tree)
    else:
        marked = [n for n in marked if n is not tree and _top(n) is tree]
    found += (n for n in marked if n.tag not in _CAPTION_TAGS and is_caption(n))
    if not found:
        return blocks
    chosen = set(found)
    caption_text: list[tuple[etree._Element, str]] = []
    for node in found:
        # the innermost of nested caption elements (a .caption div around a figcaption)
        if any(d in chosen for d in node.iterdescendants()):
            continue
        text = norm(node.text_content())
        # "... more" / "less" toggles share caption classes; a caption has two words at least
        if len(text) <= _MAX_CAPTION and len(_WORD.findall(text)) >= 2:
            caption_text.append((node, text))
    if not caption_text:
        return blocks
    # where each body block stands in the page: its first words matched to a page element;
    # elements inside a caption say the block is a caption that trafilatura kept as text
    in_caption = {a for node, _ in caption_text for a in node.iter(*_ANCHOR_TAGS)}
    wanted: dict[str, int] = {}
    for i, block in enumerate(blocks):
        wanted.setdefault(_key(block.text), i)
    anchors = list(tree.iter(*_ANCHOR_TAGS))
    position_of = {node: n for n, node in enumerate(anchors)}
    block_pos: dict[int, float] = {}
    findable = len(set(wanted.values()))
    # an element whose first word opens no block's key cannot have one of the keys (most do
    # not: menus, teasers, other stories): only its first word is read before the whole key
    openers = {key.partition(" ")[0] for key in wanted}
    for n, node in enumerate(anchors):
        if node in in_caption:
            continue
        lead = _LEAD_TEXT(node)
        first = _WORD.search(lead[:400].casefold())  # the first word of its _key
        if (first.group() if first else "") not in openers:
            continue
        i = wanted.get(_key(lead))
        if i is not None and i not in block_pos:
            block_pos[i] = n
            if len(block_pos) == findable:  # every block placed: later anchors change nothing
                break
    caption_keys = {_key(t) for _, t in caption_text}
    blocks = [
        Block("caption", b.text)
        if b.kind == "paragraph" and i not in block_pos and _key(b.text) in caption_keys
        else b
        for i, b in enumerate(blocks)
    ]
    if not block_pos:
        return blocks
    first, last = min(block_pos.values()), max(block_pos.values())
    placed: list[tuple[float, str]] = []
    for node, text in caption_text:
        # a caption stands just before the next anchor element after it (lxml hands back
        # the proxy we already hold for an element, so the lookup by identity works)
        position: float | None = position_of.get(node)
        if position is None:
            following = _NEXT_ANCHOR(node)
            nxt = position_of.get(following[0]) if following else None
            position = len(anchors) if nxt is None else nxt - 0.5
        if first - _LEAD_SLACK <= position <= last:
            placed.append((position, text))
    # a caption repeated (gallery, lightbox, noscript copy) counts once, where it first stands
    seen = {_key(b.text) for b in blocks if b.kind == "caption"}
    pending: list[tuple[float, str]] = []
    for position, text in sorted(placed):
        key = _key(text)
        if key not in seen:
            seen.add(key)
            pending.append((position, text))
    if not pending:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        here = block_pos.get(i)
        while pending and here is not None and pending[0][0] < here:
            out.append(Block("caption", pending.pop(0)[1]))
        out.append(block)
    out.extend(Block("caption", text) for _, text in pending)
    return out


def _top(node: etree._Element) -> etree._Element:
    """The topmost ancestor: the page's root while ``node`` is in the page."""
    parent = node.getparent()
    while parent is not None:
        node, parent = parent, parent.getparent()
    return node


def choose_language(declared: str | None, blocks: list[Block]) -> str | None:
    """The declared language, unless the body plainly reads as another language we know.

    Templates often keep ``lang="en"`` on pages written in German or Spanish; the stop-word
    vote overrides a declaration only between the languages it knows.
    """
    if declared and declared not in STOPWORDS:
        return declared
    guessed = guess_language(b.text for b in blocks if b.kind in ("paragraph", "quote"))
    return guessed or declared
