# ruff: noqa: E501  (hand-written HTML fixtures keep their real line shapes)
"""The reader-comment tree: real comments-dev pages against their gold, hand-written markup for
systems the corpus lacks, and hostile pages (sidebars, bare forms, broken nesting, size)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from lxml import html as lxml_html

from claimledger.extract.html.comments import extract_comments
from claimledger.pipeline import analyze_bytes
from tests.conftest import assert_spans_ok

DEV_PAGES = [
    "aclu-facebook-tracking",
    "blogpython-360",
    "givewell-open-thread",
    "lemire-json-parsing",
    "luxuryhaven-hyatt",
    "mozhacks-fetch-api",
    "nervousbreakdown-heart",
    "paradigm-saraki",
]


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def comments_of(markup: str):
    return extract_comments(lxml_html.document_fromstring(markup))


@pytest.mark.parametrize("name", DEV_PAGES)
def test_dev_page_matches_gold(corpus: Path, name: str) -> None:
    dev = corpus / "comments-dev"
    gold = json.loads((dev / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    page = dev / "html" / f"{name}.html"
    doc = analyze_bytes(page.read_bytes(), uri=str(page), media_type="text/html")
    assert_spans_ok(doc)
    assert len(doc.comments) == len(gold["comments"])
    gold_to_pred: dict[str, str] = {}
    body = norm(doc.body_text())
    for g, c in zip(gold["comments"], doc.comments, strict=True):
        text = norm(doc.slice(c.span))
        assert text.startswith(norm(g["starts"])), (c.id, text[:80])
        assert norm(c.author).casefold() == norm(g["author"]).casefold()
        assert c.published == g["date"]
        gold_to_pred[g["id"]] = c.id
        expected_parent = gold_to_pred[g["parent"]] if g["parent"] else None
        assert c.parent == expected_parent
        # The comment never leaks into the article body.
        assert text[:60] not in body
    if gold["declared_comment_count"] is not None:
        assert doc.declared_comment_count == gold["declared_comment_count"]


def test_wordpress_header_and_form_are_thread_nodes(corpus: Path) -> None:
    page = corpus / "comments-dev" / "html" / "nervousbreakdown-heart.html"
    parts = extract_comments(lxml_html.document_fromstring(page.read_text(encoding="utf-8")))
    assert parts.system == "html"
    assert parts.header and parts.header.startswith("11 responses to")
    ids = {n.get("id") for n in parts.nodes}
    assert "respond" in ids and "comments" in ids


JSONLD_THREAD = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Dam report",
 "commentCount": 3,
 "comment": [
  {"@type": "Comment", "@id": "#c-10", "author": {"@type": "Person", "name": "Rana"},
   "datePublished": "2023-05-02T10:00:00Z", "text": "The dam figures look low to me."},
  {"@type": "Comment", "@id": "#c-11", "author": {"@type": "Person", "name": "Omar"},
   "datePublished": "2023-05-02T11:00:00Z", "parentItem": {"@id": "#c-10"},
   "text": "The ministry revised them twice."},
  {"@type": "Comment", "@id": "#c-12", "author": "Lea", "dateCreated": "2023-05-03",
   "text": "Source?\\n\\nNobody links one."}
 ]}
</script></head><body><article><p>Body.</p></article></body></html>"""


def test_jsonld_comments_with_parent_item() -> None:
    parts = comments_of(JSONLD_THREAD)
    assert [c.author for c in parts.comments] == ["Rana", "Omar", "Lea"]
    assert parts.comments[1].parent == parts.comments[0].id
    assert parts.comments[2].parent is None
    assert parts.comments[2].paragraphs == ["Source?", "Nobody links one."]
    assert parts.declared_count == 3


MICRODATA_USERCOMMENTS = """<html><body><article><p>Story.</p></article>
<div id="comments"><h3>2 Kommentare</h3>
 <div itemscope itemtype="http://schema.org/UserComments" id="uc1">
  <span itemprop="creator" itemscope itemtype="http://schema.org/Person">
   <span itemprop="name">Jörg</span></span>
  <time itemprop="commentTime" datetime="2012-04-01">1. April 2012</time>
  <p itemprop="commentText">Die Zahlen stimmen nicht.</p>
 </div>
 <div itemscope itemtype="http://schema.org/UserComments" id="uc2">
  <span itemprop="creator">Anke</span>
  <time itemprop="commentTime">2. April 2012</time>
  <p itemprop="commentText">Doch, laut Ministerium.</p>
  <a itemprop="replyToUrl" href="#uc1">Antwort auf Jörg</a>
 </div>
</div></body></html>"""


def test_microdata_usercomments_in_german() -> None:
    parts = comments_of(MICRODATA_USERCOMMENTS)
    assert parts.system == "schema.org"
    assert [(c.author, c.published) for c in parts.comments] == [
        ("Jörg", "1. April 2012"),
        ("Anke", "2. April 2012"),
    ]
    assert parts.comments[0].paragraphs == ["Die Zahlen stimmen nicht."]
    assert parts.comments[1].parent == parts.comments[0].id
    assert parts.declared_count == 2
    assert parts.header == "2 Kommentare"


DSQ_FALLBACK = """<html><body><div class="entry"><p>Post.</p></div>
<div id="disqus_thread"><div id="dsq-content"><ul id="dsq-comments">
 <li class="comment" id="dsq-comment-1"><div id="dsq-comment-header-1" class="dsq-comment-header">
  <cite id="dsq-cite-1"><a href="http://a.example">Mira</a></cite></div>
  <div id="dsq-comment-body-1" class="dsq-comment-body">
   <div id="dsq-comment-message-1" class="dsq-comment-message">Great summary of the vote.</div>
  </div>
  <ul class="children">
   <li class="comment" id="dsq-comment-2"><div class="dsq-comment-header">
    <cite>Pavel</cite></div><div class="dsq-comment-body">
    <div class="dsq-comment-message">Agreed, but the turnout was 40%.</div></div></li>
  </ul>
 </li>
 <li class="comment" id="dsq-comment-3"><div class="dsq-comment-header"><cite>Ines</cite></div>
  <div class="dsq-comment-body"><div class="dsq-comment-message">First time here.</div></div></li>
</ul></div></div></body></html>"""


def test_disqus_seo_fallback_has_authors_and_nesting() -> None:
    parts = comments_of(DSQ_FALLBACK)
    assert [c.author for c in parts.comments] == ["Mira", "Pavel", "Ines"]
    assert [c.parent for c in parts.comments] == [None, parts.comments[0].id, None]
    assert parts.comments[1].paragraphs == ["Agreed, but the turnout was 40%."]


DISCOURSE_CRAWLER = """<html><body><h1>Road closures in Mosul</h1>
<div id="post_1" itemscope itemtype="http://schema.org/DiscussionForumPosting"
 class="topic-body crawler-post">
 <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope
  itemtype="http://schema.org/Person"><a itemprop="url" href="/u/nadia"><span itemprop="name">nadia</span></a></span>
 <span class="crawler-post-infos"><time itemprop="datePublished" datetime="2020-03-01T10:00:00Z"
  class="post-time">March 1, 2020, 10:00am</time><span itemprop="position">1</span></span></div>
 <div class="post" itemprop="articleBody"><p>Which roads are closed?</p></div>
</div>
<div id="post_2" itemprop="comment" itemscope itemtype="http://schema.org/Comment"
 class="topic-body crawler-post">
 <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope
  itemtype="http://schema.org/Person"><a itemprop="url" href="/u/sam"><span itemprop="name">sam</span></a></span>
 <span class="crawler-post-infos"><time itemprop="datePublished" datetime="2020-03-01T11:00:00Z"
  class="post-time">March 1, 2020, 11:04am</time><span itemprop="position">2</span></span></div>
 <div class="post" itemprop="text"><p>The old bridge, since Tuesday.</p></div>
</div>
<div id="post_3" itemprop="comment" itemscope itemtype="http://schema.org/Comment"
 class="topic-body crawler-post">
 <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope
  itemtype="http://schema.org/Person"><a itemprop="url" href="/u/lu"><span itemprop="name">lu</span></a></span>
 <span class="crawler-post-infos"><time itemprop="datePublished" class="post-time">March 2, 2020,
  9:00am</time><span itemprop="position">3</span></span></div>
 <div class="post" itemprop="text"><p>Also the airport road.</p><p>Checkpoints too.</p></div>
</div></body></html>"""


def test_discourse_crawler_view_is_flat_and_skips_the_topic() -> None:
    parts = comments_of(DISCOURSE_CRAWLER)
    assert [c.author for c in parts.comments] == ["sam", "lu"]
    assert all(c.parent is None for c in parts.comments)
    assert parts.comments[0].published == "March 1, 2020, 11:04am"
    assert parts.comments[1].paragraphs == ["Also the airport road.", "Checkpoints too."]


GENERIC_NESTED = """<html><body><main><p>Article text here.</p></main>
<section class="discussion-area"><h2>Reacties (3)</h2>
 <ol class="posts">
  <li class="post"><span class="who">Femke</span> <span class="when">12-03-2019 14:02</span>
   <p>Dit klopt niet helemaal.</p>
   <ol class="posts-nested">
    <li class="post"><span class="who">Bram</span> <span class="when">12-03-2019 15:40</span>
     <p>Wel volgens het CBS.</p></li>
   </ol></li>
  <li class="post"><span class="who">Sanne</span> <span class="when">13-03-2019 09:12</span>
   <p>Goed stuk.</p><p>Meer graag.</p></li>
 </ol></section></body></html>"""


def test_generic_nested_list_in_a_discussion_container() -> None:
    parts = comments_of(GENERIC_NESTED)
    assert parts.system == "generic"
    assert [(c.author, c.published) for c in parts.comments] == [
        ("Femke", "12-03-2019 14:02"),
        ("Bram", "12-03-2019 15:40"),
        ("Sanne", "13-03-2019 09:12"),
    ]
    assert [c.parent for c in parts.comments] == [None, parts.comments[0].id, None]
    assert parts.comments[2].paragraphs == ["Goed stuk.", "Meer graag."]
    assert parts.declared_count == 3


RECENT_COMMENTS_SIDEBAR = """<html><body><article><h1>Budget</h1><p>The budget passed.</p></article>
<aside id="secondary"><section id="recent-comments-2" class="widget widget_recent_comments">
 <h2 class="widget-title">Recent Comments</h2><ul id="recentcomments">
 <li class="recentcomments comment"><span class="comment-author-link">Ann</span> on
  <a href="/other-post/#comment-5">Other post</a></li>
 <li class="recentcomments comment"><span class="comment-author-link">Bob</span> on
  <a href="/third/#comment-9">Third post</a></li></ul></section>
<div class="widget"><ul><li><a href="/x/">X</a> <span class="comments">10 comments</span></li></ul></div>
</aside></body></html>"""


def test_recent_comments_sidebar_is_not_a_thread() -> None:
    parts = comments_of(RECENT_COMMENTS_SIDEBAR)
    assert parts.comments == []
    assert parts.declared_count is None


FORM_ONLY = """<html><body><article><p>Story with no comments yet.</p></article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form"><p class="comment-notes">Your email address will
not be published.</p><textarea name="comment"></textarea></form></div></div>
<div id="disqus_thread"></div><noscript>Please enable JavaScript to view the comments.</noscript>
</body></html>"""


def test_comment_form_without_comments() -> None:
    parts = comments_of(FORM_ONLY)
    assert parts.comments == []
    assert any(n.get("id") in ("respond", "comments") for n in parts.nodes)


BROKEN_LI = """<html><body><div id="comments"><h3>3 responses</h3><ol class="commentlist">
<li class="comment depth-1" id="comment-1"><div class="comment-author vcard"><cite class="fn">Ada</cite>
 says:</div><div class="comment-meta commentmetadata"><a href="#comment-1">May 1, 2020 at 9:00 am</a></div>
 <p>Top level.</p></li>
<ul class="children">
 <li class="comment depth-2" id="comment-2"><div class="comment-author vcard"><cite class="fn">Ben</cite>
  says:</div><div class="comment-meta commentmetadata"><a href="#comment-2">May 1, 2020 at 10:00 am</a></div>
  <p>A reply.</p></li>
</ul>
<li class="comment depth-1" id="comment-3"><div class="comment-author vcard"><cite class="fn">Cy</cite>
 says:</div><div class="comment-meta commentmetadata"><a href="#comment-3">May 2, 2020 at 9:00 am</a></div>
 <p>Another top.</p><div class="reply"><a href="?replytocom=3#respond">Reply</a></div></li>
</ol></div></body></html>"""


def test_broken_li_before_children_keeps_the_reply() -> None:
    parts = comments_of(BROKEN_LI)
    assert [c.author for c in parts.comments] == ["Ada", "Ben", "Cy"]
    assert [c.parent for c in parts.comments] == [None, parts.comments[0].id, None]
    assert parts.comments[2].paragraphs == ["Another top."]
    assert parts.declared_count == 3


def _wp_item(n: int, inner: str = "") -> str:
    return (
        f'<li class="comment" id="comment-{n}"><div class="comment-body">'
        f'<div class="comment-author vcard"><b class="fn">user{n}</b> <span class="says">says:</span>'
        f'</div><div class="comment-metadata"><a href="#comment-{n}"><time>June {n % 28 + 1}, 2021'
        f'</time></a></div><div class="comment-content"><p>Comment number {n}.</p></div>'
        f'<div class="reply">Reply</div></div>{inner}</li>'
    )


def test_five_thousand_comments() -> None:
    items = "".join(_wp_item(n) for n in range(5000))
    markup = (
        f'<html><body><div id="comments"><ol class="comment-list">{items}</ol></div></body></html>'
    )
    parts = comments_of(markup)
    assert len(parts.comments) == 5000
    assert parts.comments[4999].paragraphs == ["Comment number 4999."]
    assert parts.comments[4999].author == "user4999"
    assert all(c.parent is None for c in parts.comments)


def test_deeply_nested_replies() -> None:
    depth = 60
    inner = ""
    for n in range(depth, 0, -1):
        inner = _wp_item(n, f'<ol class="children">{inner}</ol>' if inner else "")
    markup = (
        f'<html><body><div id="comments"><ol class="comment-list">{inner}</ol></div></body></html>'
    )
    doc = analyze_bytes(markup.encode(), uri="deep.html", media_type="text/html")
    assert_spans_ok(doc)
    assert len(doc.comments) == depth
    assert doc.comments[0].parent is None
    for parent, child in zip(doc.comments, doc.comments[1:], strict=False):
        assert child.parent == parent.id
    assert doc.comments[-1].id.count(".") == depth - 1
    assert doc.slice(doc.comments[-1].span) == f"Comment number {depth}."


def test_reply_nested_straight_inside_its_parent_div(corpus: Path) -> None:
    """A WordPress 'div' walker leaves a comment's div open around its replies, with no list
    between; the reply is a comment of its own, and the count sits in a title box before the
    thread (a real recipe page of aeb-dev)."""
    import gzip

    path = (
        corpus
        / "aeb-dev"
        / "html"
        / "4219d096902dad9fd9d57e881e7928ca66bdf5334c2bc7dfddaa264887777a7a.html.gz"
    )
    doc = analyze_bytes(gzip.decompress(path.read_bytes()), uri=str(path), nlp="none")
    assert_spans_ok(doc)
    assert [(c.id, c.parent, c.author) for c in doc.comments] == [
        ("c1", None, "Cherie McCluney"),
        ("c1.1", "c1", "Regan"),
    ]
    assert doc.slice(doc.comments[1].span).startswith("Hi Cherie,")
    assert "Hi Cherie" not in doc.slice(doc.comments[0].span)
    assert doc.declared_comment_count == 2
