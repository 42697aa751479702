"""Number mentions in English text: digits, number words, scales, currencies and vague amounts.

Finding *where* a number is and *what value* it states is kept apart from deciding whether it
is a figure (``figures.py``): the same reader serves dates, ages and identifiers, which the
figure filter then throws away. Everything is regex-first so long articles stay cheap.
"""

from __future__ import annotations

import re
from typing import NamedTuple

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
    "crores": 10_000_000,
}  # fmt: skip
# Abbreviated scales glued to digits or following them: "$5bn", "1.5m", "20k", "3 mln".
SCALE_ABBREV = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}  # fmt: skip
# Vague amounts with the conventional lower bounds of the annotation guide.
VAGUE_LOW = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "billions": 2_000_000_000,
}  # fmt: skip
CURRENCY_SIGNS = {
    "$": "usd", "us$": "usd", "usd": "usd", "£": "gbp", "€": "eur", "eur": "eur", "¥": "jpy",
    "₹": "inr", "rs": "inr", "rs.": "inr", "inr": "inr", "gbp": "gbp", "₦": "ngn", "n$": "nad",
    "a$": "aud", "c$": "cad", "hk$": "hkd", "₽": "rub", "₺": "try", "₪": "ils",
}  # fmt: skip

_ONES_W = "one|two|three|four|five|six|seven|eight|nine"
_UNIT_W = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_W = "|".join(TENS_WORDS)
# "twenty-five", "twenty five", "seven", "forty"
_WORDNUM = rf"(?:(?:{_TENS_W})(?:[- ](?:{_ONES_W})\b)?|(?:{_UNIT_W}))\b"
_SCALE_W = "|".join(SCALE_WORDS)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CUR = r"(?:(?:US\$|HK\$|\b[ACN]\$|\$|£|€|¥|₹|₦|₽|₺|₪|\b(?:Rs\.?|USD|EUR|GBP|INR))\s?)"
_ABBR = r"(?:bn|mn|mln|trn|tn|[kmb])"

# One number mention. Alternatives are tried in order, longest readings first.
NUMBER_RE = re.compile(
    rf"""
    (?:(?<![A-Za-z])|(?=\d))  # a mention starts a word, or is digits glued to one ("over1,000")
    (?:
    (?P<tens_of>\b(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b)
  | (?P<vague>\b(?:dozens|hundreds|thousands|millions|billions)\b|\bscores(?=\s+of\b))
  | (?P<dozen>\b(?:(?:a|one|two|three|four|five|six|half\s+a)\s+)?dozen\b(?!s))
  | (?P<num>
        (?P<cur>{_CUR})?
        (?:(?P<digits>{_DIGITS})
          | (?P<words>\b{_WORDNUM}|\ban?(?=\s+(?:{_SCALE_W})\b)))
        (?:
            (?:\s|-)?(?P<scale>(?:{_SCALE_W})(?:\s+(?:and\s+)?{_WORDNUM})?
                                (?:[\s-]+(?:{_SCALE_W}))*)\b
          | (?P<abbr>{_ABBR})\b
          | \s(?P<abbr2>bn|mn|mln|trn)\b
        )?
    )
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Where a NUMBER_RE match can start: a digit, a currency sign, "US$"/"HK$", or a word opening
# one of its alternatives. Scanning for these first and trying NUMBER_RE only there is the
# same as NUMBER_RE.finditer (every match starts at such a place) at a fraction of the cost:
# NUMBER_RE's leading lookbehind defeats the regex engine's own first-character skip.
_START_WORDS = sorted(
    {
        *("tens", "hundreds", "dozens", "thousands", "millions", "billions", "scores"),
        *("half", "dozen", "rs", "usd", "eur", "gbp", "inr"),
        *UNITS_WORDS,
        *TENS_WORDS,
    },
    key=len,
    reverse=True,
)
_START_LETTERS = "".join(sorted({"a", "c", "n"} | {word[0] for word in _START_WORDS}))
_MENTION_START_RE = re.compile(
    r"[0-9$£€¥₹₦₽₺₪]|(?:US|HK)\$"
    # the lookahead drops most word starts before the alternation is tried (3x faster)
    rf"|\b(?=[{_START_LETTERS}])(?:a(?:n?\s|\$)|[cn]\$|" + "|".join(_START_WORDS) + ")",
    re.IGNORECASE,
)


def _trie(words: list[str]) -> str:
    """One regex for ``words`` factored by shared prefixes ("t(?:en|wo|h(?:ree|irty))"): the
    engine then tests one letter per branch instead of every word at every place."""
    tails: dict[str, list[str]] = {}
    for word in words:
        if word:
            tails.setdefault(word[0], []).append(word[1:])
    if not tails:
        return ""
    body = "(?:" + "|".join(re.escape(head) + _trie(rest) for head, rest in sorted(tails.items()))
    return body + (")?" if "" in words else ")")


# The word places of ``_MENTION_START_RE`` in lower-cased text, without IGNORECASE (3x faster).
# "a"/"an" opens a mention only before a scale word or "dozen" ("a hundred"), or as "A$".
_WORD_START_RE = re.compile(
    rf"\b(?=[{_START_LETTERS}])(?=a(?:\$|n?\s+(?:hundred|thousand|million|billion|trillion"
    r"|lakh|crore|dozen))|" + _trie(sorted({*_START_WORDS, "c$", "n$"})) + ")"
)
_SIGN_RE = re.compile(r"[0-9$£€¥₹₦₽₺₪]")
# Letters that re.IGNORECASE takes for an ASCII letter though lower() does not make them one.
_FOLD_TRAP_RE = re.compile("[\u0130\u0131\u017f]")


class NumberMention(NamedTuple):
    """A number as written: its span, value (or vague lower bound) and currency, if any.

    A named tuple rather than a frozen dataclass: as immutable, and made several times faster
    (there is one per number on a page)."""

    start: int
    end: int
    text: str
    value: float | int | None  # None for a vague amount
    vague_low: int | None  # "dozens" → 24
    currency: str | None  # iso code in lower case when a sign is inside the span
    is_word: bool  # spelled out ("five") rather than digits
    scaled: bool  # a scale word or abbreviation is inside the span


def _tidy(value: float) -> float | int:
    """Integers as ``int`` so that 3250.0 prints as 3250."""
    return int(value) if float(value).is_integer() else value


def words_value(words: str) -> int | None:
    """Value of spelled-out numbers such as "twenty-five", "two hundred and ten", "a thousand"."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1)
            seen = True
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        elif word == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif word == "half":
            current = 0.5  # type: ignore[assignment]
            seen = True
        else:
            return None
    return _tidy(total + current) if seen else None


def read_mention(match: re.Match[str]) -> NumberMention | None:
    """Turn one ``NUMBER_RE`` match into a mention, or ``None`` when it is no number after all."""
    text = match.group(0)
    start, end = match.span()
    # one call for every group (this runs once per number on a page)
    tens_of, vague, dozen, cur_sign, digits, words, scale_text, abbr1, abbr2 = match.group(
        "tens_of", "vague", "dozen", "cur", "digits", "words", "scale", "abbr", "abbr2"
    )
    if tens_of:
        low = 20_000 if text.lower().startswith("tens") else 200_000
        if text.lower().endswith("millions"):
            low *= 1000
        return NumberMention(start, end, text, None, low, None, True, True)
    if vague:
        vague_low = VAGUE_LOW.get(text.lower())
        if vague_low is None:  # a letter only re.IGNORECASE takes for ASCII ("dozenſ")
            return None
        return NumberMention(start, end, text, None, vague_low, None, True, False)
    if dozen:
        value = words_value(text)
        return NumberMention(start, end, text, value, None, None, True, False)
    abbr = abbr1 or abbr2
    if digits is not None:
        base: float = float(digits.replace(",", ""))
        scale_value = words_value("one " + scale_text) if scale_text else 1
    else:
        words_read = words_value(f"{words} {scale_text or ''}")
        if words_read is None:
            return None
        base, scale_value = words_read, 1
    if scale_value is None:
        return None
    scale = scale_value
    if abbr:
        lower = abbr.lower()
        # "5m" is five million next to money or with decimals ("1.5m"); otherwise five metres.
        if lower in ("m", "b", "k") and not cur_sign and "." not in (digits or ""):
            end = match.start("abbr") if abbr1 else match.start("abbr2") - 1
            text = match.string[start:end]
        elif lower in SCALE_ABBREV:
            scale = SCALE_ABBREV[lower]
        else:  # a letter only re.IGNORECASE takes for ASCII
            return None
    currency = CURRENCY_SIGNS.get(cur_sign.strip().lower()) if cur_sign else None
    value = _tidy(base * scale)
    return NumberMention(
        start,
        end,
        text,
        value,
        None,
        currency,
        digits is None,
        bool(scale_text) or scale != 1,
    )


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, in order, with exact spans."""
    found = []
    for match in _number_matches(text):
        mention = read_mention(match)
        if mention is not None and mention.text.strip():
            found.append(mention)
    return found


def lower_as_re(text: str) -> str | None:
    """``text.lower()`` when matching it without IGNORECASE finds what re.IGNORECASE finds in
    ``text``, at the same offsets; ``None`` for the rare text where the two disagree."""
    lowered = text.lower()
    if text.isascii() or (len(lowered) == len(text) and not _FOLD_TRAP_RE.search(text)):
        return lowered
    return None


def _number_matches(text: str) -> list[re.Match[str]]:
    """``NUMBER_RE.finditer(text)``, trying NUMBER_RE only where a mention can start.

    The places are found by two fast scans instead of one ``_MENTION_START_RE`` pass (which
    runs its case-blind alternation at every character): digits and currency signs, and word
    starts on the lower-cased text. Both give a superset of the places worth trying; each is
    then checked with ``_MENTION_START_RE.match``, so the result is the same as scanning with
    ``_MENTION_START_RE`` alone.
    """
    lowered = lower_as_re(text)
    if lowered is None:
        return _number_matches_slow(text)
    places = [found.start() for found in _WORD_START_RE.finditer(lowered)]
    for found in _SIGN_RE.finditer(text):
        place = found.start()
        places.append(place)
        if text[place] == "$":  # "US$", "HK$", "A$"
            places.extend((place - 2, place - 1))
    places.sort()
    out: list[re.Match[str]] = []
    is_start, match = _MENTION_START_RE.match, NUMBER_RE.match
    position = 0
    for place in places:
        if place < position or not is_start(text, place):
            continue
        found = match(text, place)
        if found is not None:
            out.append(found)
            position = found.end()
    return out


def _number_matches_slow(text: str) -> list[re.Match[str]]:
    """``_number_matches`` by one ``_MENTION_START_RE`` scan (for any text)."""
    out: list[re.Match[str]] = []
    search, match = _MENTION_START_RE.search, NUMBER_RE.match
    position = 0
    while (candidate := search(text, position)) is not None:
        found = match(text, candidate.start())
        if found is None:
            position = candidate.start() + 1
        else:
            out.append(found)
            position = found.end()
    return out
