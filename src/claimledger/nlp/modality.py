"""Hedged, negated and future claims, read from the words of the content's main clause.

Why word lists and not the parse: the same rule must hold with and without a statistical
pipeline, and a fact-checker has to be able to see why a flag was raised. The main clause is
the content up to the first subordinate or relative marker ("where", "which", "because", …),
so "no fighters remained at the points where the SDF said …" is judged on "no fighters
remained at the points", and a negation in a trailing clause does not flag the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


_TOKEN = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?|n[’']t|[’']ll|[,;:—–()]")
_SUBORDINATE = frozenset(
    _w(
        """where which who whom whose because although though while whereas unless if since
        after before until when whenever so"""
    )
)

HEDGE_WORDS = frozenset(
    _w(
        """may might could reportedly allegedly apparently possibly perhaps probably likely
        unlikely seemingly purportedly supposedly presumably reputedly unconfirmed rumoured
        rumored alleged suspected"""
    )
)
# verb + "to" hedges: "appeared to", "seems to", "is believed to", "is thought to"
_HEDGE_TO = frozenset(
    _w("""appear appears appeared appearing seem seems seemed seeming believed thought said""")
)
NEGATION_WORDS = frozenset(
    ["not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere"]
)
FUTURE_WORDS = frozenset(["will", "shall", "'ll", "’ll"])
# "is expected to", "plans to", "is set to", "is due to", "is about to", "is going to"
_FUTURE_TO = frozenset(
    _w(
        """expected expects expect going plans plan planned planning set due about poised
        intends intend intended vowed vows pledged pledges"""
    )
)


@dataclass(frozen=True)
class Modality:
    hedged: bool
    negated: bool
    future: bool


# the eight possible answers, made once (a frozen dataclass is slow to make, and safe to share)
_MODALITIES = {
    (hedged, negated, future): Modality(hedged, negated, future)
    for hedged in (False, True)
    for negated in (False, True)
    for future in (False, True)
}


def _words(text: str, start: int = 0, end: int | None = None, before: int = 0) -> list[str]:
    """The words of ``text[start:end]``, lower case with a plain apostrophe; "May" after the
    first word (``before`` words come before ``start``) is the month, not the modal. One
    ``findall`` and one ``lower`` for the whole text: the tokens are ASCII letters, apostrophes
    and punctuation, so lowering the joined tokens lowers each."""
    tokens = _TOKEN.findall(text, start, len(text) if end is None else end)
    if not tokens:
        return tokens
    words = " ".join(tokens).lower().replace("’", "'").split(" ")
    if "May" in tokens:
        for i, token in enumerate(tokens):
            if token == "May" and i + before > 0:
                words[i] = "<month>"
    return words


_CLAUSE_BREAKS = _SUBORDINATE | {";", "—", "–"}


def main_clause(words: list[str]) -> list[str]:
    """Words up to the first subordinate/relative marker or clause-breaking comma; a
    parenthesis ("(currently known as …)") is skipped, not taken as the clause's end."""
    return _main_clause(words)[0]


def _main_clause(words: list[str]) -> tuple[list[str], bool]:
    """``main_clause`` and whether a marker ended it (False: the words ran out)."""
    if "(" not in words and ")" not in words:
        # the same rule without parentheses: the clause is a prefix of the words, and the
        # words kept before a comma at index i are exactly i
        if "," not in words and _CLAUSE_BREAKS.isdisjoint(words):
            return words, False  # no marker at all
        for i in range(1, len(words)):
            word = words[i]
            if word in _CLAUSE_BREAKS or (word == "," and i > 3):
                return words[:i], True
        return words, False
    out: list[str] = []
    depth = 0
    for i, word in enumerate(words):
        if word == "(":
            depth += 1
            continue
        if word == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if i > 0 and word in _CLAUSE_BREAKS:
            return out, True
        if i > 1 and word == "," and len(out) > 3:
            return out, True
        out.append(word)
    return out, False


_HEAD = 60  # characters read first: most main clauses end within them


def _clause_words(content: str) -> list[str]:
    """``main_clause(_words(content))``, tokenizing the content only as far as it needs: the
    words of the head up to a space are the first words of the whole (no word holds a space),
    and a clause that ends inside the head ends there in the whole too."""
    cut = content.find(" ", _HEAD)
    if cut < 0:
        return _main_clause(_words(content))[0]
    head = _words(content, 0, cut)
    words, ended = _main_clause(head)
    if ended:
        return words
    return _main_clause(head + _words(content, cut, None, len(head)))[0]


def read_modality(content: str, frame: str = "") -> Modality:
    """Flags for a claim: ``content`` is what is claimed, ``frame`` the words around the cue
    ("reportedly said", "is expected to") that can hedge or project the whole claim."""
    words = _clause_words(content)
    frame_words = _words(frame) if frame else []
    hedged = _hedged(words) or _hedged(frame_words)
    future = _future(words) or _future(frame_words)
    return _MODALITIES[hedged, _negated(words), future]


def _followed_by_to(words: list[str], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1] == "to"


def _hedged(words: list[str]) -> bool:
    if HEDGE_WORDS.isdisjoint(words) and _HEDGE_TO.isdisjoint(words):
        return False  # most claims: one set test instead of a loop
    for i, word in enumerate(words):
        if word in HEDGE_WORDS:
            return True
        if word in _HEDGE_TO and _followed_by_to(words, i) and (word != "said" or i > 0):
            if word in ("believed", "thought", "said") and (i == 0 or words[i - 1] not in _BE):
                continue
            return True
    return False


_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s"])


def _negated(words: list[str]) -> bool:
    if NEGATION_WORDS.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        if word in NEGATION_WORDS:
            # "not only" and "no doubt" do not negate the statement
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if (word, nxt) in {("not", "only"), ("no", "doubt"), ("no", "longer")}:
                if nxt == "longer":
                    return True
                continue
            return True
    return False


_FUTURE_ANY = FUTURE_WORDS | _FUTURE_TO | {"would"}


def _future(words: list[str]) -> bool:
    if _FUTURE_ANY.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        if word in FUTURE_WORDS:
            return True
        if word == "would" and not (i + 1 < len(words) and words[i + 1] == "have"):
            return True
        if word in _FUTURE_TO and _followed_by_to(words, i):
            if word in ("set", "due", "about", "going", "expected", "poised"):
                if i > 0 and words[i - 1] in _BE | {"also", "now", "still"}:
                    return True
                continue
            return True
    return False
