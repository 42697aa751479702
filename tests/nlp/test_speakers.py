"""Speakers: mentions read into name/role/affiliation, acronyms, variants, pronouns, unnamed."""

from __future__ import annotations

import random
import re

import pytest

from claimledger.model import Claim, Comment, Document, Section
from claimledger.nlp import annotate
from claimledger.nlp.pipeline import installed_models
from claimledger.nlp.speakers import (
    SourceRef,
    SpeakerResolver,
    _stands_alone,
    capitalised_names,
    find_acronyms,
    parse_mention,
)
from tests.conftest import assert_spans_ok

ENGINES = ["rules", *installed_models()[:1]]


@pytest.mark.parametrize(
    ("mention", "name", "kind", "role", "affiliation"),
    [
        ("Colonel Ryan Dillon, a spokesman for the coalition", "Ryan Dillon", "person",
         "spokesman for the coalition", "coalition"),
        ("SDF spokesman Talal Silo", "Talal Silo", "person", "SDF spokesman", "SDF"),
        ("Russia’s Minister of Foreign Affairs Sergei Lavrov", "Sergei Lavrov", "person",
         "Russia’s Minister of Foreign Affairs", "Russia"),
        ("Secretary of State John Kerry", "John Kerry", "person", "Secretary of State", None),
        ("the Syrian Observatory for Human Rights (SOHR)", "Syrian Observatory for Human Rights",
         "organisation", None, None),
        ("Save The Children", "Save The Children", "organisation", None, None),
        ("An SDF spokesman", "an SDF spokesman", "unnamed", None, "SDF"),
        ("a local field commander", "a local field commander", "unnamed", None, None),
        ("Pentagon officials", "Pentagon officials", "unnamed", None, "Pentagon"),
        ("the US", "US", "country", None, None),
    ],
)  # fmt: skip
def test_mention_is_read_into_name_role_and_affiliation(
    mention: str, name: str, kind: str, role: str | None, affiliation: str | None
) -> None:
    info = parse_mention(mention)
    assert (info.name, info.kind, info.role, info.affiliation) == (name, kind, role, affiliation)


def test_acronym_definitions_need_matching_initials() -> None:
    text = (
        "The Syrian Democratic Forces (SDF), an alliance of militias, advanced. "
        "The Syrian Observatory for Human Rights (SOHR) counted the dead. "
        "He spoke on Monday (ET) to the Army (USA)."
    )
    found = {(a.short, a.full, a.descriptor) for a in find_acronyms(text)}
    assert found == {
        ("SDF", "Syrian Democratic Forces", "alliance"),
        ("SOHR", "Syrian Observatory for Human Rights", None),
    }


def _doc(text: str, comment_from: str | None = None) -> Document:
    sections: list[Section] = []
    comments: list[Comment] = []
    end = text.index(comment_from) if comment_from else len(text)
    start = 0
    for block in text[:end].split("\n\n"):
        block_start = text.index(block, start)
        if block.strip():
            sections.append(Section("paragraph", (block_start, block_start + len(block.rstrip()))))
        start = block_start + len(block)
    if comment_from:
        comments.append(Comment("c1", None, "Reader", None, (end, len(text))))
    return Document(
        id="", uri="mem", media_type="text/plain", text=text, sections=sections, comments=comments
    )


def _speaker(doc: Document, claim: Claim) -> str | None:
    if claim.source is None or claim.source.entity is None:
        return None
    return next(e.name for e in doc.entities if e.id == claim.source.entity)


def _claims_with(doc: Document, words: str) -> list[Claim]:
    return [c for c in doc.claims if any(words in doc.slice(p) for p in c.content)]


@pytest.mark.parametrize("engine", ENGINES)
def test_name_variants_are_one_speaker(engine: str) -> None:
    doc = _doc(
        "Colonel Ryan Dillon, a spokesman for the coalition, said the city was almost cleared."
        "\n\nCol Dillon said there had been no air strikes on Monday."
        "\n\nDillon said the mines would take months to clear."
    )
    annotate(doc, engine)
    assert_spans_ok(doc)
    speakers = {_speaker(doc, c) for c in doc.claims if c.cue}
    assert speakers == {"Ryan Dillon"}
    entity = next(e for e in doc.entities if e.name == "Ryan Dillon")
    assert entity.kind == "person"
    assert entity.role == "spokesman for the coalition"
    assert {"Colonel Ryan Dillon", "Col Dillon"} <= set(entity.aliases)
    assert len(entity.mentions) >= 3


@pytest.mark.parametrize("engine", ENGINES)
def test_pronouns_follow_gender_and_person_versus_organisation(engine: str) -> None:
    doc = _doc(
        "Hillary Clinton said the plan would fail."
        "\n\nThe Syrian Observatory for Human Rights (SOHR) said 20 people were killed in Idlib."
        "\n\nShe said the vote would be close. It said the toll would rise."
    )
    annotate(doc, engine)
    assert_spans_ok(doc)
    she = _claims_with(doc, "the vote would be close")
    it = _claims_with(doc, "the toll would rise")
    assert she and _speaker(doc, she[0]) == "Hillary Clinton"
    assert it and _speaker(doc, it[0]) == "Syrian Observatory for Human Rights"
    sohr = next(e for e in doc.entities if e.name == "Syrian Observatory for Human Rights")
    assert "SOHR" in sohr.aliases and sohr.kind == "organisation"


@pytest.mark.parametrize("engine", ENGINES)
def test_unnamed_sources_stay_unnamed_with_their_affiliation(engine: str) -> None:
    doc = _doc(
        "The Syrian Democratic Forces (SDF) entered the city on Monday."
        "\n\nAn SDF spokesman said the last districts would fall within hours."
        "\n\nA witness said the shelling had stopped."
        "\n\nThe spokesman said 40 fighters had surrendered."
    )
    annotate(doc, engine)
    assert_spans_ok(doc)
    first = _claims_with(doc, "the last districts would fall")[0]
    later = _claims_with(doc, "40 fighters had surrendered")[0]
    witness = _claims_with(doc, "the shelling had stopped")[0]
    spokesman = next(e for e in doc.entities if e.id == first.source.entity)  # type: ignore[union-attr]
    assert spokesman.kind == "unnamed" and spokesman.name == "an SDF spokesman"
    assert spokesman.affiliation == "Syrian Democratic Forces"
    assert later.source is not None and later.source.entity == spokesman.id
    assert _speaker(doc, witness) == "a witness"
    assert first.future is True


@pytest.mark.parametrize("engine", ENGINES)
def test_pronouns_do_not_cross_from_the_article_into_a_comment(engine: str) -> None:
    doc = _doc(
        "Sergei Lavrov said Moscow would investigate the convoy.\n\nHe said that nobody cares.",
        comment_from="He said",
    )
    annotate(doc, engine)
    assert_spans_ok(doc)
    in_comment = [c for c in doc.claims if c.origin == "comment" and c.source]
    assert in_comment and in_comment[0].source is not None
    assert in_comment[0].source.entity is None
    article = [c for c in doc.claims if c.origin == "article" and c.source]
    assert article and _speaker(doc, article[0]) == "Sergei Lavrov"


def test_resolver_links_variants_and_pronouns_on_its_own() -> None:
    """The resolver alone (no attribution, no model): sources given by hand."""
    text = (
        "Russia’s Minister of Foreign Affairs Sergei Lavrov says Moscow will investigate. "
        "He said the zone was agreed. According to Lavrov, the talks go on. "
        "“I hope this is not deliberate,” he added."
    )
    mentions = ["Russia’s Minister of Foreign Affairs Sergei Lavrov", "He", "Lavrov", "he"]
    refs = []
    cursor = 0
    for key, mention in enumerate(mentions):
        start = text.index(mention, cursor)
        refs.append(SourceRef(key, (start, start + len(mention)), mention, "c3", []))
        cursor = start + len(mention)
    from claimledger.nlp.speakers import Candidate

    candidates = [
        Candidate(span, text[span[0] : span[1]], "c3", None)
        for span in capitalised_names(text, 0, len(text))
    ]
    resolver = SpeakerResolver(text, find_acronyms(text), candidates)
    resolved = resolver.resolve(refs)
    names = [resolved[k].name if resolved[k] else None for k in range(len(mentions))]
    assert names == ["Sergei Lavrov"] * 4
    entities, _ = resolver.entities_out()
    lavrov = next(e for e in entities if e.name == "Sergei Lavrov")
    assert lavrov.role == "Russia’s Minister of Foreign Affairs"
    assert lavrov.affiliation == "Russia"
    assert "Lavrov" in lavrov.aliases


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lone_surname_takes_the_full_name_seen_before(engine: str) -> None:
    doc = _doc(
        "Green Party presidential candidate Jill Stein was escorted off the campus on Monday."
        "\n\nStein spokeswoman Melezia Figueroa said the candidate was headed to an interview."
        "\n\nStein said she would join the protest."
    )
    annotate(doc, engine)
    assert_spans_ok(doc)
    claim = _claims_with(doc, "join the protest")[0]
    stein = next(e for e in doc.entities if e.id == claim.source.entity)  # type: ignore[union-attr]
    assert (stein.name, stein.kind) == ("Jill Stein", "person")
    figueroa = next(e for e in doc.entities if e.name == "Melezia Figueroa")
    assert figueroa.role == "Stein spokeswoman" and figueroa.affiliation == "Jill Stein"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_capital_acting_for_its_government_is_the_country(engine: str) -> None:
    doc = _doc(
        "The US said the talks would go on.\n\n"
        "Moscow is investigating Washington over the convoy, the minister said.\n\n"
        "The minister flew to Washington on Monday and met George Washington Smith there."
    )
    annotate(doc, engine)
    assert_spans_ok(doc)
    us = next(e for e in doc.entities if e.name == "United States")
    assert "Washington" in us.aliases
    mentioned = [doc.text[s:e] for s, e in us.mentions]
    assert mentioned.count("Washington") == 1  # not "to Washington", not "George Washington"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bare_affiliation_takes_the_name_the_page_gives_it(engine: str) -> None:
    doc = _doc(
        "Air strikes by a Saudi-led coalition hit the port on Sunday.\n\n"
        "The port is closed, said Colonel Turki Maliki, a spokesman for the coalition."
    )
    annotate(doc, engine)
    entity = next(e for e in doc.entities if e.name == "Turki Maliki")
    assert entity.affiliation == "Saudi-led coalition"


@pytest.mark.parametrize("engine", ENGINES)
def test_no_affiliation_from_a_place_or_a_capital_that_only_opens_the_sentence(
    engine: str,
) -> None:
    doc = _doc(
        "Aid workers said the road was cut, leaving no route for aid.\n\n"
        "The water came at night, said Maria Santos, a resident of the town."
    )
    annotate(doc, engine)
    by_name = {e.name: e for e in doc.entities}
    assert by_name["Aid workers"].affiliation is None
    assert by_name["Maria Santos"].affiliation is None
    assert by_name["Maria Santos"].role == "resident of the town"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_well_known_acronym_is_its_body_unless_the_page_defines_it(engine: str) -> None:
    doc = _doc(
        "The United Nations said the truce held.\n\n"
        "“The guns are silent,” said UN envoy Omar Haddad."
    )
    annotate(doc, engine)
    envoy = next(e for e in doc.entities if e.name == "Omar Haddad")
    assert envoy.affiliation == "United Nations"
    doc = _doc("The league has grown, the World Hockey Organisation (WHO) said on Tuesday.")
    annotate(doc, engine)
    assert [e.name for e in doc.entities] == ["World Hockey Organisation"]


def test_a_word_stands_alone_where_the_pattern_finds_it() -> None:
    """``_stands_alone`` (str.find and a look at each neighbour) answers as the pattern
    ``(?<![\\w-])key(?![\\w-])`` does, for words, dotted and hyphenated keys and the empty one."""
    randomly = random.Random(11)
    letters = list("ab -._é")
    found = 0
    for _ in range(20_000):
        text = "".join(randomly.choice(letters) for _ in range(randomly.randint(0, 12)))
        key = "".join(randomly.choice(letters) for _ in range(randomly.randint(0, 3)))
        expected = re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text) is not None
        assert _stands_alone(text, key) == expected, (text, key)
        found += expected
    assert 1_000 < found < 19_000


def test_names_are_read_only_from_the_regions_a_pronoun_or_surname_reaches() -> None:
    """Regions hand over their names on first need: a pronoun reads the regions before it, a
    lone surname the regions that hold it; the answers are those of the whole list."""
    paragraphs = [
        "Senator Jane Okafor visited the port on Monday.",
        "She said the cranes would be replaced.",
        "Okafor later met the harbour master, Tom Reyes.",
        "Mayor Paul Lindqvist was not at the port.",
        "Reyes said the work starts in May.",
    ]
    text = "\n\n".join(paragraphs)
    bounds = []
    for paragraph in paragraphs:
        start = text.index(paragraph)
        bounds.append((start, start + len(paragraph)))
    from claimledger.nlp.speakers import Candidate, CandidateRegion

    def names(start: int, end: int) -> list[Candidate]:
        return [
            Candidate(span, text[span[0] : span[1]], "article", None)
            for span in capitalised_names(text, start, end)
        ]

    read: list[int] = []

    def reader(index: int):
        def read_names() -> list[Candidate]:
            read.append(index)
            return names(*bounds[index])

        return read_names

    refs = [
        SourceRef(0, (bounds[1][0], bounds[1][0] + 3), "She", "article", []),
        SourceRef(1, (bounds[4][0], bounds[4][0] + 5), "Reyes", "article", []),
    ]
    regions = [CandidateRegion("article", s, e, reader(i)) for i, (s, e) in enumerate(bounds)]
    lazy = SpeakerResolver(text, [], regions=regions).resolve(refs)
    every = [cand for s, e in bounds for cand in names(s, e)]
    whole = SpeakerResolver(text, [], every).resolve(refs)
    assert [lazy[k].name for k in (0, 1)] == [whole[k].name for k in (0, 1)]
    assert (lazy[0].name, lazy[1].name) == ("Jane Okafor", "Tom Reyes")
    # the pronoun reads the paragraph before it, the surname the first one holding it: the
    # mayor's paragraph is never read
    assert sorted(read) == [0, 2]
