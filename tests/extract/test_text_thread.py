"""The plain-text thread reader on real pages as a reader's copy would have them: each
comments-dev page rendered to layout-keeping text by inscriptis, then read as plain text and
scored against the page's gold tree (the same gold the HTML reader is held to)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import claimledger
from tests.conftest import assert_spans_ok, corpus_path

inscriptis = pytest.importorskip("inscriptis")

PAGES = sorted((corpus_path() / "comments-dev" / "html").glob("*.html"))


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_rendered_page_gives_the_gold_tree(page: Path) -> None:
    gold = json.loads((page.parent.parent / "gold" / f"{page.stem}.json").read_text("utf-8"))
    text = inscriptis.get_text(page.read_text("utf-8", errors="replace"))
    doc = claimledger.analyze(text.encode("utf-8"), uri=f"{page.stem}.txt", nlp="none")
    assert_spans_ok(doc)
    assert doc.media_type == "text/plain"
    assert len(doc.comments) == len(gold["comments"])
    found = {c.id: c for c in doc.comments}
    by_gold: dict[str, str] = {}
    for want, got in zip(gold["comments"], doc.comments, strict=True):
        assert _norm(doc.slice(got.span)).startswith(_norm(want["starts"])), want["id"]
        assert _norm(got.author).casefold() == _norm(want["author"]).casefold(), want["id"]
        by_gold[want["id"]] = got.id
        expected_parent = by_gold.get(want["parent"]) if want["parent"] else None
        assert found[got.id].parent == expected_parent, want["id"]
    body = doc.body_text()
    for want in gold["comments"]:
        assert _norm(want["starts"]) not in _norm(body), want["id"]


AEB_WITH_THREADS = ["232a43fb15ab", "3c6d3381ef52", "4219d096902d", "c582d3b77257"]


@pytest.mark.parametrize("prefix", AEB_WITH_THREADS)
def test_rendered_news_page_agrees_with_its_html(prefix: str) -> None:
    """Every aeb-dev news page with a thread (English and Russian; one agreed at once, three
    showed shapes the comments-dev pages lack): read from the rendered text, the thread has
    the authors, tree and texts the HTML reader finds in the markup."""
    import gzip

    (path,) = (corpus_path() / "aeb-dev" / "html").glob(f"{prefix}*.html.gz")
    raw = gzip.decompress(path.read_bytes())
    from_html = claimledger.analyze(raw, uri=str(path), nlp="none")
    text = inscriptis.get_text(raw.decode("utf-8", errors="replace"))
    from_text = claimledger.analyze(text.encode("utf-8"), uri=f"{prefix}.txt", nlp="none")
    assert_spans_ok(from_text)
    assert [(c.id, c.parent, c.author) for c in from_text.comments] == [
        (c.id, c.parent, c.author) for c in from_html.comments
    ]
    for got, want in zip(from_text.comments, from_html.comments, strict=True):
        assert _norm(from_text.slice(got.span)) == _norm(from_html.slice(want.span))
