"""Plain-text pages: the seed's document and comment parts, and the layout rules in general."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimledger
from claimledger.model import Document
from tests.conftest import assert_spans_ok


@pytest.fixture(scope="module")
def seed(corpus: Path) -> tuple[Document, dict]:
    path = corpus / "seed" / "raqqa-falls.txt"
    gold = json.loads((corpus / "seed" / "raqqa-falls.gold.json").read_text("utf-8"))
    return claimledger.analyze(path.read_bytes(), uri=str(path), nlp="none"), gold


def test_seed_text_is_the_input_unchanged(seed: tuple[Document, dict], corpus: Path) -> None:
    doc, _ = seed
    assert doc.text == (corpus / "seed" / "raqqa-falls.txt").read_text("utf-8")
    assert doc.media_type == "text/plain"
    assert_spans_ok(doc)


def test_seed_document_parts(seed: tuple[Document, dict]) -> None:
    doc, gold = seed
    g = gold["document"]
    assert doc.title is not None and doc.title.text == g["title"]
    kickers = [doc.slice(s.span) for s in doc.sections if s.kind == "kicker"]
    assert kickers == [g["kicker"]]
    paragraphs = [doc.slice(s.span) for s in doc.sections if s.kind == "paragraph"]
    assert len(paragraphs) == g["article_paragraphs"]
    assert paragraphs[0].startswith(g["first_paragraph_starts"])
    assert paragraphs[-1].startswith(g["last_paragraph_starts"])
    captions = [doc.slice(s.span) for s in doc.sections if s.kind == "caption"]
    assert captions == g["captions"]
    body = doc.body_text()
    for chrome in g["boilerplate"]:
        assert chrome not in body
    boiler = " ".join(doc.slice(s.span) for s in doc.sections if s.kind == "boilerplate")
    for chrome in ("Leave a Reply", "Hind Abyad Avatar"):
        assert chrome in boiler
    headers = [doc.slice(s.span) for s in doc.sections if s.kind == "comments_header"]
    assert len(headers) == 1 and headers[0].startswith("6 responses to")
    assert doc.declared_comment_count == g["declared_comment_count"]
    assert len(doc.comments) == g["found_comment_count"]


def test_seed_comment_tree(seed: tuple[Document, dict]) -> None:
    doc, gold = seed
    by_id = {c.id: c for c in doc.comments}
    for want in gold["comments"]:
        got = by_id[want["id"]]
        text = doc.slice(got.span)
        assert text.startswith(want["starts"]), (want["id"], text[:60])
        # a comment that quotes a passage may end on its closing quotation mark
        assert text.rstrip('”’"').endswith(want["ends"]), (want["id"], text[-60:])
        assert got.parent == want["parent"]
        assert got.author == want["author"]
    # no comment text in the article body, and no body paragraph inside a comment
    body = doc.body_text()
    for c in doc.comments:
        assert doc.slice(c.span)[:40] not in body
        for s in doc.body_sections():
            assert not (c.span[0] <= s.span[0] < c.span[1])


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = (
        "Flood waters rise in the valley\n\n"
        "Residents of the lower valley were told to leave their homes on Sunday as the river\n"
        "rose above its banks for the second time this month, officials said.\n\n"
        "The regional council said about 2,000 people had moved to shelters.\n"
    )
    doc = claimledger.analyze(text, uri="wrapped.txt", nlp="none")
    paragraphs = [doc.slice(s.span) for s in doc.sections if s.kind == "paragraph"]
    assert len(paragraphs) == 2
    assert "river\nrose" in paragraphs[0]
    assert_spans_ok(doc)


def test_one_paragraph_per_line_when_lines_are_long() -> None:
    long1 = "The first paragraph is a long line that no one would hard-wrap at this width, " * 2
    long2 = "The second paragraph is also long enough to be a paragraph of its own on a line. " * 2
    text = f"A headline\n\n{long1.strip()}\n{long2.strip()}\n"
    doc = claimledger.analyze(text, uri="lines.txt", nlp="none")
    assert [s.kind for s in doc.sections] == ["paragraph", "paragraph"]


def test_comment_thread_with_says_lines_and_flat_numbering() -> None:
    text = (
        "Council approves new budget\n\n"
        "The council approved the budget on Monday by seven votes to four.\n\n"
        "2 comments on “Council approves new budget”\n\n"
        "1. Pat Doyle says:\n"
        "   March 3, 2021 at 9:15 am\n"
        "   Seven to four is not a mandate.\n"
        "   Reply\n"
        "2. Lee Chan says:\n"
        "   The budget still cuts the library hours.\n\n"
        "Leave a Comment\n"
    )
    doc = claimledger.analyze(text, uri="council.txt", nlp="none")
    assert doc.declared_comment_count == 2
    assert [(c.id, c.parent, c.author) for c in doc.comments] == [
        ("c1", None, "Pat Doyle"),
        ("c2", None, "Lee Chan"),
    ]
    assert doc.comments[0].published == "March 3, 2021 at 9:15 am"
    assert doc.slice(doc.comments[0].span) == "Seven to four is not a mandate."
    assert_spans_ok(doc)


def test_other_language_comment_header() -> None:
    text = (
        "Neue Brücke eröffnet\n\n"
        "Die neue Brücke über den Fluss wurde am Samstag eröffnet, teilte die Stadt mit.\n\n"
        "3 Kommentare zu „Neue Brücke eröffnet“\n\n"
        "1. Endlich!\n"
        "   1. Das hat zu lange gedauert.\n"
        "2. Schön.\n"
    )
    doc = claimledger.analyze(text, uri="bruecke.txt", nlp="none")
    assert doc.declared_comment_count == 3
    assert [(c.id, c.parent) for c in doc.comments] == [("c1", None), ("c1.1", "c1"), ("c2", None)]
    assert "Endlich" not in doc.body_text()


def test_byline_dateline_and_an_unnumbered_thread_of_name_and_date_lines() -> None:
    """A scrape whose headline has a byline and a dateline under it, a kicker glued to the
    lead, a "Related:" line, and a thread where each comment opens with its author's name and a
    date line, replies indented under the comment they answer."""
    text = (
        "Rebels seize key border crossing as talks stall\n"
        "By Jane Okafor\n"
        "March 3, 2024\n\n"
        "SUDAN CONFLICTRebel fighters have seized the Adre border crossing, the army said.\n\n"
        "Related: Darfur’s forgotten war\n\n"
        "3 thoughts on “Rebels seize key border crossing as talks stall”\n\n"
        "    Ahmed K.\n"
        "    March 3, 2024 at 9:14 am\n\n"
        "    The army always says it will retake towns.\n\n"
        "        Mariam\n"
        "        March 3, 2024 at 10:02 am\n\n"
        "        Exactly. Nobody talks about Nyala.\n\n"
        "    Tom W\n"
        "    March 4, 2024 at 7:45 pm\n\n"
        "    What a situation for the people of Darfur.\n\n"
        "Leave a Reply\n"
    )
    doc = claimledger.analyze(text, uri="crossing.txt", nlp="none")
    assert_spans_ok(doc)
    assert doc.title is not None and doc.title.text.startswith("Rebels seize")
    assert doc.byline is not None and doc.byline.text == "Jane Okafor"
    assert doc.published == "2024-03-03"
    kinds = [(s.kind, doc.slice(s.span)) for s in doc.sections]
    assert ("kicker", "SUDAN CONFLICT") in kinds
    assert ("boilerplate", "Related: Darfur’s forgotten war") in kinds
    assert doc.body_text().startswith("Rebel fighters have seized")
    assert "Jane Okafor" not in doc.body_text()
    assert [(c.id, c.parent, c.author) for c in doc.comments] == [
        ("c1", None, "Ahmed K."),
        ("c1.1", "c1", "Mariam"),
        ("c2", None, "Tom W"),
    ]
    assert doc.comments[1].published == "March 3, 2024 at 10:02 am"
    assert doc.slice(doc.comments[1].span) == "Exactly. Nobody talks about Nyala."


def test_disqus_style_scrape_with_name_and_time_on_one_line() -> None:
    """ "Name • 2 hours ago" opens a comment, "Reply • Share ›" and "Sort by Best" are chrome,
    and a reply printed as "Name ParentName • time" answers ParentName."""
    text = (
        "Flooding kills dozens in northern province\n\n"
        "Heavy rains have killed at least 34 people, the disaster agency said on Thursday.\n\n"
        "3 Comments\n\n"
        "Sort by Best\n\n"
        "JohnDoe77 • 2 hours ago\n"
        "Climate change is real and this proves it again.\n"
        "Reply • Share ›\n\n"
        "    RealityCheck JohnDoe77 • an hour ago\n"
        "    It's the dams. I was there on March 3, 2024\n"
        "    and saw the gates open.\n"
        "    Reply • Share ›\n\n"
        "Anna P. — 3 hours ago\n"
        "My prayers to the families.\n"
    )
    doc = claimledger.analyze(text, uri="flood.txt", nlp="none")
    assert_spans_ok(doc)
    assert [(c.id, c.parent, c.author, c.published) for c in doc.comments] == [
        ("c1", None, "JohnDoe77", "2 hours ago"),
        ("c1.1", "c1", "RealityCheck", "an hour ago"),
        ("c2", None, "Anna P.", "3 hours ago"),
    ]
    assert doc.slice(doc.comments[1].span).endswith("and saw the gates open.")
    assert doc.published is None  # "2 hours ago" names no day


def test_a_header_without_a_count_opens_the_thread_only_before_comments() -> None:
    thread = (
        "    Ahmed K.\n"
        "    March 3, 2024 at 9:14 am\n\n"
        "    The army always says it will retake towns.\n"
    )
    page = "Rebels seize border crossing\n\nRebel fighters seized the crossing, the army said.\n\n"
    doc = claimledger.analyze(page + "Comments\n\n" + thread, uri="bare.txt", nlp="none")
    assert [(c.id, c.author) for c in doc.comments] == [("c1", "Ahmed K.")]
    assert doc.declared_comment_count is None
    assert "retake" not in doc.body_text()
    # a lone "Discussion" line followed by ordinary paragraphs is a heading, not a thread
    plain = page + "Discussion\n\nThe talks resume on Monday in Geneva, officials said.\n"
    doc = claimledger.analyze(plain, uri="plain.txt", nlp="none")
    assert doc.comments == []
    assert "Geneva" in doc.body_text()


def test_caption_labels_credits_and_story_lists_are_not_body() -> None:
    text = (
        "Hospital hit as shelling intensifies\n\n"
        "Advertisement\n\n"
        "Shelling struck a children's hospital on Friday, the regional governor said.\n\n"
        "Image caption: Firefighters at the hospital on Friday.\n\n"
        "Photograph: Reuters\n\n"
        "What we know so far\n\n"
        "- Two staff members were killed\n"
        "- Patients were moved to other hospitals\n\n"
        "Share this article\n\n"
        "Most read\n\n"
        "1. Ukraine war latest\n"
        "2. Markets fall on rate fears\n"
    )
    doc = claimledger.analyze(text, uri="hospital.txt", nlp="none")
    assert_spans_ok(doc)
    kinds = {doc.slice(s.span): s.kind for s in doc.sections}
    assert kinds["Image caption: Firefighters at the hospital on Friday."] == "caption"
    assert kinds["Photograph: Reuters"] == "boilerplate"
    assert kinds["What we know so far"] == "heading"
    assert kinds["Share this article"] == kinds["Most read"] == "boilerplate"
    assert kinds["1. Ukraine war latest"] == "boilerplate"
    body = doc.body_text()
    assert "Two staff members were killed" in body and "Markets" not in body


def test_markdown_from_a_scraper_keeps_words_not_marks() -> None:
    text = (
        "# Rebels seize key border crossing as talks stall\n\n"
        "*By Jane Okafor* | March 3, 2024\n\n"
        "Rebel fighters have seized the Adre border crossing, the army said on Monday.\n\n"
        "## What we know\n\n"
        "- At least 12 soldiers were killed, the army said.\n"
        "- More than 8,000 people crossed into Chad.\n\n"
        '> "We will retake it within days," said Brigadier Nabil Abdallah.\n'
        "> He spoke in Geneina.\n\n"
        "![Displaced families wait at the border](https://example.org/img.jpg)\n"
    )
    doc = claimledger.analyze(text, uri="crossing.md", nlp="none")
    assert_spans_ok(doc)
    assert doc.title is not None and doc.title.text.startswith("Rebels seize")
    assert doc.byline is not None and doc.byline.text == "Jane Okafor"
    assert doc.published == "2024-03-03"
    kinds = [(s.kind, doc.slice(s.span)) for s in doc.sections]
    assert ("heading", "What we know") in kinds
    assert ("caption", "Displaced families wait at the border") in kinds
    quote = next(piece for kind, piece in kinds if kind == "quote")
    assert quote.startswith('"We will retake it') and quote.endswith("He spoke in Geneina.")
