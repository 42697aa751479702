"""The tokenizer primer changes how often spaCy's cache is hit, never the tokens."""

from __future__ import annotations

from pathlib import Path

import spacy

from claimledger.nlp.pipeline import TokenizerPrimer


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, int, bool]]:
    return [(t.text, t.idx, bool(t.whitespace_)) for t in doc]


def test_primed_tokenizer_splits_exactly_as_a_fresh_one(corpus: Path) -> None:
    texts = [p.read_text() for p in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))]
    texts += [
        "He said he didn't know. The U.S. envoy, at 9 a.m., said: “We won’t leave.”",
        "I'm sure they're (mostly) right—aren't they? e.g. 3.5km, $1.2bn, 10-15, #tag :)",
    ]
    fresh = spacy.blank("en")
    primed_nlp = spacy.blank("en")
    primer = TokenizerPrimer(primed_nlp.tokenizer)
    for _ in range(2):  # the second round reads from the primed cache
        primer.prime(texts)
        for text in texts:
            assert _tokens(primed_nlp.make_doc(text)) == _tokens(fresh.make_doc(text))
    assert primer.seen  # every chunk went through the tokenizer once on its own
    assert primed_nlp.tokenizer.max_cache_size == primer.limit


def test_primer_stops_at_its_limit() -> None:
    nlp = spacy.blank("en")
    primer = TokenizerPrimer(nlp.tokenizer, limit=3)
    primer.prime(["one two three four five"])
    primer.prime(["six seven"])  # already full: nothing more is remembered
    assert primer.seen == {"one", "two", "three", "four", "five"}
