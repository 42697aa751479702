"""trafilatura's cascade run from its pieces gives exactly what bare_extraction gives."""

from __future__ import annotations

import gzip
from copy import copy
from pathlib import Path

import pytest
from lxml import etree
from trafilatura.baseline import html2txt
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from claimledger.extract.html import body_cascade, parse_html
from claimledger.extract.html.article import _run_trafilatura, drop_elements, drop_inert
from claimledger.extract.html.body_cascade import BodyCascade, page_text
from claimledger.extract.html.comments import extract_comments
from claimledger.sources.decode import decode


def _trees(corpus: Path, step: int) -> list[tuple[str, etree._Element]]:
    """Every ``step``-th aeb-dev page as the article reader sees it before trafilatura runs."""
    out = []
    for path in sorted((corpus / "aeb-dev" / "html").glob("*.html.gz"))[::step]:
        markup, _ = decode(gzip.decompress(path.read_bytes()), str(path), is_html=True)
        tree = parse_html(markup, str(path))
        drop_elements(extract_comments(tree).nodes)
        drop_inert(tree)
        out.append((path.name, tree))
    return out


def _xml(body: etree._Element | None) -> bytes | None:
    return None if body is None else etree.tostring(body)


@pytest.mark.skipif(not body_cascade.AVAILABLE, reason="another trafilatura version")
def test_cascade_bodies_equal_bare_extraction(corpus: Path) -> None:
    """Fast and full passes, sharing their first steps (and the main extractor's result when
    it is the same in both modes), match two separate bare_extraction calls on every aeb-dev
    page (the full passes go through readability, some through jusText and the recall
    escalation; some main passes through the wild-text recovery)."""
    recovered = 0
    for name, tree in _trees(corpus, 1):
        before = etree.tostring(tree)
        cascade = BodyCascade(tree, None)
        for fast in (True, False):
            assert _xml(cascade.body(fast)) == _xml(_run_trafilatura(tree, None, fast)), name
        assert etree.tostring(tree) == before, f"{name}: the page tree was changed"
        recovered += "balanced" not in cascade._main
    assert recovered  # some page's main pass went through the recovery


def test_page_text_equals_html2txt(corpus: Path) -> None:
    """The escalation gate's measure of the page, without the EXSLT callback, is html2txt's;
    the walk behind it selects what BASIC_CLEAN_XPATH selects on the whole page too (jusText's
    cleaning in the escalation)."""
    from trafilatura.settings import BASIC_CLEAN_XPATH

    for name, tree in _trees(corpus, 1):
        assert page_text(tree) == html2txt(tree), name
        if body_cascade._MIRRORS_BASIC_CLEAN:
            assert body_cascade._basic_clean_targets(tree) == BASIC_CLEAN_XPATH(tree), name


@pytest.mark.skipif(not body_cascade._MIRRORS_RAW_PRUNE, reason="another trafilatura version")
def test_raw_prune_walks_select_what_the_xpaths_select(corpus: Path) -> None:
    """The one walk standing in for the raw-tree prunes picks the very same elements as each
    of their expressions."""
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    xpaths = (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH)
    selected = 0
    for tree in _raw_and_converted_trees(corpus):
        walked = body_cascade._raw_prune_sections(tree)
        for found, xpath in zip(walked, xpaths, strict=True):
            assert found == xpath(tree)
            selected += len(found)
    assert selected  # some page has a comment section or list to prune


@pytest.mark.skipif(not body_cascade._MIRRORS_DISCARD, reason="another trafilatura version")
def test_discard_walks_select_what_the_xpaths_select(corpus: Path) -> None:
    """The walks standing in for OVERALL_DISCARD_XPATH, the caption and teaser prunes and
    BODY_XPATH's first, third and fourth expressions pick the very same elements, on pages as
    parsed and as trafilatura's extractor sees them (its own tag names)."""
    from trafilatura.xpaths import (
        BODY_XPATH,
        DISCARD_IMAGE_ELEMENTS,
        OVERALL_DISCARD_XPATH,
        TEASER_DISCARD_XPATH,
    )

    with body_cascade._python_discard_tests():
        walks = list(OVERALL_DISCARD_XPATH)
    assert walks == body_cascade._DISCARD_WALKS
    assert OVERALL_DISCARD_XPATH[0] is not walks[0]  # restored after the block
    assert BODY_XPATH[0] is not body_cascade._first_article_container
    selected = articles = stories = mains = blocks = 0
    for tree in _raw_and_converted_trees(corpus):
        for walk, xpath in zip(walks, OVERALL_DISCARD_XPATH, strict=True):
            found = walk(tree)
            assert found == xpath(tree)
            selected += len(found)
        # trafilatura takes the first element BODY_XPATH[0] selects
        found = body_cascade._first_article_container(tree)
        assert found == BODY_XPATH[0](tree)[:1]
        articles += len(found)
        if body_cascade._MIRRORS_BLOCK_PRUNES:
            captions, teasers = body_cascade._caption_and_teaser_blocks(tree)
            assert captions == DISCARD_IMAGE_ELEMENTS[0](tree)
            assert teasers == TEASER_DISCARD_XPATH[0](tree)
            blocks += len(captions) + len(teasers)
        if body_cascade._MIRRORS_CONTAINERS:
            found = body_cascade._first_story_container(tree)
            assert found == BODY_XPATH[2](tree)
            stories += len(found)
            found = body_cascade._first_main_container(tree)
            assert found == BODY_XPATH[3](tree)
            mains += len(found)
    assert selected and articles
    assert (stories and mains) or not body_cascade._MIRRORS_CONTAINERS
    assert blocks or not body_cascade._MIRRORS_BLOCK_PRUNES


def _raw_and_converted_trees(corpus: Path) -> list[etree._Element]:
    """comments-dev pages as parsed, aeb-dev pages before and after trafilatura's cleaning."""
    options = body_cascade._options(True, None)
    pages = sorted((corpus / "comments-dev" / "html").glob("*.html"))
    trees = [parse_html(decode(p.read_bytes(), str(p), is_html=True)[0], str(p)) for p in pages]
    for _, tree in _trees(corpus, 1):
        trees.append(tree)
        trees.append(convert_tags(tree_cleaning(copy(tree), options), options, None))
    return trees


@pytest.mark.skipif(not body_cascade.AVAILABLE, reason="another trafilatura version")
def test_section_prune_equals_trafilaturas(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The section prune that skips a link-density round leaves the very tree trafilatura's
    leaves, in each focus, on aeb-dev pages as the main extractor sees them; on some page the
    second round runs (the first deleted something), on some it is skipped."""
    from trafilatura import main_extractor
    from trafilatura.settings import TAG_CATALOG

    calls: list[str] = []
    density = body_cascade._delete_by_link_density

    def counted(tree: etree._Element, tag: str, **kwargs: bool) -> None:
        calls.append(tag)
        density(tree, tag, **kwargs)

    monkeypatch.setattr(body_cascade, "_delete_by_link_density", counted)
    potential_tags = {*TAG_CATALOG, "table", "td", "th", "tr"}
    rounds = set()
    for _, tree in _trees(corpus, 2):
        for focus in ("balanced", "recall", "precision"):
            options = copy(body_cascade._options(True, None))
            options.focus = focus
            converted = convert_tags(tree_cleaning(copy(tree), options), options, None)
            ours, theirs = copy(converted), copy(converted)
            calls.clear()
            body_cascade._prune_unwanted_sections(ours, potential_tags, options)
            main_extractor.prune_unwanted_sections(theirs, potential_tags, options)
            assert etree.tostring(ours) == etree.tostring(theirs)
            rounds.add(calls.count("div"))
    assert rounds == {1, 2}


@pytest.mark.skipif(not body_cascade.AVAILABLE, reason="another trafilatura version")
def test_justext_run_equals_trafilaturas(corpus: Path) -> None:
    """jusText with paragraphs that join their text once gives trafilatura's try_justext body,
    on aeb-dev pages whole and cleaned as trafilatura cleans them for jusText."""
    from trafilatura.baseline import basic_cleaning
    from trafilatura.external import try_justext

    kept = 0
    for name, tree in _trees(corpus, 2):
        for page in (tree, basic_cleaning(copy(tree))):
            ours = body_cascade._try_justext(copy(page), None, None)
            assert etree.tostring(ours) == etree.tostring(try_justext(copy(page), None, None)), name
            kept += len(ours)
    assert kept


@pytest.mark.skipif(not body_cascade.AVAILABLE, reason="another trafilatura version")
def test_link_density_deletions_equal_trafilaturas(corpus: Path) -> None:
    """The link-density deletions reading each text length once per call delete what
    trafilatura's delete what, for each tag and setting, on aeb-dev pages as converted."""
    from trafilatura.htmlprocessing import delete_by_link_density

    options = body_cascade._options(True, None)
    deleted = 0
    for name, tree in _trees(corpus, 2):
        converted = convert_tags(tree_cleaning(copy(tree), options), options, None)
        for tag in ("div", "list", "p", "head", "quote"):
            for backtracking in (True, False):
                for precision in (True, False):
                    ours, theirs = copy(converted), copy(converted)
                    body_cascade._delete_by_link_density(ours, tag, backtracking, precision)
                    delete_by_link_density(theirs, tag, backtracking, precision)
                    assert etree.tostring(ours) == etree.tostring(theirs), (name, tag)
                    deleted += len(etree.tostring(converted)) - len(etree.tostring(ours))
    assert deleted
