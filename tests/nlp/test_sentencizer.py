"""The word-id sentencizer splits exactly where spaCy's rule sentencizer does."""

from __future__ import annotations

import random
from pathlib import Path

import spacy

from claimledger.nlp.pipeline import SENTENCE_BOUNDS, load_engine, sentence_bounds


def _starts(doc: spacy.tokens.Doc) -> list[bool | None]:
    return [token.is_sent_start for token in doc]


def test_same_sentences_as_spacys_sentencizer(corpus: Path) -> None:
    texts = []
    for path in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))[:20]:
        texts += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts += ["", " ", "No mark here", "Wait... what?! Yes. (Really.) “Go.” Then 3.5 km."]
    randomly = random.Random(7)
    letters = [*"ab .!?;:\"'“”()-—…。！？‼\n,A1", "\u0964", "\U00011047"]
    texts += [
        "".join(randomly.choice(letters) for _ in range(randomly.randint(0, 30)))
        for _ in range(3000)
    ]
    spacys = spacy.blank("en")
    spacys.add_pipe("sentencizer")
    engine = load_engine("rules")
    ours = engine.parse(texts)
    for text, doc in zip(texts, ours, strict=True):
        assert _starts(doc) == _starts(spacys(text)), repr(text)
    # the component called as spaCy calls it (predict, then set_annotations) agrees too
    piped = list(engine.rules.pipe(texts[-500:]))
    assert [_starts(d) for d in piped] == [_starts(spacys(t)) for t in texts[-500:]]
    assert sum(len(list(doc.sents)) > 1 for doc in ours) > 100


def test_kept_sentence_bounds_are_the_docs_sentences(corpus: Path) -> None:
    """The bounds the rules engine keeps are doc.sents' (first token, start, end); a Doc the
    engine did not split (a model's, a test's) is read from doc.sents."""
    texts = [p.read_text() for p in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))[:5]]
    texts += ["", "One.", "No mark", "A. B! C? “D.” E"]
    engine = load_engine("rules")
    for doc in engine.parse(texts):
        expected = [(s.start, s.start_char, s.end_char) for s in doc.sents]
        assert doc.user_data[SENTENCE_BOUNDS] == expected
        assert sentence_bounds(doc) == expected
    spacys = spacy.blank("en")
    spacys.add_pipe("sentencizer")
    doc = spacys("It rained. Then? It stopped!")
    assert SENTENCE_BOUNDS not in doc.user_data
    assert sentence_bounds(doc) == [(0, 0, 10), (3, 11, 16), (5, 17, 28)]
