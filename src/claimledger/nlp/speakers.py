"""Canonical speakers: one entity per person, organisation or unnamed source in a document.

A claim's source mention ("Colonel Sam Ortega, a spokesman for the coalition", "CPJ", "he",
"an army spokesman") is read into a name, a role and an affiliation, then linked to an entity:

- acronyms defined in the text ("Committee to Protect Journalists (CPJ)") make one entity
  of the acronym and the full name; a descriptor after the definition (", an alliance of …")
  lets "the alliance" refer back to it;
- name variants of a person share the surname ("Colonel Sam Ortega", "Col Ortega",
  "Ortega" → Sam Ortega), countries share a gazetteer entry ("the US", "U.S.");
- pronouns (he, she, it, they, who, which) go to the most recent compatible mention in the
  same scope (the article, or one comment): speakers and names outside reported content
  first, then any name; gender, number and person-versus-organisation must agree;
- unnamed sources ("a witness", "an army spokesman") stay unnamed, one entity each, with the
  affiliation their premodifier or "of/for" phrase gives; a later definite description ("the
  spokesman") refers back to the latest one with the same head noun.

With a statistical pipeline its entity labels decide the kind of a name; without one, shape
rules (titles, role nouns, first names, organisation words, acronyms) do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from claimledger.model import Entity
from claimledger.nlp.gazetteer import (
    CAPITAL_OF,
    CAPITALISED_STOPWORDS,
    CAPITALS,
    COUNTRIES,
    COUNTRY_OF,
    DEMONYMS_PLURAL,
    FIRST_NAMES,
    HONORIFICS,
    KNOWN_ACRONYMS,
    ORG_NAMES,
    ORG_WORDS,
    PERSON_HEADS,
    PLACE_WORDS,
    PLACES,
    ROLE_NOUNS,
)


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


Span = tuple[int, int]

PRONOUNS: dict[str, tuple[str, str | None, str]] = {
    # word → (what it can refer to, gender, number)
    "he": ("person", "m", "sg"),
    "him": ("person", "m", "sg"),
    "she": ("person", "f", "sg"),
    "her": ("person", "f", "sg"),
    "it": ("thing", None, "sg"),
    "they": ("group", None, "pl"),
    "them": ("group", None, "pl"),
    "we": ("group", None, "pl"),
    "who": ("person", None, "any"),
    "which": ("thing", None, "any"),
    "that": ("any", None, "any"),
}
SPEAKER_REACH = 250  # characters back within which a speaker beats a nearer name for a pronoun
RELATIVE_REACH = 120  # characters between a relative pronoun and its antecedent, at most
_FUNCTION_WORDS = frozenset(_w("""of for the and de del al bin ibn van von la le da di du"""))
_DETERMINERS = frozenset(
    _w(
        """a an the one another some two three four several many other others most few local
        senior top former unnamed anonymous unidentified this that these those"""
    )
)
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-.&]*|of|for|the|and|on|in|de|al)(?:[ \t]+(?:[A-Z][\w’'\-.&]*|of|for|the|and"
    r"|on|in|de|al))*)[ \t]*\(([A-Z][A-Za-z&]{1,9})\)(?:,[ \t]+(?:an?|the)[ \t]+"
    r"(?:[a-z\-]+[ \t]+){0,2}?([a-z]+)\b)?"
)
_ACRONYM_PAREN = re.compile(r"\([A-Z][A-Za-z&]{1,9}\)")
_WORD = re.compile(r"[\w’'\-.&]+")
_POSSESSIVE = re.compile(r"^(?:the\s+)?((?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*)[’']s?\s+(.+)$")


_POSSESSIVE_S = re.compile(r"[’']s$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_SPACES = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b")
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_AFFILIATION_PHRASE = re.compile(r"\b(?:for|of|at|with)\s+(?:the\s+)?(.+)$")
_COMMON_NOUNS = re.compile(r"[a-z][a-z\s-]*")


@lru_cache(maxsize=8192)  # the same names come back again and again within a page
def norm(text: str) -> str:
    """Matching key: lower case, no dots, no leading article, single spaces."""
    text = _POSSESSIVE_S.sub("", text.strip())
    text = text.replace(".", "").lower()
    text = _LEADING_ARTICLE.sub("", text)
    return _SPACES.sub(" ", text).strip(" ,;:")


def country_of(text: str) -> str | None:
    return COUNTRY_OF.get(norm(text))


# -- acronyms ----------------------------------------------------------------------------


@dataclass
class Acronym:
    short: str
    full: str
    full_span: Span
    short_span: Span
    descriptor: str | None  # ", an alliance of …" → "alliance"


def _initials_match(words: list[str], short: str) -> int | None:
    """How many trailing words spell ``short`` by their initials (function words skipped)."""
    letters = [c for c in short if c.isalpha()]
    want = len(letters)
    i = len(words) - 1
    taken = 0
    while i >= 0 and want > 0:
        word = words[i]
        if word.lower() in _FUNCTION_WORDS and taken > 0:
            i -= 1
            continue
        if not word[:1].isupper() or word[0].upper() != letters[want - 1].upper():
            return None
        want -= 1
        taken = len(words) - i
        i -= 1
    return taken if want == 0 else None


def find_acronyms(text: str, start: int = 0, end: int | None = None) -> list[Acronym]:
    """Acronym definitions "Full Name (FN)" whose initials spell the acronym."""
    end = len(text) if end is None else end
    out: list[Acronym] = []
    if text.find("(", start, end) < 0 or not _ACRONYM_PAREN.search(text, start, end):
        return out  # no "(FN)": the long pattern need not be tried at every word
    for match in _ACRONYM_DEF.finditer(text, start, end):
        words_iter = list(_NON_SPACE.finditer(match.group(1)))
        words = [w.group(0) for w in words_iter]
        short = match.group(2)
        taken = _initials_match(words, short)
        if not taken:
            continue
        first = words_iter[len(words) - taken]
        full_start = match.start(1) + first.start()
        full_end = match.start(1) + words_iter[-1].end()
        out.append(
            Acronym(
                short=short,
                full=text[full_start:full_end],
                full_span=(full_start, full_end),
                short_span=(match.start(2), match.end(2)),
                descriptor=match.group(3),
            )
        )
    return out


# -- reading a mention ---------------------------------------------------------------------


@dataclass
class MentionInfo:
    """What a source mention says about its speaker."""

    name: str  # canonical-ish name ("Sam Ortega", "Committee to Protect Journalists")
    surface: str  # the naming part as written ("Colonel Sam Ortega", "an army spokesman")
    kind: str  # person | organisation | place | country | group | unnamed
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None  # as written; resolved to a canonical name later
    head: str | None = None  # head noun of an unnamed or descriptive mention
    plural: bool = False
    acronym: str | None = None
    definite: bool = False  # "the spokesman": may refer back to an earlier one
    person_like: bool = False


@lru_cache(maxsize=8192)
def classify_name(
    name: str, label: str | None = None, lone_word_is_person: bool = False
) -> tuple[str, str | None]:
    """(kind, gender) of a proper name, from an NER label when there is one, else its shape."""
    key = norm(name)
    if key in COUNTRY_OF:
        return "country", None
    if key in DEMONYMS_PLURAL:
        return "group", None
    words = name.split()
    first = words[0].rstrip(".").lower() if words else ""
    gender = FIRST_NAMES.get(first) or HONORIFICS.get(first)
    if label == "PERSON":
        return "person", gender
    if label in ("ORG",):
        return "organisation", None
    if label == "NORP":
        return "group", None
    if label in ("GPE", "LOC", "FAC"):
        return ("country" if key in COUNTRY_OF else "place"), None
    lowered_words = [w.lower().strip(".,") for w in words]
    if key in PLACES or any(w in PLACE_WORDS for w in lowered_words[1:]):
        return "place", None
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in ORG_WORDS for w in lowered) or any(
        w in ("of", "for", "the", "and") for w in lowered[1:]
    ):
        return "organisation", None
    if len(name) >= 2 and name.replace(".", "").replace("&", "").isupper():
        return "organisation", None
    if first in HONORIFICS or first in FIRST_NAMES:
        return "person", gender
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "person", gender
    if key in ORG_NAMES:
        return "organisation", None
    if key in CAPITALS:
        return "place", None
    if lone_word_is_person and len(words) == 1 and name[:1].isupper():
        return "person", gender  # a lone surname speaking ("Obama said") is a person
    return "organisation", None


def _clean_role(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words).strip(" ,;:")


def _affiliation_from_phrase(role: str) -> str | None:
    """ "spokesman for the coalition" → "coalition"; "head of the SDF" → "SDF". A resident of
    a town or a mother of a victim belongs to no organisation, and "the town" names none."""
    match = _AFFILIATION_PHRASE.search(role)
    if not match:
        return None
    if _role_words(role[: match.start()]) & _NON_MEMBER_HEADS:
        return None
    obj = match.group(1).strip(" ,;:")
    if obj.lower() in PLACE_COMMON_NOUNS:
        return None
    return obj or None


def _role_words(text: str) -> set[str]:
    return {w.lower().strip(".,’'") for w in text.split()}


# people described by where they live or whom they are related to, not by an organisation
_NON_MEMBER_HEADS = frozenset(
    _w(
        """resident residents native natives citizen citizens mother father son daughter wife
        husband brother sister friend friends neighbour neighbor neighbours neighbors survivor
        survivors witness witnesses victim victims relative relatives parent parents owner
        owners fan fans cousin uncle aunt grandmother grandfather widow"""
    )
)
PLACE_COMMON_NOUNS = frozenset(
    _w("town city village area region district neighbourhood neighborhood country province camp")
)


def _role_head(role: str | None) -> str | None:
    """The role noun of a role phrase: "SDF spokesman" and "spokesman for X" → "spokesman"."""
    if not role:
        return None
    for word in role.split():
        key = word.lower().strip(".,’'")
        if key in ROLE_NOUNS:
            return key
    return None


def parse_mention(text: str, label: str | None = None, source: bool = False) -> MentionInfo:
    """Read a source mention: name, role and affiliation from appositives and premodifiers."""
    text = _SPACES.sub(" ", text.strip())
    text = _RELATIVE_CLAUSE.split(text)[0]
    acronym = None
    paren = _PAREN_ACRONYM.search(text)
    if paren:
        acronym = paren.group(1)
        text = (text[: paren.start()] + text[paren.end() :]).strip()
    text = _PARENTHESIS.sub("", text).strip() or text  # "(D-Mass.)", "(R)"
    head_part, _, appositive = text.partition(", ")
    appositive_role = _clean_role(appositive.split(",")[0]) if appositive else None
    affiliation: str | None = None
    possessive = _POSSESSIVE.match(head_part)
    if possessive:
        affiliation = possessive.group(1)
    words = head_part.split()
    if not words:
        return MentionInfo(name=text, surface=text, kind="unnamed")
    last = words[-1]
    definite = words[0].lower() == "the"
    # unnamed: the mention ends in a common noun ("a witness", "an army spokesman", "officials")
    if last[:1].islower() and not country_of(head_part):
        head = last.lower().strip(".,")
        premods = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in _DETERMINERS]
        if possessive:
            premods = [w for w in premods if w not in possessive.group(1).split()]
        aff = affiliation or (" ".join(premods) if premods else None)
        if aff is None and appositive_role:
            aff = _affiliation_from_phrase(appositive_role)
        first = words[0]
        if first.lower() in _DETERMINERS and first[:1].isupper():
            head_part = first.lower() + head_part[len(first) :]
        return MentionInfo(
            name=head_part,
            surface=head_part,
            kind="unnamed",
            gender=ROLE_NOUNS.get(head) or HONORIFICS.get(head),
            role=appositive_role,
            affiliation=aff,
            head=head,
            plural=head.endswith("s") and head not in PERSON_HEADS,
            definite=definite,
            person_like=head in PERSON_HEADS or head.endswith(("man", "woman", "person")),
        )
    # named: titles and role nouns before the name
    role_end = -1
    for i, word in enumerate(words):
        key = word.lower().rstrip(".").rstrip("’'s")
        if key in ROLE_NOUNS or key in HONORIFICS:
            role_end = i
    gender = None
    role_words: list[str] = []
    name_words = words
    if role_end >= 0 and role_end < len(words) - 1:
        rest = words[role_end + 1 :]
        role_words = words[: role_end + 1]
        if rest[0].lower() in ("of", "for") and len(rest) >= 3:
            keep = 2 if len(rest) - 1 >= 3 else 1
            role_words += rest[: len(rest) - keep]
            rest = rest[len(rest) - keep :]
        name_words = rest
        for word in role_words:
            key = word.lower().rstrip(".")
            gender = gender or ROLE_NOUNS.get(key) or HONORIFICS.get(key)
    elif role_end == len(words) - 1:
        name_words = words
    if len(name_words) > 1 and name_words[0].lower() == "the":
        name_words = name_words[1:]
    name = " ".join(name_words).strip(" ,;:")
    surface = head_part
    is_honorific_only = all(w.lower().rstrip(".") in HONORIFICS for w in role_words)
    role_text = " ".join(role_words).strip()
    premod_role = None
    if role_words and not is_honorific_only:
        premod_role = role_text
    role = premod_role or appositive_role or None
    if affiliation is None and role_words and not is_honorific_only:
        caps = [
            w
            for w in role_words
            if w[:1].isupper()
            and w.lower().rstrip(".") not in ROLE_NOUNS
            and w.lower().rstrip(".") not in HONORIFICS
            and w.lower() not in _FUNCTION_WORDS
        ]
        if caps and role_words.index(caps[0]) == 0:
            affiliation = " ".join(caps[:1])
    if affiliation is None and role:
        affiliation = _affiliation_from_phrase(role) if appositive_role == role else None
    country = country_of(name)
    if country:
        kind, gen = "country", None
    elif role_words:
        kind, gen = "person", None
    else:
        kind, gen = classify_name(name, label, lone_word_is_person=source)
    if kind == "person":
        first = name.split()[0].lower().rstrip(".") if name else ""
        gender = gender or gen or FIRST_NAMES.get(first)
    return MentionInfo(
        name=name,
        surface=surface,
        kind=kind,
        gender=gender if kind == "person" else None,
        role=role,
        affiliation=affiliation,
        head=_role_head(appositive_role)
        or (appositive_role.split()[0].lower() if appositive_role else None),
        plural=kind == "group",
        acronym=acronym,
        person_like=kind == "person",
    )


# -- the resolver ----------------------------------------------------------------------------


@dataclass
class _Entity:
    name: str
    kind: str
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: set[Span] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # descriptors: "alliance", "spokesman"
    plural: bool = False
    person_like: bool = False
    unnamed: bool = False
    group: str | None = None  # scope of an unnamed entity

    def add_alias(self, alias: str) -> None:
        alias = alias.strip(" ,;:")
        fresh = alias and alias != self.name and alias not in self.aliases
        if fresh and alias.lower() not in PRONOUNS:
            self.aliases.append(alias)


@dataclass
class Candidate:
    """A name seen in the text: a possible antecedent for a pronoun."""

    span: Span
    text: str
    group: str
    label: str | None  # NER label when the model gave one
    in_content: bool = False


@dataclass
class SourceRef:
    """A claim's source mention to resolve (offsets in the record)."""

    key: int  # the caller's index for the claim
    span: Span
    text: str
    group: str
    content: list[Span]


class CandidateRegion(NamedTuple):
    """Where candidates come from: one region's names, read the first time a pronoun or a
    surname needs them (the names after a page's last pronoun, or in paragraphs without the
    surname, are never read)."""

    group: str | None  # the region's group; None: a ready list for any group
    start: int
    end: int
    read: Callable[[], list[Candidate]]


class SpeakerResolver:
    """Links source mentions to canonical entities, in text order."""

    def __init__(
        self,
        text: str,
        acronyms: list[Acronym],
        candidates: list[Candidate] | None = None,
        regions: list[CandidateRegion] | None = None,
    ) -> None:
        """``candidates`` all at once, or ``regions`` that read them (in text order)."""
        self.text = text
        self.entities: list[_Entity] = []
        self.by_key: dict[str, _Entity] = {}
        self.acronym_full: dict[str, str] = {}
        self.acronym_heads: dict[str, set[str]] = {}
        for acr in acronyms:
            self.acronym_full.setdefault(acr.short, acr.full)
            if acr.descriptor:
                self.acronym_heads.setdefault(norm(acr.full), set()).add(acr.descriptor)
        if regions is None:
            ready = candidates or []
            regions = [CandidateRegion(None, 0, len(text), lambda: ready)]
        self._regions = regions
        self._read: dict[int, list[Candidate]] = {}  # by region index, sorted by span
        self._candidate_words: dict[int, list[str]] = {}  # by id: each one's words, once needed
        self._parsed: dict[tuple[str, str | None, bool], MentionInfo] = {}
        # (span, entity, group, in_content) of every linked mention, for pronouns
        self.linked: list[tuple[Span, _Entity, str, bool]] = []

    def _region_candidates(self, index: int) -> list[Candidate]:
        found = self._read.get(index)
        if found is None:
            found = self._read[index] = sorted(self._regions[index].read(), key=lambda c: c.span)
        return found

    def _candidates_in(self, group: str, low: int, high: int) -> Iterator[Candidate]:
        """In text order, the candidates of the regions of ``group`` that can hold one ending
        in [low, high] (every candidate lies inside its region)."""
        for index, region in enumerate(self._regions):
            if region.start >= high:
                break
            if region.end >= low and region.group in (None, group):
                yield from self._region_candidates(index)

    def _parse(self, text: str, label: str | None = None, source: bool = False) -> MentionInfo:
        """``parse_mention``, read once per page for each mention text (nothing changes the
        MentionInfo it returns, so the one read is shared)."""
        key = (text, label, source)
        info = self._parsed.get(key)
        if info is None:
            info = self._parsed[key] = parse_mention(text, label, source)
        return info

    # ---- names ------------------------------------------------------------------------------

    def _canonical(self, name: str) -> str:
        if name in self.acronym_full:
            return self.acronym_full[name]
        stripped = _LEADING_THE.sub("", name)
        if stripped in self.acronym_full:
            return self.acronym_full[stripped]
        country = country_of(name)
        if country:
            return country
        # a well-known acronym the page does not define, unless the page spells it out itself
        return KNOWN_ACRONYMS.get(stripped, stripped)

    def resolve_affiliation(self, text: str | None) -> str | None:
        if not text:
            return None
        text = text.strip(" ,;:")
        canon = self._canonical(text)
        entity = self.by_key.get(norm(canon))
        return entity.name if entity else canon

    def _find_person(self, name: str) -> _Entity | None:
        words = name.split()
        surname = words[-1].lower() if words else ""
        for entity in reversed(self.entities):
            if entity.kind != "person" or entity.unnamed:
                continue
            e_words = entity.name.split()
            if not e_words:
                continue
            if len(words) == 1 and e_words[-1].lower() == surname:
                return entity
            if len(words) > 1 and len(e_words) == 1 and words[-1].lower() == e_words[0].lower():
                return entity
        return None

    def _full_name(self, surname: str, group: str) -> MentionInfo | None:
        """A longer name in the same scope that ends with this single word, read as a person's
        name ("Green Party presidential candidate Jill Stein" → Jill Stein)."""
        text = self.text
        for index, region in enumerate(self._regions):
            if region.group is not None and (
                region.group != group or text.find(surname, region.start, region.end) < 0
            ):
                continue  # a name ending with the surname holds it: not in this region
            for cand in self._region_candidates(index):
                if cand.group != group:
                    continue
                words = self._candidate_words.get(id(cand))
                if words is None:
                    words = self._candidate_words[id(cand)] = _POSSESSIVE_S.sub(
                        "", cand.text
                    ).split()
                if len(words) < 2 or words[-1] != surname:
                    continue
                info = self._parse(cand.text, cand.label)
                if info.kind == "person" and len(info.name.split()) >= 2:
                    return info
        return None

    def link_name(self, info: MentionInfo, span: Span | None, group: str) -> _Entity:
        """The entity for a named or unnamed mention, created when new."""
        if info.kind == "unnamed":
            return self._link_unnamed(info, span, group)
        canon = self._canonical(info.name)
        key = norm(canon)
        entity = self.by_key.get(key)
        single = len(canon.split()) == 1 and not canon.isupper()
        if entity is None and (info.kind == "person" or single):
            entity = self._find_person(canon)
        gender = info.gender
        kind = info.kind
        if entity is None and single and not country_of(canon):
            full = self._full_name(canon, group)  # "Stein" after "… candidate Jill Stein"
            if full is not None:
                canon, kind, gender = full.name, full.kind, full.gender or gender
                key = norm(canon)
                entity = self.by_key.get(key)
        if entity is None:
            if canon != info.name and canon in self.acronym_full.values():
                kind = "organisation"
            if country_of(canon):
                kind = "country"
            entity = _Entity(name=canon, kind=kind, gender=gender, plural=info.plural)
            entity.person_like = kind == "person"
            entity.heads |= self.acronym_heads.get(key, set())
            self.entities.append(entity)
        elif entity.kind == "person" and len(canon.split()) > len(entity.name.split()):
            entity.add_alias(entity.name)
            entity.name = canon
        self.by_key.setdefault(key, entity)
        for alias in (info.name, info.surface, info.acronym):
            if alias:
                entity.add_alias(_POSSESSIVE_S.sub("", alias))
                if alias != canon:
                    self.by_key.setdefault(norm(alias), entity)
        if info.acronym:
            self.acronym_full.setdefault(info.acronym, canon)
        entity.gender = entity.gender or info.gender
        entity.role = entity.role or info.role
        if info.affiliation and not entity.affiliation:
            entity.affiliation = self.resolve_affiliation(info.affiliation)
        if info.head and entity.kind != "person":
            entity.heads.add(info.head)
        role_head = _role_head(info.role)
        if role_head:
            entity.heads.add(role_head)
        if span:
            entity.mentions.add(span)
        return entity

    def _common_word(self, word: str) -> bool:
        """A capitalised word the page also writes in lower case: capitalised by position."""
        if " " in word:
            return False
        return _stands_alone(self.text, word.lower())

    def _link_unnamed(self, info: MentionInfo, span: Span | None, group: str) -> _Entity:
        if info.definite and info.head:
            for mention_span, entity, g, _ in reversed(self.linked):
                if g == group and span and mention_span[1] <= span[0] and info.head in entity.heads:
                    if span:
                        entity.mentions.add(span)
                    entity.add_alias(info.surface)
                    return entity
        affiliation = info.affiliation
        if affiliation and info.surface.startswith(affiliation) and self._common_word(affiliation):
            affiliation = None  # "Aid workers" opening a sentence: "aid" is no organisation
        entity = _Entity(
            name=info.surface,
            kind="unnamed",
            gender=info.gender,
            role=info.role,
            affiliation=self.resolve_affiliation(affiliation),
            plural=info.plural,
            person_like=info.person_like,
            unnamed=True,
            group=group,
        )
        if info.head:
            entity.heads.add(info.head)
        if span:
            entity.mentions.add(span)
        self.entities.append(entity)
        return entity

    # ---- pronouns -----------------------------------------------------------------------------

    def _compatible(self, entity: _Entity, pronoun: str) -> bool:
        want, gender, number = PRONOUNS[pronoun]
        if want == "person":
            if not entity.person_like or (number == "sg" and entity.plural):
                return False
            return gender is None or entity.gender in (None, gender)
        if want == "thing":
            if entity.person_like:
                return False
            return number != "sg" or not entity.plural or entity.kind == "organisation"
        if want == "group":
            return not entity.person_like or entity.plural
        return True

    def _candidate_entity(self, cand: Candidate) -> _Entity | None:
        """The entity a named candidate would be (without creating one yet)."""
        canon = self._canonical(cand.text)
        entity = self.by_key.get(norm(canon))
        if entity is not None:
            return entity
        kind, gender = classify_name(cand.text, cand.label)
        if kind == "person":
            found = self._find_person(canon)
            if found is not None:
                return found
        if kind in ("place",):
            return None
        return _Entity(
            name=canon,
            kind=kind,
            gender=gender,
            person_like=kind == "person",
            plural=kind == "group",
        )

    def resolve_pronoun(self, ref: SourceRef) -> _Entity | None:
        pronoun = ref.text.lower()
        position = ref.span[0]
        relative = PRONOUNS[pronoun][2] == "any"
        if not relative:  # "Obama said after meeting Putin. He …": a recent speaker first
            for span, entity, group, _ in reversed(self.linked):
                if group != ref.group or span[1] > position:
                    continue
                if position - span[1] > SPEAKER_REACH:
                    break
                if self._compatible(entity, pronoun):
                    return entity
        # "X, a staffer at the State Department who …": a relative takes the nearest compatible
        reach = RELATIVE_REACH if relative else position
        options: list[tuple[int, bool, object]] = []  # (end, outside content, cand/entity)
        for span, entity, group, in_content in self.linked:
            if group == ref.group and span[1] <= position and position - span[1] <= reach:
                options.append((span[1], not in_content, entity))
        contents = ref.content
        for cand in self._candidates_in(ref.group, position - reach, position):
            c_start, c_end = cand.span
            if cand.group != ref.group or c_end > position or position - c_end > reach:
                continue
            if any(s <= c_start and c_end <= e for s, e in contents):
                continue
            options.append((c_end, not cand.in_content, cand))
        options.sort(key=itemgetter(0), reverse=True)
        compatible: dict[int, bool] = {}  # by id(item): the same all through this call
        for outside_only in [False] if relative else [True, False]:
            for _, outside, item in options:
                if outside_only and not outside:
                    continue
                ok = compatible.get(id(item))
                if ok is None:
                    entity = item if isinstance(item, _Entity) else self._candidate_entity(item)
                    ok = entity is not None and self._compatible(entity, pronoun)
                    compatible[id(item)] = ok
                if not ok:
                    continue
                if isinstance(item, Candidate):
                    return self.link_name(self._parse(item.text, item.label), item.span, ref.group)
                return item  # type: ignore[return-value]
        return None

    # ---- driver -----------------------------------------------------------------------------

    def resolve(self, refs: list[SourceRef]) -> dict[int, _Entity | None]:
        """Entity of each source mention (by the caller's key); pronouns may stay unresolved."""
        out: dict[int, _Entity | None] = {}
        for ref in sorted(refs, key=lambda r: r.span):
            word = ref.text.strip().lower()
            if word in PRONOUNS:
                entity = self.resolve_pronoun(ref)
                if entity is not None:
                    entity.mentions.add(ref.span)
                    _, gender, _ = PRONOUNS[word]
                    if gender and entity.kind == "person":
                        entity.gender = entity.gender or gender
            else:
                info = self._parse(ref.text, source=True)
                entity = self.link_name(info, ref.span, ref.group)
            out[ref.key] = entity
            if entity is not None:
                self.linked.append((ref.span, entity, ref.group, False))
        return out

    # ---- mentions and output ------------------------------------------------------------------

    def collect_mentions(self, regions: list[Span]) -> None:
        """Every occurrence of an entity's name or aliases inside the regions (one scan with
        one pattern for all entities; a form shared by two entities goes to the first)."""
        owner: dict[str, _Entity] = {}
        for entity in self.entities:
            if entity.unnamed:
                continue
            forms = {entity.name, *entity.aliases}
            if entity.kind == "person" and len(entity.name.split()) > 1:
                forms.add(entity.name.split()[-1])
            if entity.kind == "country":
                forms |= {
                    v.upper() if len(v) <= 3 else v.title() for v in COUNTRIES.get(entity.name, ())
                }
            for form in sorted(forms):
                if len(form) >= 2 and form.lower() not in PRONOUNS:
                    owner.setdefault(form, entity)
        if owner:
            alternation = "|".join(_literal(f) for f in sorted(owner, key=len, reverse=True))
            pattern = re.compile(r"(?:" + alternation + r")(?![\w\-])")
            for start, end in regions:
                for match in pattern.finditer(self.text, start, end):
                    owner[match.group(0)].mentions.add((match.start(), match.end()))
        self._capital_mentions(regions)
        for entity in self.entities:  # "the alliance" after "The SDF, an alliance of …"
            if entity.unnamed or entity.kind == "person" or not entity.heads:
                continue
            first = min((s for s, _ in entity.mentions), default=0)
            heads = "|".join(re.escape(h) for h in sorted(entity.heads))
            pattern = re.compile(r"\b[Tt]he (?:" + heads + r")\b")
            for start, end in regions:
                for match in pattern.finditer(self.text, max(start, first), end):
                    entity.mentions.add((match.start(), match.end()))
                    entity.add_alias(match.group(0).lower())

    def _capital_mentions(self, regions: list[Span]) -> None:
        """A capital acting for its government ("Moscow is investigating Washington") is a
        mention of a country the page already has as an entity; a capital in a place phrase
        ("in Moscow", "the streets of Damascus"), inside a longer name ("George Washington",
        "Washington Post") or followed by "D.C." or "state" stays a place."""
        countries = {e.name: e for e in self.entities if e.kind == "country"}
        capitals = {c: countries[n] for c, n in CAPITAL_OF.items() if n in countries}
        if not capitals:
            return
        pattern = re.compile(
            r"("
            + "|".join(_literal(c.title(), escape=False) for c in sorted(capitals))
            + r")(?![\w\-])"
        )
        for start, end in regions:
            for match in pattern.finditer(self.text, start, end):
                before = self.text[max(start, match.start() - 40) : match.start()]
                after = self.text[match.end() : match.end() + 12]
                if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after):
                    continue
                entity = capitals[match.group(1).lower()]
                entity.mentions.add((match.start(), match.end()))
                entity.add_alias(match.group(1))

    def _named_form(self, common: str) -> str:
        """A bare common-noun affiliation ("coalition", from "a spokesman for the coalition")
        as the page names it in full elsewhere: "US-led coalition", "Saudi-led coalition".
        The most frequent such form wins, the shortest on a tie; none keeps the noun."""
        if not _COMMON_NOUNS.fullmatch(common):
            return common
        pattern = re.compile(
            r"(?<![\w-])((?:[A-Z][\w.’'-]*\s+)*[\w.’']+-(?:led|backed|run)\s+|"
            r"(?:[A-Z][\w.’'-]*\s+)+)(?:[a-z]+\s+)?" + re.escape(common) + r"\b"
        )
        counts: dict[str, int] = {}
        for match in pattern.finditer(self.text):
            form = match.group(0)
            if form.split()[0] in ("The", "A", "An"):
                form = form.split(None, 1)[1]
            if form != common:
                counts[form] = counts.get(form, 0) + 1
        if not counts:
            return common
        return min(counts, key=lambda f: (-counts[f], len(f), f))

    def entities_out(self) -> tuple[list[Entity], dict[int, str]]:
        """Record entities ordered by first mention (ids e1, e2 …) and id(entity) → record id."""
        for entity in self.entities:  # affiliations named before their entity was known
            if entity.affiliation:
                found = self.by_key.get(norm(entity.affiliation))
                if found is None and len(entity.affiliation.split()) == 1:
                    found = self._find_person(entity.affiliation)
                if found is not None and found is not entity:
                    entity.affiliation = found.name
                elif found is None:
                    entity.affiliation = self._named_form(entity.affiliation)
        kept = [e for e in self.entities if e.mentions]
        kept.sort(key=lambda e: (min(e.mentions), e.name))
        ids: dict[int, str] = {}
        out: list[Entity] = []
        for n, entity in enumerate(kept, 1):
            ids[id(entity)] = f"e{n}"
            mentions = _drop_nested(sorted(entity.mentions))
            out.append(
                Entity(
                    id=f"e{n}",
                    name=entity.name,
                    kind=entity.kind,
                    aliases=list(entity.aliases),
                    mentions=mentions,
                    role=entity.role,
                    affiliation=entity.affiliation if entity.affiliation != entity.name else None,
                )
            )
        return out, ids


def _literal(form: str, escape: bool = True) -> str:
    """``form`` as a pattern that matches only where no word character or hyphen comes before
    it. The check follows the first letter, so an alternation of such forms still opens with
    a letter and the engine skips straight to the places where one of them can start."""
    if not escape:
        return form[0] + r"(?<![\w\-].)" + form[1:]
    return re.escape(form[0]) + r"(?<![\w\-].)" + re.escape(form[1:])


# what makes a capital a place, not its government: a place preposition or a capitalised word
# just before it, or a name, "D.C." or "state" just after it
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|to|from|into|outside|around|across|over|via|through|towards?|of|"
    r"visit(?:s|ed|ing)?|reach(?:es|ed)?|left|leave|arriv(?:e|ed|ing)|back)|[A-Z][\w.]*)\s+$"
)
_PLACE_AFTER = re.compile(r"(?:,?\s+(?:D\.?C\.?|state|State)\b|\s+[A-Z]\w|’s\s+[A-Z]|'s\s+[A-Z])")


def _drop_nested(spans: list[Span]) -> list[Span]:
    """Keep the longest of mentions that overlap ("Colonel Sam Ortega" over "Ortega")."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


_RUN_CHAR = re.compile(r"[\w-]")
_EMPTY_ALONE = re.compile(r"(?<![\w-])(?![\w-])")


def _stands_alone(text: str, key: str) -> bool:
    """Whether ``key`` occurs in ``text`` with no [\\w-] character on either side (as
    ``(?<![\\w-])key(?![\\w-])`` finds it): the occurrences are found by ``str.find``, a
    pattern per word would be compiled, and a set of the page's runs read the whole page."""
    if not key:
        return _EMPTY_ALONE.search(text) is not None
    is_run_char = _RUN_CHAR.match
    size, end_of_text = len(key), len(text)
    at = text.find(key)
    while at >= 0:
        end = at + size
        if (at == 0 or not is_run_char(text, at - 1)) and (
            end == end_of_text or not is_run_char(text, end)
        ):
            return True
        at = text.find(key, at + 1)
    return False


# -- candidates ---------------------------------------------------------------------------------


def _ends_sentence(run: str) -> bool:
    """A run's last word ends a sentence ("Trump.") unless it is an abbreviation ("U.S.")."""
    last = run.split()[-1] if run.split() else ""
    return last.endswith(".") and "." not in last[:-1] and len(last) > 4 and not last[:-1].isupper()


# a word (as ``_WORD`` reads it) that opens with a capital or a letter outside ASCII: the
# first letter leads the pattern so the engine skips to it, the look-behinds then check that no
# word character comes before it and that it is one itself
_CAP_OPENER = re.compile(r"[^\x00-\x40\x5b-\x7f](?<![\w’'\-.&].)(?<=[\w’])[\w’'\-.&]*")


def capitalised_names(text: str, start: int, end: int) -> list[Span]:
    """Runs of capitalised words ("Colonel Sam Ortega", "Committee to Protect Journalists")
    that are not sentence-opening function words; a trailing possessive is left out."""
    out: list[Span] = []
    sub = text[start:end]  # the region alone: its first word starts at its start
    size = len(sub)
    taken = 0  # the words before this offset belong to the run read last
    search = _CAP_OPENER.search
    while (opener := search(sub, taken)) is not None:  # the next word after the last run
        s, e = opener.span()
        taken = e
        if not sub[s].isupper():
            continue
        if sub[s:e].lower().strip(".") in CAPITALISED_STOPWORDS:
            continue
        run_end, last = e, s  # the run's end and its last word's start
        # the next word joins when one space sets it off: a capitalised word, or "of"/"al"…
        # and a capitalised word after it
        while sub[run_end - 1] != "." or not _ends_sentence(sub[last:run_end]):
            if run_end + 1 >= size or sub[run_end] != " ":
                break
            nxt = _WORD.match(sub, run_end + 1)
            if nxt is None:
                break
            ns, ne = nxt.span()
            word = nxt.group(0)
            if word[:1].isupper() and word.lower() not in CAPITALISED_STOPWORDS:
                run_end, last = ne, ns
                continue
            if word.lower() in ("of", "for", "al", "de", "bin") and ne + 1 < size:
                after = _WORD.match(sub, ne + 1) if sub[ne] == " " else None
                if after is not None and after.group(0)[:1].isupper():
                    run_end, last = after.end(), after.start()
                    continue
            break
        taken = run_end
        piece = sub[s:run_end]
        if piece.endswith(("’s", "'s")):  # "[’']s?$" left off
            piece = piece[:-2]
        elif piece.endswith(("’", "'")):
            piece = piece[:-1]
        piece = piece.rstrip(".,-")
        before = sub[max(0, s - 20) : s].rstrip()
        opens_sentence = not before or before[-1] in '.!?:;“"'
        label_like = sub[s + len(piece) : s + len(piece) + 1] == ":" or piece.endswith("ly")
        if opens_sentence and label_like and " " not in piece and not country_of(piece):
            continue  # "Correction:", "Meanwhile": a sentence opener, not a name
        if piece and len(piece) >= 2:
            out.append((start + s, start + s + len(piece)))
    return out
