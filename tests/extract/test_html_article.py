"""The article side of HTML pages: real benchmark pages for accuracy, hand-made ones for abuse."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from claimledger.extract.html import extract_html, parse_html
from claimledger.extract.html.article import (
    drop_trailing_link_lists,
    extract_article,
)
from claimledger.extract.html.article_chunks import extend_chunked_body
from claimledger.extract.html.meta import clean_title
from claimledger.extract.parts import Block
from claimledger.language import guess_language
from claimledger.model import Document
from claimledger.sources.decode import decode
from tests.conftest import assert_spans_ok

_TOKEN = re.compile(r"\w+")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# a news site whose framework strews <!-- --> inside sentences, a blog page with photo
# captions, a tech page with a figure credit line, and a magazine page whose body is cut into
# several same-styled chunks (aeb-dev ids, by prefix)
PAGES = ("702d1da63b", "7bb1ca9035", "5fa5679de5", "2f42ef1d3e")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(len(tokens) - 3, 1)))


def _aeb_page(corpus: Path, prefix: str) -> tuple[bytes, str, str]:
    """(raw bytes, uri, gold body) of the aeb-dev page whose id starts with ``prefix``."""
    root = corpus / "aeb-dev"
    (path,) = sorted((root / "html").glob(f"{prefix}*.html.gz"))
    key = path.name.removesuffix(".html.gz")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))[key]
    return gzip.decompress(path.read_bytes()), str(path), gold["articleBody"]


def _document(raw: bytes, uri: str) -> Document:
    text, _ = decode(raw, uri, is_html=True)
    return extract_html(text, uri)


def _html(body: str, head: str = "<title>Hand-made page</title>", lang: str = "en") -> str:
    return f"<!doctype html><html lang='{lang}'><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("prefix", PAGES)
def test_body_matches_gold_and_captions_stay_out(corpus: Path, prefix: str) -> None:
    raw, uri, gold = _aeb_page(corpus, prefix)
    doc = _document(raw, uri)
    assert_spans_ok(doc)
    body = doc.body_text()
    gold_sh, body_sh = _shingles(gold), _shingles(body)
    shared = sum((gold_sh & body_sh).values())
    assert shared / sum(gold_sh.values()) > 0.9, "body misses much of the article"
    assert shared / sum(body_sh.values()) > 0.9, "body carries much that is not the article"
    assert doc.title and 10 < len(doc.title.text) < 200
    assert doc.title.text not in body.split("\n\n")[:1], "the headline is the title, not body"
    assert doc.published and _ISO.match(doc.published)
    assert doc.language == "en"
    for section in doc.sections:
        if section.kind == "caption":
            assert doc.slice(section.span) not in body.split("\n\n")


def test_framework_comment_markers_do_not_cut_paragraphs(corpus: Path) -> None:
    """`<!-- -->` between words must not end a paragraph (a bug of the first cut)."""
    raw, uri, gold = _aeb_page(corpus, "702d1da63b")
    doc = _document(raw, uri)
    first_gold = gold.split("\n\n")[0]
    assert first_gold[:200] in doc.body_text()
    assert doc.published == "2019-11-18"


def test_captions_are_kept_once_apart_from_body(corpus: Path) -> None:
    raw, uri, _ = _aeb_page(corpus, "7bb1ca9035")
    doc = _document(raw, uri)
    captions = [doc.slice(s.span) for s in doc.sections if s.kind == "caption"]
    assert captions, "the page's photo captions are found"
    assert len(captions) == len(set(captions)), "a repeated caption counts once"
    body = doc.body_text()
    assert all(c not in body for c in captions if len(c) > 40)


def test_chunked_body_is_joined_and_lookalikes_are_not() -> None:
    first = "The first stretch of the story tells how the river rose over three long days."
    second = "The second stretch, after an advertisement, tells how the town was evacuated."
    other = "A different story further down the page, styled the same way, about football."
    links = "".join(
        f"<p><a href='/s{i}'>Related story number {i} with a headline</a></p>" for i in range(9)
    )
    chunk = "grid--item body body__container"
    page = _html(
        f"<article><div class='chunks'><div><div class='{chunk}'><p>{first}</p>"
        f"<p>{first} Again.</p></div></div><div class='ad'>Advertisement</div>"
        f"<div><div class='{chunk}'><p>{second}</p><p>{second} Twice.</p>"
        f"<p>{second} Thrice.</p></div></div>"
        f"<div><div class='{chunk}'>{links}</div></div></div></article>"
        f"<footer><div><div><div><div class='{chunk}'><p>{other}</p><p>{other} Again.</p>"
        f"<p>{other} And again, at length.</p></div></div></div></div></footer>"
    )
    tree = parse_html(page, "mem:chunks")
    blocks = [Block("paragraph", first), Block("paragraph", f"{first} Again.")]
    texts = [b.text for b in extend_chunked_body(tree, blocks)]
    assert texts[:2] == [first, f"{first} Again."]
    assert second in texts, "the next chunk of the same body is added"
    assert not any("football" in t for t in texts), "a look-alike far away is not"
    assert not any("Related story" in t for t in texts), "a chunk of links is not"


def test_closing_teaser_lists_leave_the_body_own_lists_stay() -> None:
    story = "Twenty teams have qualified for next summer's tournament after the last round."
    teams = "".join(
        f"<li>Team {name} (Group {g}): third appearance</li>"
        for name, g in (("Alpha", "A"), ("Beta", "B"), ("Gamma", "C"))
    )
    teasers = "".join(
        f"<li><a href='/n{i}'>Coach {i} fired by his club</a> He took the club to a final</li>"
        for i in range(4)
    )
    page = _html(f"<article><p>{story}</p><ul>{teams}</ul></article><ul>{teasers}</ul>")
    tree = parse_html(page, "mem:lists")
    own = Block("list", "- Team Alpha (Group A): third appearance\n- Team Beta (Group B): x")
    teaser = Block("list", "- Coach 0 fired by his club He took the club to a final")
    blocks = [Block("paragraph", story), own, Block("heading", "More news"), teaser]
    kept = drop_trailing_link_lists(tree, blocks)
    assert own in kept and teaser not in kept
    assert drop_trailing_link_lists(tree, blocks[:2]) == blocks[:2]


def test_same_bytes_same_record(corpus: Path) -> None:
    raw, uri, _ = _aeb_page(corpus, PAGES[1])
    first, second = _document(raw, uri), _document(raw, uri)
    assert first.to_json(timing=False) == second.to_json(timing=False)
    assert first.body_text()


def test_no_comment_text_in_any_body_of_the_comment_pages(corpus: Path) -> None:
    """On real pages with reader threads, the body holds the article and no comment's text."""
    pages = sorted((corpus / "comments-dev" / "html").glob("*.html"))
    assert pages
    for path in pages:
        doc = _document(path.read_bytes(), str(path))
        assert_spans_ok(doc)
        body = doc.body_text()
        assert body, f"{path.name}: no article body"
        for comment in doc.comments:
            text = doc.slice(comment.span)
            assert len(text) < 20 or text not in body, f"{path.name}: comment {comment.id} in body"


def test_comment_nodes_never_reach_the_body() -> None:
    story = " ".join(["The council approved the new budget after a long debate."] * 8)
    comment = "I think the council is lying about the budget figures again and again."
    page = _html(
        f"<article><h1>Budget passes</h1><p>{story}</p><p>{story}</p></article>"
        f"<section id='thread'><div class='reply'><p>{comment}</p></div></section>"
    )
    tree = parse_html(page, "mem:thread")
    (thread,) = tree.xpath("//section[@id='thread']")
    parts = extract_article(tree, page, "mem:thread", exclude=[thread])
    assert parts.blocks, "the story is found"
    assert all(comment not in b.text for b in parts.blocks)
    assert any("council approved" in b.text for b in parts.blocks)


def test_script_and_style_noise_stays_out() -> None:
    story = " ".join(["Rescuers reached the village on Tuesday, officials said."] * 10)
    page = _html(
        "<style>.x{color:red} p{margin:0}</style>"
        "<script>var tracker = {id: 'UA-1'}; function go(){ return 42; }</script>"
        f"<article><h1>Village reached</h1><p>{story}</p>"
        "<script>document.write('injected words here')</script><p>{story}</p></article>"
        "<noscript>Please enable JavaScript to view this site.</noscript>"
    )
    doc = extract_html(page, "mem:noise")
    assert_spans_ok(doc)
    body = doc.body_text()
    assert "Rescuers reached the village" in body
    for noise in ("tracker", "color:red", "injected", "function go"):
        assert noise not in doc.text


def test_huge_page_of_repeated_divs_is_handled() -> None:
    filler = "<div><div><span>menu item</span></div></div>" * 6000
    story = " ".join(["The bridge reopened to traffic after two years of repairs."] * 10)
    page = _html(f"{filler}<article><p>{story}</p><p>{story}</p></article>{filler}")
    doc = extract_html(page, "mem:huge")
    assert_spans_ok(doc)
    assert "bridge reopened" in doc.body_text()


def test_broken_unclosed_tags_still_give_paragraphs() -> None:
    story = "Floodwaters receded on Friday and residents began returning to their homes"
    page = (
        "<html><head><title>Floods recede</title><body><div class=content>"
        f"<p>{story}, the mayor said. <b>More rain is forecast <p>{story} in the north,"
        f" aid groups said.<p>{story} slowly.<div><span>unclosed"
    )
    doc = extract_html(page, "mem:broken")
    assert_spans_ok(doc)
    assert doc.title and doc.title.text == "Floods recede"
    assert "Floodwaters receded" in doc.body_text()


def test_page_without_body_gives_a_title_and_no_body() -> None:
    page = "<html><head><title>Only a title</title><meta name='author' content='A. Writer'>"
    page += "</head></html>"
    doc = extract_html(page, "mem:nobody")
    assert_spans_ok(doc)
    assert doc.title and doc.title.text == "Only a title"
    assert doc.body_sections() == []


def test_metadata_from_meta_tags_and_json_ld() -> None:
    head = (
        "<title>Storm hits coast | Daily Planet</title>"
        "<meta property='og:site_name' content='Daily Planet'>"
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "NewsArticle", "headline": "Storm hits coast | Daily Planet",'
        ' "datePublished": "2021-03-04T10:00:00Z",'
        ' "author": [{"@type": "Person", "name": "Lois Lane"}, {"name": "Clark Kent"}]}</script>'
    )
    story = " ".join(["The storm brought down power lines along the coast overnight."] * 8)
    page = _html(f"<article><p>{story}</p><p>{story}</p></article>", head=head, lang="en-GB")
    doc = extract_html(page, "mem:meta")
    assert doc.title and doc.title.text == "Storm hits coast"
    assert doc.byline and doc.byline.text == "Lois Lane, Clark Kent"
    assert doc.published == "2021-03-04"
    assert doc.language == "en"


def test_title_cleaning_is_careful() -> None:
    assert clean_title("Storm hits coast - Daily Planet", "Daily Planet") == "Storm hits coast"
    assert clean_title("Daily Planet | Storm hits coast", "dailyplanet.com") == "Storm hits coast"
    # no site name, no h1 to go by: a dash inside a headline is left alone
    assert clean_title("Rock - paper - scissors explained", "") == (
        "Rock - paper - scissors explained"
    )
    assert clean_title("Why it matters: the vote | News", "", ["Why it matters: the vote"]) == (
        "Why it matters: the vote"
    )
    # the site logo is often the first h1: it never wins over the headline
    assert clean_title("Open thread - The Blog", "The Blog", ["The Blog", "Open thread"]) == (
        "Open thread"
    )
    # without a site name, the h1 matching the title's first part is the headline
    assert clean_title("Open thread - The Blog", "", ["The Blog", "Open thread"]) == ("Open thread")


def test_language_guess_is_cheap_and_cautious() -> None:
    english = ["The minister said that the plan was ready and that it would start in May."] * 3
    german = ["Der Minister sagte, dass der Plan fertig ist und nicht mit den Kosten steigt."] * 3
    assert guess_language(english) == "en"
    assert guess_language(german) == "de"
    assert guess_language(["42 17 99"]) is None


def test_declared_language_and_the_guess() -> None:
    story = " ".join(["The minister said that the plan was ready and would start in May."] * 8)
    for declared, expected in (("sv", "sv"), ("fr", "en"), ("en", "en")):
        page = _html(f"<p>{story}</p><p>{story}</p>", lang=declared)
        parts = extract_article(lxml_html.document_fromstring(page), page, "mem:lang")
        # a language the guess does not know is trusted; a template's wrong one is not
        assert parts.language == expected, declared


def test_caption_candidates_read_before_the_cuts_are_the_pages(corpus: Path) -> None:
    """The caption candidates read with the comment candidates, before the comment thread and
    the inert elements are cut, are (once those cut are left out) what the caption XPath
    selects on the page as cut; captions are placed alike from either."""
    from claimledger.extract.html import article
    from claimledger.extract.html.comments import extract_comments, marked_elements

    placed = 0
    for path in sorted((corpus / "aeb-dev" / "html").glob("*.html.gz")):
        markup, _ = decode(gzip.decompress(path.read_bytes()), str(path), is_html=True)
        tree = parse_html(markup, str(path))
        candidates, captions = marked_elements(tree)
        article.drop_elements(extract_comments(tree, candidates).nodes)
        article.drop_inert(tree)
        kept = [n for n in captions if n is not tree and article._top(n) is tree]
        assert kept == article._CAPTIONS(tree), path.name
        blocks = article.body_blocks(article._trafilatura_body(tree, str(path)))
        ours = article.place_captions(tree, blocks, captions)
        assert ours == article.place_captions(tree, blocks), path.name
        placed += sum(b.kind == "caption" for b in ours)
    assert placed


def test_caption_candidates_cut_from_the_page_are_left_out() -> None:
    """A caption-classed element read before the inert elements go (here an inline SVG) is no
    caption once it is cut: the page's own captions are placed, that one is not."""
    from claimledger.extract.html import article
    from claimledger.extract.html.comments import marked_elements

    first = "The council met on Monday to discuss the new budget for the coming year."
    second = "Members argued for hours about the cost of repairing the old bridge in town."
    page = (
        f"<html><body><article><p>{first}</p>"
        "<figure><img src='a.jpg'><figcaption>The old bridge at dawn</figcaption></figure>"
        "<svg class='caption'><text>Icon words never shown</text></svg>"
        f"<p>{second}</p></article></body></html>"
    )
    tree = parse_html(page, "mem")
    _, captions = marked_elements(tree)
    assert any(n.tag == "svg" for n in captions)
    article.drop_inert(tree)
    # a body paragraph reading like the cut element stays a paragraph
    blocks = [Block("paragraph", t) for t in (first, second, "Icon words never shown")]
    placed = article.place_captions(tree, blocks, captions)
    assert placed == article.place_captions(tree, blocks)
    assert [b.text for b in placed if b.kind == "caption"] == ["The old bridge at dawn"]
