"""Abusive and obscene words in reader comments, obfuscated spellings included.

Why not better-profanity (MIT, installed): its 900-word list flags "kill", "god", "hell",
"gay", "nazi" and "Dick" (as in Cheney) — ordinary words in war reporting — and it misses the
common masked spellings with an apostrophe ("f’k"). So the list here is small and curated
(``data/abusive_words.txt``) and the matcher does the work: whole tokens only (no Scunthorpe
problem), leetspeak (sh1t, a$$hole), masks standing for one to three letters (f*ck, f**k, f’k),
stretched letters (fuuuck) and spaced letters (f.u.c.k). Insults aimed at someone ("you
moron") and wishes of harm ("kill yourself") are phrases, not words, and are matched as such.
Spans are exact character offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.nlp.drafts import AbuseDraft

_SUFFIXES = r"(?:s|es|ed|ing|in|in’|in')?"  # short words: "Spicer" is a name
_LONG_SUFFIXES = (
    r"(?:s|es|ed|er|ers|ing|in|in’|in'|y|ies|head|heads|face)?"  # "shitty", not "spicy"
)


def _alternation(words: tuple[str, ...]) -> str:
    """Listed words with their endings; "-y" only after words of five letters or more."""
    long_words = "|".join(re.escape(w) for w in words if len(w) >= 5)
    short_words = "|".join(re.escape(w) for w in words if len(w) < 5)
    return rf"(?:(?:{long_words}){_LONG_SUFFIXES}|(?:{short_words}){_SUFFIXES})"


_LEET = str.maketrans({"0": "o", "1": "i", "!": "i", "|": "i", "3": "e", "4": "a", "@": "a",
                       "$": "s", "5": "s", "7": "t", "+": "t"})  # fmt: skip
_MASKS = "*’'#%_.-`"
# A token that may hide a word: letters plus leet digits, signs and masks, starting and ending
# in something other than a mask (so quotes and possessive apostrophes stay outside).
_CANDIDATE_RE = re.compile(
    r"(?<![\w@$!*#%|+’'`])"
    r"(?=[A-Za-z0-9@$!|+*’'#%_`.-]*?(?:[0-9@$!|+*’'#%_`.-]|([A-Za-z])\1\1))"
    r"[A-Za-z@$]"
    r"[A-Za-z0-9@$!|+*’'#%_`.-]{0,18}"
    r"[A-Za-z0-9@$!*#]"
    r"(?![\w@$*#])"
)
_SPACED_RE = re.compile(r"(?<![\w.])(?:[A-Za-z][ .\-_*]){2,8}[A-Za-z](?![\w])")
# Punctuation that is no mask: contractions and possessives ("who's", "D.A.'s"), a single dot
# (abbreviations: "S.C.") and a single hyphen (compounds). Masks are *, #, %, _, ` or runs.
_INNOCENT_MASKS_RE = re.compile(
    r"[’'](?:s|t|d|ll|re|ve|m)$|[’'](?:s|t|d|ll|re|ve|m)[^a-z]|(?<![.])\.(?![.])|(?<!-)-(?!-)"
)
_OBFUSCATION_RE = re.compile(r"[0-9@$!|+*’'#%_`.-]|([a-z])\1\1", re.I)


@lru_cache(maxsize=1)
def abusive_words() -> tuple[str, ...]:
    """Base forms from the curated list, longest first."""
    text = resources.files("claimledger.nlp").joinpath("data/abusive_words.txt").read_text("utf-8")
    words = {line.strip().lower() for line in text.splitlines()}
    return tuple(sorted((w for w in words if w and not w.startswith("#")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _plain_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@$’'-]){_alternation(abusive_words())}(?![\w@$])", re.I)


@lru_cache(maxsize=1)
def _full_re() -> re.Pattern[str]:
    return re.compile(_alternation(abusive_words()))


@lru_cache(maxsize=1)
def _collapsed_words() -> re.Pattern[str]:
    collapsed = tuple(re.sub(r"(.)\1+", r"\1", w) for w in abusive_words())
    return re.compile(_alternation(collapsed))


@lru_cache(maxsize=1)
def _word_blob() -> str:
    """All listed words with plural and -ing forms, one a line, for a single regex probe."""
    forms = {f for w in abusive_words() for f in (w, w + "s", w + "ing")}
    return "\n" + "\n".join(sorted(forms)) + "\n"


@lru_cache(maxsize=4096)
def _is_abusive_token(token: str) -> bool:
    """Does an obfuscated token spell a listed word (with one of the usual endings)?"""
    lower = token.lower()
    if not any(c.isalpha() for c in lower) or lower.strip(_MASKS) != lower:
        return False
    decoded = lower.translate(_LEET)
    if _full_re().fullmatch(decoded):
        return True
    if _collapsed_words().fullmatch(re.sub(r"(.)\1+", r"\1", decoded)):
        return True
    if not any(c in _MASKS for c in decoded) or not decoded[0].isalpha():
        return False
    if _INNOCENT_MASKS_RE.search(decoded) and not re.fullmatch(
        r"[a-z]{1,2}-(?:ing|in|ed)", decoded
    ):
        return False  # but "f-ing" is a masked word
    # each run of masks stands for one to three hidden letters: "f’k" → f[a-z]{1,3}k
    pieces = re.split(r"[*’'#%_`.-]+", decoded)
    if sum(len(p) for p in pieces) < 2:
        return False
    pattern = "[a-z]{1,3}".join(re.escape(p) for p in pieces)
    return re.search(rf"\n{pattern}\n", _word_blob()) is not None


# Insults aimed at a person ("you moron", "you're a total idiot") and wishes of harm ("kill
# yourself", "hope you die"): words that are ordinary alone ("a fool's errand") abuse when
# they address someone, so they count only in these shapes.
_INSULT_NOUNS = (
    r"(?:idiot|moron|imbecile|cretin|halfwit|nitwit|dimwit|scum|loser|clown|troll|pig|rat|"
    r"vermin|parasite|traitor|fool|degenerate|lowlife|subhuman|animal|coward|hypocrite|liar)s?"
)
_DIRECTED_RE = re.compile(
    rf"\b(?:you(?:['’]re|\s+are)?|ur|u\s+r)\s+(?:(?:a|an|such\s+an?|one|the|bunch\s+of|"
    rf"pathetic|stupid|total|complete|utter|absolute|dumb|filthy|lying|little|worthless|"
    rf"brainless|bloody|damn|f\S*ing)\s+){{0,3}}{_INSULT_NOUNS}\b"
    r"|\b(?:kill\s+yourself|kill\s+yourselves|kys|(?:i\s+)?hope\s+(?:you|they)\s+(?:all\s+)?"
    r"(?:die|rot|burn)|(?:you|they)\s+(?:should|deserve\s+to)\s+(?:all\s+)?(?:die|be\s+shot|"
    r"be\s+hanged|be\s+killed|hang|rot))\b",
    re.IGNORECASE,
)


def find_abuse(text: str) -> list[AbuseDraft]:
    """Every abusive or obscene word in ``text`` with its exact span, in order."""
    spans: set[tuple[int, int]] = {m.span() for m in _DIRECTED_RE.finditer(text)}
    for found in _plain_re().finditer(text):
        spans.add(found.span())
    for found in _CANDIDATE_RE.finditer(text):
        token = found.group(0)
        if found.span() in spans:
            continue
        if _is_abusive_token(token):
            spans.add(found.span())
        elif "-" in token:  # "sh*t-show": try each part of a hyphenated token
            offset = found.start()
            for part in re.finditer(r"[^-]+", token):
                if _OBFUSCATION_RE.search(part.group(0)) and _is_abusive_token(part.group(0)):
                    spans.add((offset + part.start(), offset + part.end()))
    for found in _SPACED_RE.finditer(text):
        letters = re.sub(r"[ .\-_*]", "", found.group(0))
        if _full_re().fullmatch(letters.lower()):
            spans.add(found.span())
    ordered = sorted(spans)
    kept: list[tuple[int, int]] = []
    for span in ordered:  # drop spans inside a longer one
        if kept and span[0] < kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return [AbuseDraft(span=span) for span in kept]


if not Doc.has_extension("abuse"):
    Doc.set_extension("abuse", default=None)


class AbuseComponent:
    """Puts ``find_abuse`` drafts on ``doc._.abuse`` (offsets relative to the Doc)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.abuse = find_abuse(doc.text)
        return doc


@Language.factory("claimledger_abuse", assigns=["doc._.abuse"])
def make_abuse_component(nlp: Language, name: str) -> AbuseComponent:
    """Factory for ``nlp.add_pipe("claimledger_abuse")``."""
    return AbuseComponent()
