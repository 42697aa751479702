"""The language work leaves alone text that plainly is not English, and only that."""

from __future__ import annotations

import re
from pathlib import Path

import claimledger
from claimledger import language
from claimledger.language import not_english
from claimledger.nlp.regions import build_regions

_GERMAN_PAGE = "57b4dafd18cfd0531b69"  # a German recipe page (lang="de")
_RUSSIAN_PAGE = "3c6d3381ef52ca26be2f"  # a Russian recipe round-up (lang="ru")
_ENGLISH_LISTS = "5f03fc173ebc6abdfae5"  # an English meal plan: lists, few function words
_INDONESIAN_PAGE = "7837c9d66c815b9a21dd"  # an Indonesian forum thread (lang="id")


def _page(corpus: Path, prefix: str) -> Path:
    return next((corpus / "aeb-dev" / "html").glob(prefix + "*.html.gz"))


def _body(doc: claimledger.Document) -> list[str]:
    return [doc.text[r.start : r.end] for r in build_regions(doc) if r.origin != "comment"]


def test_other_languages_are_named_and_english_is_not(corpus: Path) -> None:
    for prefix, expected in (
        (_GERMAN_PAGE, "de"),
        (_RUSSIAN_PAGE, "ru"),
        (_INDONESIAN_PAGE, "id"),
        (_ENGLISH_LISTS, None),
    ):
        path = _page(corpus, prefix)
        doc = claimledger.analyze(path.read_bytes(), uri=str(path), nlp="none")
        assert not_english(_body(doc), doc.language) == expected, path.name
    for path in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))[:40]:
        assert not_english([path.read_text()], None) is None, path.name


def test_a_declared_language_alone_never_decides() -> None:
    english = ["The minister said on Monday that the talks would resume in the spring."] * 5
    assert not_english(english, "ru") is None  # a template's wrong lang attribute
    russian = ["Министр заявил в понедельник, что переговоры возобновятся весной."] * 8
    assert not_english(russian, "ru") == "ru"
    assert not_english(russian, None) == "a non-Latin script"
    assert not_english(["Ja."], "de") is None  # too little text to tell


def test_a_german_page_gets_no_english_language_work(corpus: Path) -> None:
    path = _page(corpus, _GERMAN_PAGE)
    doc = claimledger.analyze(path.read_bytes(), uri=str(path), nlp="rules")
    assert doc.pipeline.nlp == "none (the text reads as de; the language work reads English)"
    assert (doc.claims, doc.entities, doc.figures, doc.flags) == ([], [], [], [])
    assert doc.sections and doc.text  # the page itself is all there


def test_an_english_page_declared_russian_is_read() -> None:
    html = (
        b'<html lang="ru"><head><title>Talks resume</title></head><body><article>'
        b"<h1>Talks resume</h1><p>The minister said on Monday that the talks would resume in "
        b"the spring, and that 40 delegates had been invited to the capital.</p>"
        b"<p>Officials told reporters that the first round was expected to last two weeks.</p>"
        b"</article></body></html>"
    )
    doc = claimledger.analyze(html, uri="memory.html", nlp="rules")
    assert doc.pipeline.nlp == "rules"
    assert any(c.cue for c in doc.claims)
    assert any(f.value == 40 for f in doc.figures)


def test_the_quick_reads_count_what_the_regex_reads(corpus: Path) -> None:
    """Words read as ASCII once curly quotes and dashes are spaces, and the script judged
    without a regex when too few characters could be other letters: the same answers."""
    texts = [p.read_text() for p in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))[:30]]
    texts += [
        "“Ça va,” he said — naïve café—straße’s 10\xa0km…",
        "Министр заявил — «переговоры» возобновятся… " * 10,
        "’“—…" * 200 + "Я" * 99,  # many marks, 99 other letters: too few to decide
        "’“—…" * 200 + "Я" * 101 + "a" * 99,  # 101 other letters outnumber 99 Latin ones
    ]
    for text in texts:
        folded = text.casefold()
        assert language._words(folded) == re.findall(r"\w+", folded)
        other = len(re.findall(r"[^\W\d_A-Za-z\u00c0-\u024f]", text))
        latin = len(re.findall(r"[A-Za-z\u00c0-\u024f]", text))
        expected = other + latin >= 200 and latin < other
        assert language._mostly_other_script(text) == expected, text[:40]
    assert language._mostly_other_script(texts[-1])
    assert not language._mostly_other_script(texts[-2])
