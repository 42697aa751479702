"""annotate(): engines, regions, partial parsing, flags and check-worthiness on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger
from claimledger.errors import ConfigError, E
from claimledger.model import Comment, Document, Section
from claimledger.nlp import annotate
from claimledger.nlp.checkworthy import ClaimSignals, check_worthiness, explain
from claimledger.nlp.modality import read_modality
from claimledger.nlp.pipeline import installed_models, load_engine, needs_parse, resolve_name
from claimledger.nlp.regions import build_regions
from tests.conftest import assert_spans_ok

MODEL = installed_models()[0] if installed_models() else None
needs_model = pytest.mark.skipif(MODEL is None, reason="no English spaCy pipeline installed")


@pytest.fixture(scope="module")
def seed_bytes(corpus: Path) -> bytes:
    return (corpus / "seed" / "raqqa-falls.txt").read_bytes()


def test_none_skips_language_work(seed_bytes: bytes) -> None:
    doc = claimledger.analyze(seed_bytes, uri="seed.txt", nlp="none")
    assert doc.pipeline is not None and doc.pipeline.nlp == "none"
    assert doc.claims == [] and doc.entities == [] and doc.figures == [] and doc.flags == []


def test_unknown_pipeline_is_a_config_error(seed_bytes: bytes) -> None:
    with pytest.raises(ConfigError) as caught:
        claimledger.analyze(seed_bytes, uri="seed.txt", nlp="xx_no_such_pipeline")
    assert caught.value.error is E.NO_MODEL
    assert "xx_no_such_pipeline" in caught.value.message


def test_default_is_the_best_installed_pipeline() -> None:
    assert resolve_name(None) == (MODEL or "rules")
    assert resolve_name("rules") == "rules"


def test_rules_record_is_deterministic_and_well_formed(seed_bytes: bytes) -> None:
    first = claimledger.analyze(seed_bytes, uri="seed.txt", nlp="rules")
    second = claimledger.analyze(seed_bytes, uri="seed.txt", nlp="rules")
    assert first.pipeline is not None and first.pipeline.nlp == "rules"
    assert first.to_json(timing=False) == second.to_json(timing=False)
    assert_spans_ok(first)
    assert first.claims and first.entities and first.figures
    assert [c.id for c in first.claims] == [f"k{n}" for n in range(1, len(first.claims) + 1)]
    assert [e.id for e in first.entities] == [f"e{n}" for n in range(1, len(first.entities) + 1)]
    starts = [c.span for c in first.claims]
    assert starts == sorted(starts)
    for claim in first.claims:
        assert 0.0 <= claim.check_worthy <= 1.0
        if claim.cue is None:
            assert claim.source is None and claim.quote == "none"
        for figure_id in claim.figures:
            assert next(f for f in first.figures if f.id == figure_id).claim == claim.id


@needs_model
def test_model_record_names_the_pipeline(seed_bytes: bytes) -> None:
    doc = claimledger.analyze(seed_bytes, uri="seed.txt", nlp=MODEL)
    assert doc.pipeline is not None and doc.pipeline.nlp.endswith(" 3.8.0")
    assert doc.pipeline.nlp.startswith("en_core_web_sm")
    assert_spans_ok(doc)


def test_regions_read_body_captions_and_each_comment(seed_bytes: bytes) -> None:
    doc = claimledger.analyze(seed_bytes, uri="seed.txt", nlp="none")
    regions = build_regions(doc)
    origins = {r.origin for r in regions}
    assert origins == {"article", "caption", "comment"}
    assert doc.title is not None
    assert all(r.start >= doc.title.span[1] for r in regions)  # the title is context only
    assert {r.comment for r in regions if r.origin == "comment"} == {c.id for c in doc.comments}
    for region in regions:
        piece = doc.text[region.start : region.end]
        assert piece and piece == piece.strip() and "\n\n" not in piece


def test_nested_comment_spans_are_read_once() -> None:
    text = "Parent says the bridge was destroyed on Monday.\n\nChild says it was not destroyed."
    doc = Document(
        id="",
        uri="mem",
        media_type="text/plain",
        text=text,
        comments=[
            Comment("c1", None, None, None, (0, len(text))),
            Comment("c1.1", "c1", None, None, (text.index("Child"), len(text))),
        ],
    )
    regions = build_regions(doc)
    assert [(r.comment, doc.text[r.start : r.end][:6]) for r in regions] == [
        ("c1", "Parent"),
        ("c1.1", "Child "),
    ]


def test_a_record_without_sections_is_read_by_paragraphs() -> None:
    text = "Officials said 12 people were killed.\n\nThe town was shelled on Sunday."
    doc = Document(id="", uri="mem", media_type="text/plain", text=text)
    assert annotate(doc, "rules") == "rules"
    assert_spans_ok(doc)
    assert {doc.slice(c.content[0]) for c in doc.claims if c.source is None} == {
        "The town was shelled on Sunday"
    }


@needs_model
def test_only_sentences_with_cues_or_quotes_are_parsed() -> None:
    engine = load_engine(MODEL)
    text = (
        "The convoy left at dawn. Residents fled the town. "
        "A witness said the bridge was destroyed. The road is closed."
    )
    (doc,) = engine.parse([text])
    assert doc.text == text
    tagged = {sent.text: any(t.tag_ for t in sent) for sent in doc.sents}
    assert tagged["A witness said the bridge was destroyed."] is True
    assert tagged["The convoy left at dawn."] is False
    assert tagged["The road is closed."] is False
    assert needs_parse("“We will win,” he told them.")
    assert not needs_parse("The convoy left at dawn.")


def test_captions_and_comments_keep_their_origin() -> None:
    text = (
        "Title\n\nThe army said 40 soldiers died.\n\nSoldiers at the front\n\nI saw 3 tanks burn."
    )
    body_start = text.index("The army")
    caption_start = text.index("Soldiers")
    comment_start = text.index("I saw")
    doc = Document(
        id="",
        uri="mem",
        media_type="text/plain",
        text=text,
        sections=[
            Section("paragraph", (body_start, text.index("\n\nSoldiers"))),
            Section("caption", (caption_start, text.index("\n\nI saw"))),
        ],
        comments=[Comment("c1", None, "Ann", None, (comment_start, len(text)))],
    )
    annotate(doc, "rules")
    assert_spans_ok(doc)
    by_origin = {(c.origin, c.comment) for c in doc.claims}
    assert ("article", None) in by_origin
    assert ("comment", "c1") in by_origin
    comment_claim = next(c for c in doc.claims if c.origin == "comment")
    assert comment_claim.source is None and comment_claim.quote == "none"


# -- flags ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "frame", "expected"),
    [
        ("fighting appeared to be almost at an end", "", (True, False, False)),
        ("the rebels may have withdrawn", "", (True, False, False)),
        ("the minister reportedly resigned", "", (True, False, False)),
        ("300 people were killed", "the ministry allegedly said", (True, False, False)),
        ("there had been no coalition air strikes there on Monday", "", (False, True, False)),
        ("the army did not enter the city", "", (False, True, False)),
        ("he never met the envoy", "", (False, True, False)),
        ("the alliance would capture the last areas within hours", "", (False, False, True)),
        ("Moscow will investigate the US", "", (False, False, True)),
        ("the vote is expected to pass", "", (False, False, True)),
        ("the talks were held in May in Geneva", "", (False, False, False)),
        ("fighters remained at the points where militants had not been", "", (False, False, False)),
        ("the strikes would have killed more", "", (False, False, False)),
        # main clauses longer than the first read of the words (60 characters)
        (
            "the commanders of the two armies met again at the border crossing and they "
            "will not sign anything, officials said",
            "",
            (False, True, True),
        ),
        (
            "the commanders of the two armies met again at the border crossing to sign the "
            "truce in May (which may not hold)",
            "",
            (False, False, False),
        ),
        (
            "the commanders of the two armies met again at the border crossing, which "
            "may never happen",
            "",
            (False, False, False),
        ),
    ],
)
def test_hedged_negated_future(content: str, frame: str, expected: tuple[bool, bool, bool]) -> None:
    flags = read_modality(content, frame)
    assert (flags.hedged, flags.negated, flags.future) == expected


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("the offensive began last week near the river", "time"),
        ("fighting resumed in 2016 after a lull", "time"),
        ("the talks collapsed on Thursday", "time"),
        ("You MUST read this report", "opinion"),
        ("In My Opinion the talks failed", "opinion"),
        ("an utterly disgraceful decision by the council", "opinion"),
        ("we saw the convoy leave", "first/second person"),
        ("three soldiers were wounded", "event"),
        ("Rebels said", "short"),
    ],
)
def test_score_terms_found_by_their_pretests(text: str, term: str) -> None:
    """Each term's cheap pre-test lets the pattern decide (any case, any position)."""
    signals = ClaimSignals(
        text=text, figures=0, attributed=False, named_source=False, abusive=False
    )
    assert term in {name for name, _ in explain(signals)}
    assert check_worthiness(signals) == round(
        min(1.0, max(0.0, sum(w for _, w in explain(signals)))), 2
    )


def test_check_worthiness_ranks_figures_and_actors_above_chatter() -> None:
    fact = ClaimSignals(
        text="the US deliberately let 1000 ISIS fighters escape from Raqqa on Tuesday",
        figures=1,
        attributed=False,
        named_source=False,
        abusive=False,
    )
    opinion = ClaimSignals(
        text="US should get out of Syria",
        figures=0,
        attributed=False,
        named_source=False,
        abusive=False,
    )
    rant = ClaimSignals(
        text="US shoul get the f’k out of Syria",
        figures=0,
        attributed=False,
        named_source=False,
        abusive=True,
    )
    chatter = ClaimSignals(
        text="A whole other reality is depicted from the other side",
        figures=0,
        attributed=False,
        named_source=False,
        abusive=False,
    )
    assert check_worthiness(fact) >= 0.7
    assert check_worthiness(opinion) < 0.3
    assert check_worthiness(rant) < 0.2
    assert check_worthiness(chatter) < 0.5
    assert dict(explain(fact))["figure"] == 0.30
    assert "opinion" in dict(explain(opinion))


def test_questions_are_not_claims() -> None:
    text = "When did the army ever respect anyone? The army shelled 3 villages on Monday."
    doc = Document(id="", uri="mem", media_type="text/plain", text=text)
    annotate(doc, "rules")
    contents = [doc.slice(c.content[0]) for c in doc.claims]
    assert contents == ["The army shelled 3 villages on Monday"]
    assert doc.claims[0].figures == ["f1"] and doc.figures[0].claim == "k1"


def test_abusive_language_in_comments_becomes_a_flag(seed_bytes: bytes) -> None:
    doc = claimledger.analyze(seed_bytes, uri="seed.txt", nlp="rules")
    assert doc.flags and all(f.kind == "abusive_language" for f in doc.flags)
    assert all(f.comment is not None for f in doc.flags)


def test_summary_tables_show_speakers_cues_and_figures(seed_bytes: bytes) -> None:
    from rich.console import Console

    from claimledger.nlp.render import render_claims

    doc = claimledger.analyze(seed_bytes, uri="seed.txt", nlp="rules")
    console = Console(record=True, width=220)
    render_claims(doc, console)
    out = console.export_text()
    assert f"Claims ({len(doc.claims)})" in out and f"Figures ({len(doc.figures)})" in out
    for expected in ("Syrian Observatory for Human Rights", "Sergei Lavrov (He)", "(outlet)"):
        assert expected in out
    assert "3,250" in out and "270,000" in out
    assert "abusive language in c1.1" in out


PAGE_WITH_LIST = (
    "Hospital hit as shelling intensifies\n\n"
    "Shelling struck a children's hospital on Friday, the regional governor said.\n\n"
    "What we know so far\n\n"
    "- Two staff members were killed\n"
    "- 11 people were wounded, including three children\n"
    "- Patients were moved to other hospitals\n"
)


@pytest.mark.parametrize("engine", ["rules", *installed_models()[:1]])
def test_each_list_item_is_a_claim_and_a_wh_label_is_none(engine: str) -> None:
    doc = claimledger.analyze(PAGE_WITH_LIST, uri="list.txt", nlp=engine)
    assert_spans_ok(doc)
    own = [doc.slice(k.content[0]) for k in doc.claims if k.source is None]
    assert own == [
        "Two staff members were killed",
        "11 people were wounded, including three children",
        "Patients were moved to other hospitals",
    ]
    wounded = next(k for k in doc.claims if doc.slice(k.span).startswith("11 people"))
    assert [f.text for f in doc.figures if f.id in wounded.figures] == ["11", "three"]


MARKDOWN_PAGE = (
    "# Rebels seize border crossing\n\n"
    "Rebel fighters have seized the [Adre border crossing](https://example.org/2024/12/adre),"
    " the army said on **Monday**.\n\n"
    "Read the report at https://example.org/reports/2024/99-killed.\n"
)


@pytest.mark.parametrize("engine", ["rules", *installed_models()[:1]])
def test_markdown_links_and_urls_are_read_as_words(engine: str) -> None:
    """Link marks and URLs are blanked for the language work only: the claim takes the link
    whole, and no number inside a URL becomes a figure."""
    doc = claimledger.analyze(MARKDOWN_PAGE, uri="links.md", nlp=engine)
    assert_spans_ok(doc)
    claim = next(k for k in doc.claims if k.cue is not None)
    assert doc.slice(claim.content[0]) == (
        "Rebel fighters have seized the [Adre border crossing](https://example.org/2024/12/adre)"
    )
    assert doc.slice(claim.source.span) == "the army"
    assert [f.text for f in doc.figures] == []
