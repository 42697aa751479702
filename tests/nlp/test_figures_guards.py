"""The cheap guards in front of the figure reader's regexes never hide a match.

``figures.py`` skips a left-context search when the context cannot end with one of the words
its pattern ends with, and ``numbers.py`` looks for mention starts with two fast scans. Both
must find exactly what the plain searches find; these tests hold them to it on strings built
from each pattern's own words and on every text of the corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.nlp import figures as F
from claimledger.nlp import figures_lexicon as lex
from claimledger.nlp.numbers import _number_matches, _number_matches_slow, lower_as_re


def _ends(words: tuple[str, ...], must_hold: str = "") -> Callable[[str], bool]:
    """The guard ``_may_end`` applied to a left context, as the reader applies it."""

    def guard(left: str) -> bool:
        folded = lower_as_re(left.rstrip())
        return F._may_end(folded, words) and (folded is None or must_hold in folded)

    return guard


def _word_end(words: frozenset[str], also: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """The guard ``_word_in(_last_word(…))`` (or an ending in ``also``), as the reader has it."""

    def guard(left: str) -> bool:
        folded = lower_as_re(left.rstrip())
        return folded is None or F._last_word(folded) in words or folded.endswith(also)

    return guard


def _date_end(left: str) -> bool:
    folded = lower_as_re(left.rstrip())
    if folded is None:
        return True
    trimmed = folded.rstrip(".,")
    return (
        trimmed.endswith(F._MONTH_ENDS)
        or trimmed[-1:].isdigit()
        or trimmed.endswith(F._ORDINAL_ENDS)
    )


GUARDED: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    ("age before", F._AGE_BEFORE_RE, _word_end(F._AGE_BEFORE_WORDS)),
    ("age copula", F._AGE_COPULA_RE, _word_end(F._AGE_COPULA_WORDS)),
    ("upper age", F._UPPER_AGE_BEFORE_RE, _ends(F._RANGE_JOIN_ENDS, "age")),
    ("ages list", F._AGES_LIST_BEFORE_RE, _ends(("",), "age")),
    ("rank", F._RANK_BEFORE_RE, _word_end(F._RANK_WORDS, (".", "#"))),
    ("n of", F._N_OF_BEFORE_RE, _ends(("of",))),
    ("per", F._PER_BEFORE_RE, _ends(("per",))),
    ("ident", F._IDENT_BEFORE_RE, _word_end(F._IDENT_WORD_SET, (".", "#"))),
    ("qualifier words", F._QUALIFIER_WORDS, _ends(F._QUALIFIER_ENDS)),
    *(
        (f"qualifier {name}", rx, _word_end(F._QUALIFY_WORDS, ("approx.",)))
        for name, rx in F._QUALIFIERS
    ),
    ("month before", F._MONTH_BEFORE_RE, _date_end),
    ("day month year", F._DAY_MONTH_YEAR_RE, _date_end),
    ("backward cue", F._BACKWARD_CUE_RE, _word_end(F._BACKWARD_CUE_WORDS, ("sit-in",))),
    ("done by", F._DONE_BY_RE, _ends(F._DONE_BY_ENDS, "by")),
    ("prefix hyphen", F._PREFIX_HYPHEN_BEFORE_RE, lambda left: left.rstrip().endswith("-")),
    ("digit dash", F._DIGIT_DASH_BEFORE_RE, lambda left: left.rstrip().endswith("-")),
    ("slash", F._SLASH_BEFORE_RE, lambda left: left.rstrip().endswith(("/", "-", "."))),
    ("capital word", F._CAP_WORD_BEFORE_RE, lambda left: F._may_end_capitalised(left.rstrip())),
]


def _contexts(pattern: re.Pattern[str], count: int, seed: int) -> list[str]:
    """Left contexts made of the pattern's own words, digits and punctuation, in any case."""
    source = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)  # no "bper" out of "\bper"
    words = sorted(set(re.findall(r"[A-Za-z]+(?:-[a-z]+)?", source)))
    words += [
        "12",
        "4",
        "2019",
        "Ali",
        "Covid-",
        "re-",
        "mass-",
        "#",
        ".",
        ",",
        "-",
        "–",
        "/",
        ":",
        "(",
        "people",
    ]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            word = rng.choice(words)
            word = rng.choice((word, word, word.capitalize(), word.upper()))
            parts.append(word + rng.choice((" ", " ", " ", "", "  ", "\n", ", ", ". ")))
        parts[-1] = parts[-1].rstrip(",. ") + rng.choice(("", "", " ", "  ", "\n"))
        out.append("".join(parts)[-rng.randint(10, 80) :])
    return out


@pytest.mark.parametrize("name,pattern,guard", GUARDED, ids=[g[0] for g in GUARDED])
def test_guard_never_hides_a_match(
    name: str, pattern: re.Pattern[str], guard: Callable[[str], bool]
) -> None:
    matched = 0
    for left in _contexts(pattern, 4000, seed=len(name)):
        if pattern.search(left):
            matched += 1
            assert guard(left), (name, left)
    assert matched, name  # the strings do reach the pattern


def test_protest_hints_cover_every_protest_cue() -> None:
    sentence_words = [*re.findall(r"[A-Za-z]+(?:-[a-z]+)?", lex._PROTEST), "a", "the", "work"]
    rng = random.Random(7)
    matched = 0
    for _ in range(3000):
        sentence = " ".join(rng.choice(sentence_words) for _ in range(rng.randint(1, 6)))
        if lex.PROTEST_RE.search(sentence):
            matched += 1
            assert F.PROTEST_IN_SENTENCE(sentence), sentence
    assert matched > 100


def test_fast_number_scan_finds_what_the_plain_scan_finds(corpus: Path) -> None:
    texts = [(corpus / "seed" / "raqqa-falls.txt").read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))
    ]
    texts.append("A$5m, a hundred and an estimated ſix dozen; İstanbul's 3 US$ 4 HK$5 a dozen")
    found = 0
    for text in texts:
        fast = [(m.span(), m.group(0)) for m in _number_matches(text)]
        assert fast == [(m.span(), m.group(0)) for m in _number_matches_slow(text)]
        found += len(fast)
    assert found > 1000


def _part_of_end(left: str) -> bool:
    folded = lower_as_re(left.rstrip())
    if folded is None:
        return True
    if folded.endswith(","):
        folded = folded[:-1].rstrip()
    return "among" in folded or folded.endswith(F._PART_OF_ENDS)


LINK_GUARDED: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    ("part of", F._PART_OF_BEFORE_RE, _part_of_end),
    ("among", F._AMONG_BEFORE_RE, _ends(("",), "among")),
    ("a total of", F._A_TOTAL_OF_RE, _ends(("of",), "total")),
]


@pytest.mark.parametrize("name,pattern,guard", LINK_GUARDED, ids=[g[0] for g in LINK_GUARDED])
def test_part_of_guards_never_hide_a_match(
    name: str, pattern: re.Pattern[str], guard: Callable[[str], bool]
) -> None:
    test_guard_never_hides_a_match(name, pattern, guard)


RIGHT_GUARDED = [
    F._ORDINAL_RE, F._TIME_AFTER_RE, F._TIME_AFTER_DOT_RE, F._SLASH_DATE_RE, F._MONTH_AFTER_RE,
    F._DASH_DIGITS_AFTER_RE, F._AGE_AFTER_RE, F._LIST_ITEM_AFTER_RE, F._HOURS_AFTER_RE,
    F._NAME_AGE_AFTER_RE, F._N_OF_AFTER_RE, F._ADDRESS_AFTER_RE, F._LIST_NUMBER_AFTER_RE,
    F._PHOTO_RE, F._TIME_REFERENCE_AFTER_RE, F._TIME_UNIT_AFTER_RE,
]  # fmt: skip


def _any_case(rng: random.Random, word: str) -> str:
    """The word as written, capitalised, in capitals, in mixed case, or with a letter that
    IGNORECASE takes for an ASCII one ("ſ" for "s", the Kelvin sign for "k")."""
    mixed = "".join(rng.choice((c.lower(), c.upper())) for c in word)
    folded = word.replace("s", "ſ").replace("k", "\u212a")
    return rng.choice((word, word, word.capitalize(), word.upper(), mixed, folded))


def _any_case(rng: random.Random, word: str) -> str:
    """The word as written, capitalised, in capitals, in mixed case, or with a letter that
    IGNORECASE takes for an ASCII one ("ſ" for "s", the Kelvin sign for "k")."""
    mixed = "".join(rng.choice((c.lower(), c.upper())) for c in word)
    folded = word.replace("s", "ſ").replace("k", "\u212a")
    return rng.choice((word, word, word.capitalize(), word.upper(), mixed, folded))


def test_plain_right_context_matches_no_right_test() -> None:
    words = sorted(
        {
            w
            for rx in RIGHT_GUARDED
            for w in re.findall(r"[A-Za-z]+", re.sub(r"\\[a-zA-Z]", " ", rx.pattern))
        }
    )
    words += ["people", "were", "killed", "12", "of", "/", ".", ")", "-", "'", "’"]
    rng = random.Random(3)
    matched = 0
    for _ in range(12000):
        right = "".join(
            rng.choice((" ", "", "", "  ", "-", "\n")) + _any_case(rng, rng.choice(words))
            for _ in range(rng.randint(1, 5))
        )
        if any(rx.match(right) for rx in RIGHT_GUARDED):
            matched += 1
            plain = F._PLAIN_RIGHT_RE.match(right)
            first_word = lower_as_re(plain.group(1)) if plain else None
            assert (
                first_word is None or first_word in F._RIGHT_TRIGGERS or first_word.endswith("old")
            ), right
    assert matched > 100


def test_unit_prefilter_matches_where_a_unit_pattern_does() -> None:
    words = [w for pattern, _, _ in lex.UNIT_PATTERNS for w in re.findall(r"[A-Za-z%²]+", pattern)]
    words += ["people", "killed", "-", "2", ".", "s"]
    rng = random.Random(5)
    for _ in range(4000):
        rest = "".join(
            rng.choice((" ", "", "-", "  ")) + rng.choice(words) for _ in range(rng.randint(1, 3))
        )
        any_unit = any(pattern.match(rest) for pattern, _, _ in F._UNIT_RES)
        assert any_unit == bool(F._ANY_UNIT_RE.match(rest)), rest


def test_lower_case_twins_find_the_same_cues(corpus: Path) -> None:
    texts = [(corpus / "seed" / "raqqa-falls.txt").read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((corpus / "polnear-dev" / "text").glob("*.txt"))[:20]
    ]
    for text in texts:
        for start in range(0, len(text), 50):
            window = text[start : start + 100]
            folded = lower_as_re(window)
            if folded is None:
                continue
            for plain, twin in (
                (lex.CUE_RE, F._CUE_LOWER_RE),
                (F._BACKWARD_CUE_RE, F._BACKWARD_CUE_LOWER_RE),
            ):
                expected = [(m.span(), m.lastgroup) for m in plain.finditer(window)]
                assert [(m.span(), m.lastgroup) for m in twin.finditer(folded)] == expected


LEFT_TESTED = [
    F._CLOCK_BEFORE_RE, F._SLASH_BEFORE_RE, F._MONTH_BEFORE_RE, F._DAY_MONTH_YEAR_RE,
    F._DIGIT_DASH_BEFORE_RE, F._AGE_BEFORE_RE, F._AGE_COPULA_RE, F._UPPER_AGE_BEFORE_RE,
    F._AGES_LIST_BEFORE_RE, F._RANK_BEFORE_RE, F._PER_BEFORE_RE, F._IDENT_BEFORE_RE,
    F._CAP_WORD_BEFORE_RE,
]  # fmt: skip


@pytest.mark.parametrize("pattern", LEFT_TESTED, ids=lambda rx: rx.pattern[:30])
def test_quiet_left_context_matches_no_left_test(pattern: re.Pattern[str]) -> None:
    matched = 0
    for left in _contexts(pattern, 3000, seed=11):
        left += random.Random(left).choice(("", "[", " "))
        tail = left.rstrip()
        folded = lower_as_re(tail)
        if pattern.search(left) or left.endswith("["):
            matched += 1
            assert not F._quiet_left(tail, folded, F._last_word(folded)), left
    assert matched


@pytest.mark.parametrize(
    "left",
    [
        "since October 4th ", "born January 21st, ", "in May ", "Sept. ", "children aged ",
        "he was ", "a magnitude ", "Route ", "deaths per ", "the Mark ", "ages 18, 19 and ",
        "No. ", "#", "at 6:", "on 10/", "on 2019-", "aged between 20 and ", "Photo [",
    ],
)  # fmt: skip
def test_left_contexts_that_a_test_reads_are_not_quiet(left: str) -> None:
    assert any(rx.search(left) for rx in LEFT_TESTED) or left.endswith("[")
    tail = left.rstrip()
    folded = lower_as_re(tail)
    assert not F._quiet_left(tail, folded, F._last_word(folded))
