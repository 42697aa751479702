"""Which language a text reads as, cheaply: a stop-word vote and the script its letters are in.

The extractor uses the vote to correct a template's wrong ``lang`` attribute; the language
work uses both to leave alone text that is plainly not English, since its cue words, name
rules and figure words are English and would read another language's text as noise (a Russian
recipe's "Аккаунт:" lines became a "person" quoted twenty times).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# a handful of very frequent function words per language: enough to tell the big ones apart
STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "on"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "sich", "auf", "zu"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "un", "du", "que", "pour", "dans"},
    "es": {"el", "la", "los", "y", "de", "que", "en", "las", "por", "una", "con", "para"},
    "it": {"il", "di", "che", "la", "e", "per", "un", "una", "non", "sono", "della", "del"},
    "pt": {"o", "de", "que", "os", "e", "do", "da", "em", "um", "para", "uma", "não"},
    "nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor"},
    "id": {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "akan", "ke"},
}
_WORD = re.compile(r"\w++")
_ASCII_WORD = re.compile(r"\w++", re.ASCII)  # the same runs in ASCII text, read faster
# characters outside ASCII that English text is full of and that are no letters
_MARKS_OUTSIDE_ASCII = ("’", "‘", "“", "”", "—", "–", "…", "\xa0")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")  # a letter of another script
# characters read before the script is judged, and the fewest letters that allow a judgement
_SCRIPT_SAMPLE = 20_000
_SCRIPT_MIN_LETTERS = 200
_VOTE_SAMPLE = 4_000  # characters: the vote reads about 400 words


def guess_language(texts: Iterable[str]) -> str | None:
    """A cheap stop-word vote over the first words of the body; None when unsure."""
    words: list[str] = []
    for text in texts:
        words += _words(text.casefold())
        if len(words) > 400:
            break
    if len(words) < 20:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in STOPWORDS.items()}
    best = max(sorted(scores), key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 0.08 * len(words) or ranked[0] < 1.3 * ranked[1]:
        return None
    return best


def _words(text: str) -> list[str]:
    """``\\w+`` runs of ``text``: English text with its curly quotes and dashes turned into
    spaces (no word character is changed) is ASCII, where the runs are found faster."""
    if not text.isascii():
        plain = _without_marks(text)
        if not plain.isascii():
            return _WORD.findall(text)
        text = plain
    return _ASCII_WORD.findall(text)


def _without_marks(text: str) -> str:
    for mark in _MARKS_OUTSIDE_ASCII:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def not_english(texts: list[str], declared: str | None) -> str | None:
    """What a text plainly reads as when that is not English ("de", "ru", or "a non-Latin
    script"); None when it reads as English or nobody can tell.

    Plainly: most of its letters are outside the Latin script, or the stop-word vote names
    another language. A declared language alone never decides (templates declare "en" on
    German pages and "ru" on English ones); it only names a non-Latin text's language.
    """
    sample = _head(texts, _SCRIPT_SAMPLE)
    if _mostly_other_script(sample):
        return declared if declared and declared != "en" else "a non-Latin script"
    guessed = guess_language([sample[:_VOTE_SAMPLE]])
    return guessed if guessed not in (None, "en") else None


def _head(texts: list[str], size: int) -> str:
    """The first ``size`` characters of the texts joined by spaces (without joining them all)."""
    parts: list[str] = []
    total = 0
    for text in texts:
        parts.append(text)
        total += len(text) + 1
        if total >= size:
            break
    return " ".join(parts)[:size]


def _mostly_other_script(sample: str) -> bool:
    """At least ``_SCRIPT_MIN_LETTERS`` letters, fewer than half of them Latin.

    Other scripts' letters are counted first: English text has next to none, so the count of
    Latin letters (most of the sample) is taken only when it could decide."""
    if sample.isascii():
        return False
    # each such letter is a character outside ASCII and none of the marks English text is
    # full of: with too few of those the letters cannot decide (counted without a regex)
    outside = len(sample) - len(sample.encode("ascii", "ignore"))
    outside -= sum(map(sample.count, _MARKS_OUTSIDE_ASCII))
    if 2 * outside < _SCRIPT_MIN_LETTERS:
        return False
    other = len(_OTHER_LETTER.findall(sample))
    if 2 * other < _SCRIPT_MIN_LETTERS:  # fewer than half of the fewest letters that decide
        return False
    latin = len(_LATIN_LETTER.findall(sample))
    return latin + other >= _SCRIPT_MIN_LETTERS and latin < other
