"""Speaker keys: how "CPJ" in one page and "Committee to Protect Journalists" in another
come to be one speaker in the ledger.

A speaker answers to a set of keys. Names and aliases are normalised (case, accents, curly
quotes, a leading "the", punctuation) into ``name`` keys; a name of three or more words also
gives an ``acro`` key (its initials, small words skipped); a name written in capitals ("CPJ",
"SDF") gives a ``caps`` key. Two names are one speaker when they share a ``name`` key, or when
one's acronym is the other's capitals. Acronyms never match acronyms, so "Save the Children"
and "Syrian Tech Company" stay apart. Pronouns and unnamed speakers ("a witness") give no keys:
each stays a speaker of its own page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimledger.nlp.gazetteer import CAPITAL_OF

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "theirs",
        "its",
        "our",
        "us",
        "me",
        "who",
    ]
)
_SMALL_WORDS = frozenset(
    [
        "of",
        "for",
        "the",
        "and",
        "in",
        "on",
        "at",
        "to",
        "a",
        "an",
        "de",
        "la",
        "le",
        "du",
        "al",
        "el",
    ]
)
_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_CAPS = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")

Key = tuple[str, str]  # (kind, key)


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-blind form of a name ("The S.D.F." → "sdf")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("'s ", " ").lower()
    text = _PUNCT.sub(lambda m: "" if m.group(0) in (".", "'") else " ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def acronym(name: str) -> str | None:
    """Initials of a name of three or more words, small words skipped ("CPJ")."""
    words = [w for w in _SPACES.split(_PUNCT.sub(" ", name)) if w]
    initials = [w[0] for w in words if w.lower() not in _SMALL_WORDS]
    if len(words) < 3 or len(initials) < 2:
        return None
    return "".join(initials).lower()


def is_caps(name: str) -> bool:
    stripped = name.strip()
    if stripped.lower().startswith("the "):
        stripped = stripped[4:]
    return bool(_CAPS.match(stripped))


def keys_for(names: Iterable[str], kind: str | None = None) -> set[Key]:
    """Keys a speaker known by ``names`` answers to (empty for unnamed speakers and pronouns)."""
    if kind and kind.startswith("unnamed"):
        return set()
    keys: set[Key] = set()
    for raw in names:
        if not raw or not raw.strip():
            continue
        norm = normalise(raw)
        if not norm or norm in PRONOUNS:
            continue
        if kind == "country" and norm in CAPITAL_OF:
            # "Washington" acting for the US on one page must not pull Washington the place
            # (or a person of that name) on another page into the country
            continue
        keys.add(("name", norm))
        if is_caps(raw):
            keys.add(("caps", norm))
        elif (acro := acronym(raw)) is not None:
            keys.add(("acro", acro))
    return keys


def matching_keys(keys: Iterable[Key]) -> set[Key]:
    """The stored keys that identify the same speaker as ``keys``: names match names,
    acronyms match capitals and capitals match acronyms."""
    out: set[Key] = set()
    for kind, key in keys:
        if kind == "name":
            out.add(("name", key))
        elif kind == "acro":
            out.add(("caps", key))
        elif kind == "caps":
            out.add(("acro", key))
    return out


def better_name(current: str, candidate: str) -> str:
    """The name to show for a speaker: a written-out name beats capitals, longer beats shorter,
    and ties go to the alphabetically first so the choice is deterministic."""

    def rank(name: str) -> tuple[int, int, str]:
        return (0 if is_caps(name) else 1, len(name), "".join(chr(0x10FFFF - ord(c)) for c in name))

    return max(current, candidate, key=rank)
