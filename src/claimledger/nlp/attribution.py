"""Who said what: cue, source mention and content of reported speech (issue: Claims, point 1).

Two readings of the same ``Doc``. Without a parse (``spacy.blank("en")`` + sentencizer) the
positions of a reporting cue, commas and quotation marks decide: "SOURCE CUE (that) CONTENT",
"CONTENT, SOURCE CUE", "CONTENT, CUE SOURCE", "according to X", "Name: …", "“…” ― Name". With
a dependency parse the SFU Gender Gap Tracker's rules take over where they apply: the cue's
nominal subject subtree is the source and its clausal complement (``ccomp``) the content; the
positional rules fill in whatever the parse leaves empty.

Conventions (PolNeAR's, which the benchmark scores): the cue takes its auxiliaries and
adverbs ("has also said"); the content keeps its "that" and runs to the clause end; the source
is the whole subject phrase, appositives included, or the bare pronoun / relative pronoun
("he", "who") as written. A quote that continues the same paragraph after "…,” said X." is a
second content piece. A quoted paragraph right after an attributed quote is a floating quote:
its own draft with ``inherited=True`` that reuses the cue and source spans of the attribution it
follows. Gerund cues ("…, saying that …", "…, adding that …") are likewise ``inherited`` and
reuse the source span of the attribution in the same sentence when there is one (else None, for
the orchestrator's coreference to fill).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable
from itertools import compress, pairwise
from operator import attrgetter
from typing import Any

from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from claimledger.nlp.attribution_nouns import POLL_NOUNS, noun_cues, poll_cues
from claimledger.nlp.attribution_quotes import find_quotes
from claimledger.nlp.cues import (
    AS_FRAME,
    CHAIN_FORMS,
    CLAUSE_ONLY,
    CUE_PARTICLES,
    NOUN_CUES,
    REQUIRED_PARTICLES,
    STRONG_FORMS,
    WEAK_FORMS,
    cue_lemma,
    is_cue_adverb,
)
from claimledger.nlp.drafts import AttributionDraft, CharSpan
from claimledger.nlp.pipeline import sentence_bounds

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)

# Words that end a subject phrase when walking left from the cue.
_CLAUSE_OPENERS = frozenset(
    [
        "and",
        "but",
        "or",
        "nor",
        "because",
        "as",
        "while",
        "when",
        "where",
        "if",
        "since",
        "after",
        "before",
        "although",
        "though",
        "so",
        "than",
        "whereas",
        "that",
        "whether",
        "how",
        "why",
        "what",
        "once",
        "unless",
        "until",
        "yet",
        "which",
        "who",
        "whom",
        "whose",
        "said",
        "says",
    ]
)
_BOUNDARY_PUNCT = frozenset([*";:()[]—―–\"“”„«»`'‘’", "--", "``", "''"])
_OPEN_QUOTES = frozenset({'"', "“", "„", "«", "``", "”"})
_QUOTE_MARKS = _OPEN_QUOTES | {"''", "”", "»"}
_OPENING_MARKS = _OPEN_QUOTES | {"''"}
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "no",
        "every",
        "each",
        "any",
        "some",
    ]
)
# Verbs whose first object is the hearer: "told reporters that …".
_HEARER_VERBS = frozenset(
    ["tell", "ask", "inform", "assure", "remind", "warn", "urge", "advise", "brief", "notify"]
)
# Words after an inverted cue that end the source ("said Ortega on Tuesday").
_SOURCE_TAIL_STOPS = frozenset(
    [
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "when",
        "while",
        "as",
        "because",
        "though",
        "although",
        "since",
        "last",
        "this",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tonight",
        "in",
    ]
)
# Words that make what follows a cue a clause rather than adjuncts or an inverted source.
_CLAUSE_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "be",
        "been",
        "being",
        "'s",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "won't",
        "can't",
        "isn't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "didn't",
    ]
)
# Newsroom labels before a colon that name no speaker ("Correction: …", "The Latest: …").
_EDITORIAL_LABELS = frozenset(
    [
        "the latest",
        "latest",
        "correction",
        "corrections",
        "clarification",
        "source",
        "sources",
        "update",
        "updated",
        "editor's note",
        "editor’s note",
        "note",
        "related",
        "watch",
        "read more",
        "photo",
        "photos",
        "photograph",
        "photographs",
        "photo credit",
        "picture",
        "pictures",
        "image",
        "images",
        "image credit",
        "credit",
        "credits",
        "illustration",
        "graphic",
        "video",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "live",
        "full text",
        "abstract",
    ]
)
_DASHES = frozenset({"―", "—", "–", "--"})
_COLON_AND_DASHES = _DASHES | {":"}
# Every word a verb cue can be: "according" (to) and the listed forms.
_CUE_WORDS = frozenset([*STRONG_FORMS, *WEAK_FORMS, "according"])
# Verb dependents that predicate something of a cue's object ("called X *a liar*").
_PREDICATIVE = frozenset(["oprd", "xcomp", "ccomp", "acomp", "advmod", "dative", "prep"])
_MODALS = frozenset(
    ["would", "should", "could", "might", "may", "will", "can", "must", "'d", "'ll", "wo", "ca"]
)
# Verbs of speaking that report an event unless a topic or a quote follows.
_VENUE_DETS = frozenset(["a", "an", "his", "her", "their", "its", "the"])
_VENUE_NOUNS = frozenset(["interview"])
_GLUED_DASH = re.compile(r"([”\"’'])[ \t\xa0]*([―—–]|--)[ \t\xa0]*(?=[A-Z])")
_CONTRACTED_AUX = frozenset(["'s", "'ve", "'re", "'d", "'ll", "'m"])


def _may_glue_dash(text: str) -> bool:
    """False when _GLUED_DASH cannot match: it needs a dash (a substring test is far cheaper
    than the pattern's scan)."""
    return "―" in text or "—" in text or "–" in text or "--" in text


_NO_COMMENT = re.compile(
    r"\b((?:did|does|could|has|have|had) (?:not|n[’']t) (?:\w+ly )?(?:respond|reply))"
    r" (to (?:a |an |the |repeated |several |multiple )?"
    r"(?:requests?|messages?|calls?|emails?|inquiry|inquiries) (?:\w+ )?for comment)"
)


def _may_say_no_comment(text: str) -> bool:
    """False when _NO_COMMENT cannot match: it needs "for comment"."""
    return "for comment" in text


# Strong cues that report only a clause, a quote or a colon after them: "added that …" /
# "he added:" report, "adding levity", "had added a week", "tell more jokes", "cards they
# never asked for" do not.
_CLAUSE_CUES = frozenset(["add", "tell", "ask"])
# Adverbs after a cue that belong to it before punctuation ("the senator said then, …",
# "adding later, “…”"); "said then that …" keeps its plain cue.
_POST_ADVERBS = frozenset(["then", "again", "later", "earlier"])
# -ly words after a cue that open its content or say how many ("said only", "supposedly").
_NOT_MANNER = frozenset(["only", "early", "nearly", "roughly", "largely", "mostly", "likely"])
# Verbs whose "as" phrase is what is claimed when the object stands elsewhere ("what she
# described as …", "dismissed as …").
_AS_VERBS = frozenset(
    [
        "describe",
        "characterize",
        "characterise",
        "label",
        "brand",
        "dismiss",
        "hail",
        "praise",
        "criticize",
        "criticise",
        "denounce",
        "cite",
        "depict",
        "see",
        "tout",
        "mock",
        "deride",
    ]
)
# Verbs of talking whose purpose infinitive reports the talk ("gathered to discuss …").
_PURPOSE_TALK = frozenset(["discuss", "talk"])
# Dependencies of a noun: a word the tagger calls a verb but the parse hangs there is a noun.
_NOUN_ROLES = frozenset(["dobj", "pobj"])
# Nouns naming groups of people or writings, which speak though "that" refers to them.
_GROUP_NOUNS = frozenset(
    [
        "panel",
        "group",
        "committee",
        "company",
        "agency",
        "organization",
        "organisation",
        "campaign",
        "coalition",
        "court",
        "board",
        "council",
        "party",
        "government",
        "administration",
        "union",
        "team",
        "network",
        "firm",
        "bank",
        "newspaper",
        "paper",
        "magazine",
        "outlet",
        "station",
        "department",
        "ministry",
        "office",
        "commission",
        "alliance",
        "association",
        "institute",
        "center",
        "centre",
        "foundation",
        "poll",
        "survey",
        "study",
        "report",
        "lawmaker",
        "official",
        "people",
        "letter",
        "statement",
        "memo",
        "document",
        "email",
        "tweet",
        "post",
        "ad",
        "filing",
        "book",
        "article",
        "video",
        "website",
        "site",
        "page",
        "record",
        "transcript",
    ]
)
# Subordinators that open an adverbial clause, not a report, after "CUE, …".
_ADVERBIAL_OPENERS = frozenset(
    [
        "since",
        "because",
        "although",
        "though",
        "while",
        "when",
        "after",
        "before",
        "until",
        "unless",
    ]
)
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
# Prepositions that open the topic of talk ("spoke out Tuesday *about* the death").
_TOPIC_PREPS = frozenset(["about", "of", "on", "for", "against"])
# Verbs whose one-word object and preposition PolNeAR counts in the cue ("accused him of").
_OBJECT_PREPS = {"accuse": "of", "ask": "about"}
# Prepositions a passive cue takes along ("was accused of", "is described as").
_PASSIVE_PREPS = frozenset(["of", "for", "as"])
_COORDINATORS = frozenset(["and", "but", "or", "yet", "though", "although", "while"])
_TOPIC_VERBS = frozenset(["speak", "talk"])
# Subjects that name no speaker of an earlier clause: "…, nobody talks about it", "this
# proves it" comment on what came before; they report nothing someone said.
_NON_SPEAKERS = frozenset(
    ["nobody", "no one", "no-one", "noone", "none", "this", "that", "these", "those"]
)
_PRONOUN_CONTENT = re.compile(r"(?:it|this|that|these|those)(?:\s+\w+ly|\s+again|\s+too)?", re.I)
_MAX_SOURCE_TOKENS = 40
# One character for which str.isalnum() is true (\w is exactly those and "_").
_ALNUM = re.compile(r"[^\W_]")
# Every token a draft can start from: verb cues, noun cues, poll nouns ("in some polls"),
# colons and dashes ("Name: …", "“…” ― Name"). where() finds its words among these only.
_WATCHED = frozenset([*_CUE_WORDS, *NOUN_CUES, *POLL_NOUNS, *_COLON_AND_DASHES])
# The same as token.lower (a hash), to skip a region before reading any string.
_WATCHED_HASHES = frozenset(hash_string(word) for word in _WATCHED)
# Where a content that follows its cue ends: a participle or "according to" after a comma.
_TAIL = re.compile(
    r",\s+(?:according to|(?!during|including|bring|string|thing|nothing|something|anything"
    r"|everything)[a-z]{2,}ing)\b"
)


def _plain_adverb(word: str) -> bool:
    """An adverb of the cue group that is no auxiliary ("now", "then", "also")."""
    return word in ("now", "then", "also", "just", "please", "so") or (
        word.endswith("ly") and len(word) > 4
    )


def _end(token: Token) -> int:
    return token.idx + len(token.text)


_token_start = attrgetter("idx")  # key to bisect a token list by char offset
_lower_hash = attrgetter("lower")


class _lazy:  # lower case: used as a decorator, like functools.cached_property
    """functools.cached_property without its lock (Python 3.11 takes one on each first read,
    a cost for the many small regions): computed on first read, then a plain attribute."""

    def __init__(self, compute: Callable[[_Finder], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, finder: _Finder, owner: type | None = None) -> Any:
        value = finder.__dict__[self.name] = self.compute(finder)
        return value


# Lexeme LOWER hash → its string, for every lower-case form seen: a dict lookup is several
# times cheaper than token.lower_, which decodes the string from the StringStore on each read.
_LOWER_OF: dict[int, str] = {}


def _lowers(doc: Doc, hashes: list[int]) -> list[str]:
    """token.lower_ of every token, from their token.lower hashes."""
    known = _LOWER_OF
    try:
        return list(map(known.__getitem__, hashes))
    except KeyError:
        if len(known) > 1_000_000:
            known.clear()  # a bound for long runs over very varied text
        strings = doc.vocab.strings
        for h in hashes:
            if h not in known:
                known[h] = strings[h]
        return [known[h] for h in hashes]


class _Finder:
    """One pass over a Doc; holds the quote spans and sentence units it needs."""

    def __init__(
        self,
        doc: Doc,
        text: str | None = None,
        toks: list[Token] | None = None,
        lowers: list[str] | None = None,
        hits: list[int] | None = None,
        untagged: bool = False,
    ) -> None:
        self.doc = doc
        if untagged:  # known without has_annotation's walk over every token
            self.parsed = self.tagged = False
        # the Doc's tokens once: indexing a list is far cheaper than indexing the Doc
        self.toks: list[Token] = list(doc) if toks is None else toks
        if lowers is None:
            lowers = _lowers(doc, [token.lower for token in self.toks])
        self.lowers = lowers
        if hits is not None:
            self.hits = hits  # else read on first use
        self.text = doc.text if text is None else text
        first_break = self.text.find("\n")
        self.headline_end = first_break if first_break >= 0 else -1

    # The rest is read on first use: find_attributions skips most regions before it is needed.

    @_lazy
    def parsed(self) -> bool:
        return self.doc.has_annotation("DEP")

    @_lazy
    def tagged(self) -> bool:
        return self.doc.has_annotation("POS")

    @_lazy
    def quotes(self) -> list[tuple[int, int]]:
        return find_quotes(self.text)

    @_lazy
    def starts(self) -> list[int]:
        """Char offset of each token."""
        return [token.idx for token in self.toks]

    @_lazy
    def unit_of(self) -> list[tuple[int, int]]:
        return self._units()

    @_lazy
    def hits(self) -> list[int]:
        """Indexes of the tokens a draft can start from (see _WATCHED), in order."""
        lowers = self.lowers
        return list(compress(range(len(lowers)), map(_WATCHED.__contains__, lowers)))

    # ---- text structure ------------------------------------------------------------

    def _units(self) -> list[tuple[int, int]]:
        """For each token, the [start, end) token range of its sentence cut at line ends.

        A single line break inside a sentence that is a soft wrap (no sentence punctuation
        before it, lower case after it) does not cut.

        Only sentence starts and tokens after a line break can start a unit, so those few
        tokens are visited instead of every token (this runs for every region); the tests
        on punctuation and spaces read the lower-case forms, where they read the same.
        """
        toks = self.toks
        lowers = self.lowers
        n = len(toks)
        try:
            begins = {first for first, _, _ in sentence_bounds(self.doc)}
        except ValueError:  # no sentence boundaries set: lines cut the units alone
            begins = set()
        begins.add(0)
        text = self.text
        line_break = text.find("\n")
        if len(begins) == 1 and line_break < 0:
            return [(0, n)] * n  # one sentence, one line: one unit
        broken: set[int] = set()  # tokens holding a line break
        while line_break >= 0:
            broken.add(bisect.bisect_right(toks, line_break, key=_token_start) - 1)
            line_break = text.find("\n", line_break + 1)
        for p in sorted(broken):
            i = p + 1
            if i >= n:
                continue
            prev = toks[p]
            token = toks[i]
            if not prev.is_space and not token.is_space:
                soft = (
                    prev.text_with_ws.count("\n") == 1
                    and prev.text not in ".!?:”\"'"
                    and token.text[:1].islower()
                )
                if not soft:
                    begins.add(i)
            if prev.is_space:
                before = toks[i - 2] if i > 1 else None
                soft = (
                    prev.text.count("\n") == 1
                    and before is not None
                    and before.text not in ".!?:”\"'"
                    and token.text[:1].islower()
                )
                if not soft:
                    begins.add(i)
        for i in sorted(begins):
            # the sentencizer leaves an opening quote mark at the end of the sentence before
            if i > 0 and i - 1 not in begins and lowers[i - 1] in _OPENING_MARKS:
                mark = toks[i - 1]
                if mark.idx == 0 or text[mark.idx - 1].isspace():
                    begins.add(i - 1)
                    begins.discard(i)
        for i in sorted(begins):
            # "“Why …?” he asks.": a question or exclamation inside a quote ends no sentence
            # when the reporting clause goes on in lower case
            if (
                i > 1
                and i - 1 not in broken
                and (
                    lowers[i - 1] in ("?", "!")
                    or (lowers[i - 1] in ("”", '"', "''") and lowers[i - 2] in ("?", "!"))
                )
                and (
                    toks[i].text[:1].islower()
                    or not STRONG_FORMS.keys().isdisjoint(lowers[i : i + 4])
                )
            ):
                begins.discard(i)
        units: list[tuple[int, int]] = []
        bounds = sorted(begins)
        bounds.append(n)
        for begin, end in pairwise(bounds):
            units.extend([(begin, end)] * (end - begin))
        return units

    def quote_covering(self, start: int, end: int) -> int | None:
        """Index of a quote whose span contains [start, end)."""
        for index, (q_start, q_end) in enumerate(self.quotes):
            if q_start <= start and end <= q_end:
                return index
            if q_start >= end:
                break
        return None

    def in_quote(self, token: Token) -> bool:
        """True when the token lies strictly inside a quote (marks excluded)."""
        if not self.quotes:
            return False
        start = token.idx
        end = start + len(token.text)
        for q_start, q_end in self.quotes:
            if q_start < start and end < q_end:
                return True
            if q_start > start:
                break
        return False

    def where(self, words: Collection[str]) -> list[int]:
        """Indexes of the tokens whose lower-case form is one of words, a subset of _WATCHED."""
        lowers = self.lowers
        return [i for i in self.hits if lowers[i] in words]

    def is_quote_mark(self, i: int) -> bool:
        return self.lowers[i] in _QUOTE_MARKS

    def tok_span(self, start: int, end: int) -> CharSpan | None:
        """Char span of tokens [start, end), trimmed of spaces and edge commas; None if empty."""
        lowers = self.lowers  # is_space and punctuation read the same on the lower-case form
        while start < end and (lowers[start].isspace() or lowers[start] in ",;—–―-"):
            start += 1
        while end > start and (
            lowers[end - 1].isspace()
            or lowers[end - 1] in ",;:—–―-"
            or lowers[end - 1] in ("and", "but", "or")
        ):
            end -= 1
        if start >= end:
            return None
        last = self.toks[end - 1]
        return (self.toks[start].idx, last.idx + len(last.text))

    def char_span(self, start: int, end: int) -> CharSpan | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–―-"):
            end -= 1
        return (start, end) if start < end else None

    # ---- cues ----------------------------------------------------------------------

    def cues(self) -> Iterable[tuple[int, int, int, str, bool]]:
        """(head token, group start, group end, lemma, strong) for every candidate cue."""
        doc = self.toks
        lowers = self.lowers
        n = len(doc)
        for i in self.where(_CUE_WORDS):
            token = doc[i]
            lower = lowers[i]
            if lower == "according" and i + 1 < n and lowers[i + 1] == "to":
                if not self.in_quote(token):
                    yield i, i, i + 2, "according to", True
                continue
            lemma = STRONG_FORMS.get(lower)
            strong = lemma is not None
            if lemma is None:
                lemma = WEAK_FORMS.get(lower)
            if lemma is None or self.in_quote(token):
                continue
            if self._purpose_talk(i) and not self._chained(i):
                end = i + 1
                if end < n and lowers[end] in CUE_PARTICLES.get(lemma, ()):
                    end += 1
                yield i, i - 1, end, lemma, strong  # "leaders gathered Friday to discuss …"
                continue
            if i > 0 and lowers[i - 1] == "to" and not self._chained(i):
                continue  # "to plan attacks", "needs to tell": an infinitive states no report
            if i > 0 and lowers[i - 1] == "-" and doc[i - 1].idx + 1 == token.idx:
                continue  # "puppet-states"

            if self.tagged:
                if token.pos_ not in ("VERB", "AUX") and not self._mistagged_verb(i):
                    continue
                if (
                    self.parsed
                    and token.dep_ in _NOUN_ROLES
                    and token.tag_ in ("VBZ", "VBP", "VB")
                    and not self._headline_verb(i)
                ):
                    continue  # "scrutinized *reports* like …": the parse holds it an object
                if token.tag_ in ("VBN",) and token.dep_ in ("amod", "acl") and lower != "said":
                    continue
            else:
                prev = lowers[i - 1] if i > 0 else ""
                if prev in _DETERMINERS or (prev in ("to",) and not strong):
                    continue
                if prev in ("'s", "’s") and lower in NOUN_CUES:
                    continue  # "the senator's claim": a noun (attribution_nouns)
            if (
                (lemma == "seem" or lower in CHAIN_FORMS)
                and i + 2 < n
                and lowers[i + 1] == "to"
                and (lowers[i + 2] in STRONG_FORMS or lowers[i + 2] in WEAK_FORMS)
            ):
                continue  # "seemed to suggest": the chain joins the cue that follows
            following = lowers[i + 1] if i + 1 < n else ""
            if lemma == "charge" and following == "with":
                continue  # "was charged with manslaughter": an indictment, not a report
            if lemma == "conclude" and following == "with":
                continue  # "the spot concludes with footage of …": an ending, not a finding
            if lemma == "report" and following == "from":
                continue  # "Julie Davis reported from Midway Atoll": a dateline credit
            if lemma == "add" and following == "up":
                continue  # "the bills add up to …": a sum, not a report
            if lemma == "prove" and following == "to":
                continue  # "the show proved to be a safe space": a copula, not a finding
            if i > 1 and lowers[i - 1] in ("'s", "’s", "us") and lowers[i - 2] == "let":
                continue  # "Let's say you …", "let us consider": the writer's own proposal
            if self._idiom_of_saying(i):
                continue  # "it goes without saying", "having said that", "says a lot about"
            if i > 0 and lowers[i - 1] == "worth":
                continue  # "it is worth noting that …": the writer's own aside
            if (
                lower == "compared"
                and i > 0
                and i + 1 < n
                and lowers[i - 1] in (",", "”", '"')
                and following in ("to", "with")
            ):
                continue  # "…, compared to 11% of …": a comparison, not a report
            required = REQUIRED_PARTICLES.get(lemma)
            if required is not None and (i + 1 >= n or following not in required):
                continue  # "point" alone is no cue, "pointed out" is
            if lemma in AS_FRAME and lemma != "see" and not self._as_frame(token):
                continue  # "painted the house", "the view from here"
            start = self._group_start(i)
            if lemma == "put" and not self._as_put_it(start, i):
                continue  # "put it on the table" is an act; "as the memo put it" a report
            if start > 0 and lowers[start - 1] in ("keeps", "kept", "keep"):
                start -= 1
            end = i + 1
            particles = CUE_PARTICLES.get(lemma, ())
            if end < n and lowers[end] in particles and doc[end].tag_ != "TO":
                end += 1  # "called for", "agreed with"; not the "to" of "agreed to pay"
            end = self._venue_end(self._post_modifiers(i, end))
            yield i, start, end, lemma, strong

    def _idiom_of_saying(self, i: int) -> bool:
        """Set phrases with "say" that report nothing: "it goes without saying that",
        "having said that," / "that said,", "needless to say", and "X says a lot / something
        about Y" (X reveals something, no one speaks)."""
        lowers = self.lowers
        if cue_lemma(lowers[i]) != "say":
            return False
        before = lowers[i - 1] if i > 0 else ""
        after = lowers[i + 1] if i + 1 < len(lowers) else ""
        if before in ("without", "needless") or (before == "having" and after in ("that", "this")):
            return True
        if before == "that" and after == "," and (i < 2 or lowers[i - 2] in (".", ",", "\n")):
            return True
        return after in ("something", "a", "lots", "volumes") and any(
            lowers[k] == "about" for k in range(i + 2, min(i + 5, len(lowers)))
        )

    def _purpose_talk(self, i: int) -> bool:
        """A purpose infinitive of talking ("met with the liaison *to discuss* document
        requests"): the meeting's subject discussed it; PolNeAR keeps "to" in the cue."""
        if not self.parsed or i == 0 or self.lowers[i - 1] != "to":
            return False
        token = self.toks[i]
        return self.lowers[i] in _PURPOSE_TALK and token.dep_ == "advcl" and token.head.i < i

    def _as_frame(self, verb: Token) -> bool:
        """ "VERB X as Y" with X after the verb: "see the program as an easier way", "painted
        Romney as an out-of-touch rich guy" (not "what he sees as …": X is fronted)."""
        if not self.parsed:
            return False
        objects = [c.i for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        return bool(objects) and any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > objects[0] for c in verb.children
        )

    def _as_put_it(self, start: int, head: int) -> bool:
        """ "…, as a Homeland Security memo put it." / "As X recently put it, …": the aside
        credits the wording to its subject, which "as" opens."""
        unit_start, _ = self.unit_of[head]
        source = self.source_before(start, unit_start)
        return source is not None and source[0] > unit_start and self.lowers[source[0] - 1] == "as"

    def _post_modifiers(self, head: int, end: int) -> int:
        """Past a verb particle and a manner or time adverb that modify the cue right after it:
        PolNeAR's cue is the whole verb group ("spoke out", "backed off", "said sarcastically",
        "complain bitterly", "said then"). Needs the parse: the word must hang on the cue."""
        if not self.parsed:
            return end
        doc = self.toks
        n = len(doc)
        if end < n and doc[end].dep_ == "prt" and doc[end].head.i == head:
            end += 1
        if end < n and doc[end].head.i == head and doc[end].tag_ == "RB":
            lower = doc[end].lower_
            time_word = lower in _POST_ADVERBS and (end + 1 >= n or doc[end + 1].is_punct)
            if time_word or (lower.endswith("ly") and len(lower) > 4 and lower not in _NOT_MANNER):
                end += 1
        verb = doc[head]
        particles = CUE_PARTICLES.get(cue_lemma(verb.text) or "", ())
        if end < n and doc[end].lower_ in _WEEKDAYS and end + 1 < n:
            after = doc[end + 1]
            if after.head.i == head and after.lower_ in (*particles, *_TOPIC_PREPS):
                return end + 2  # "spoke out Tuesday about", "weighed in Friday about"
        if (
            end < n
            and doc[end - 1].tag_ == "RB"
            and doc[end - 1].lower_.endswith("ly")
            and doc[end].lower_ in particles
            and doc[end].head.i == head
        ):
            end += 1  # "spoke emotionally of"
        lemma = cue_lemma(verb.text)
        if (
            lemma in _OBJECT_PREPS
            and end + 1 < n
            and doc[end].tag_ in ("PRP", "NNP")
            and doc[end].dep_ == "dobj"
            and doc[end + 1].lower_ == _OBJECT_PREPS[lemma]
            and doc[end + 1].head.i == head
        ):
            return end + 2  # "accused Holt of", "asked her about": one-word hearer and all
        if (
            end < n
            and doc[end].lower_ == "as"
            and doc[end].head.i == head
            and cue_lemma(verb.text) in _AS_VERBS
            and not any(c.dep_ == "dobj" and c.i > head for c in verb.children)
        ):
            return end + 1  # "an explosion that the mayor described as “an intentional act”"
        if (
            end < n
            and doc[end].lower_ in _PASSIVE_PREPS
            and doc[end].head.i == head
            and verb.tag_ == "VBN"
            and any(child.dep_ == "auxpass" for child in verb.children)
        ):
            end += 1  # "was accused of", "is criticized as"
        return end

    def _venue_end(self, end: int) -> int:
        """Past "in a (phone) interview" right after the cue: PolNeAR counts the interview
        a report was given in as part of its cue ("said in a recent interview"); a written
        statement is the report's medium and stays out ("said in a statement")."""
        doc = self.toks
        lowers = self.lowers
        n = len(doc)
        if end + 2 >= n or lowers[end] != "in" or lowers[end + 1] not in _VENUE_DETS:
            return end
        for j in range(end + 2, min(end + 5, n)):
            if lowers[j] in _VENUE_NOUNS:
                return j + 1
            if not doc[j].is_alpha:
                break
        return end

    def _mistagged_verb(self, i: int) -> bool:
        """ "Trump charges that …", "The campaign plans to …": a small tagger reads a
        present-tense cue after a noun as a plural noun; a clause or infinitive after it and a
        bare noun before it say it is the verb."""
        doc = self.toks
        token = doc[i]
        if i > 0 and i + 2 < len(doc) and self._headline_verb(i):
            return True
        if token.tag_ != "NNS" or i == 0 or doc[i - 1].tag_ not in ("NN", "NNP", "NNPS", "''"):
            return False
        if token.dep_ == "ROOT" and token.lower_.endswith("s"):
            return True  # "…, the candidate's former doctor maintains." has no other verb
        if i + 2 >= len(doc):
            return False
        after = doc[i + 1]
        if after.lower_ == "that":
            return after.tag_ == "IN"
        # "the campaign plans to employ …"; not "the alliance's member states to counter …",
        # a noun the parse already hangs on a preposition
        return after.lower_ == "to" and doc[i + 2].tag_ == "VB" and token.dep_ != "pobj"

    def _headline_verb(self, i: int) -> bool:
        """The headline (the text's first line) drops articles and capitalises every word:
        "Trump Questions The Debate", "Court rules against …" read as a noun compound by a
        small tagger. A present-tense -s form right after a name or noun and before an
        article, a preposition or a name is the verb there."""
        doc = self.toks
        token = doc[i]
        if token.idx > self.headline_end or token.tag_ not in ("NNS", "NNPS", "NNP"):
            return False
        if not token.lower_.endswith("s") or doc[i - 1].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            return False
        return doc[i + 1].tag_ in ("DT", "IN", "RP", "PRP$", "TO", "NNP", "``")

    def _group_word(self, i: int) -> bool:
        """An auxiliary or adverb of the cue group; a tagged noun is none ("Theresa May said",
        "the family said")."""
        lower = self.lowers[i]
        if lower.isspace():  # token.is_space (a space's lower-case form is itself)
            return "\n" not in lower  # a no-break space inside "has\xa0acknowledged"
        if self.tagged and self.toks[i].tag_ in ("NN", "NNS", "NNP", "NNPS"):
            return False
        lower = lower.replace("’", "'")
        if lower in _CONTRACTED_AUX:  # "he's claiming", "I've suggested"
            return lower != "'s" or (self.tagged and self.toks[i].tag_ != "POS")
        return is_cue_adverb(lower)

    def _chained(self, head: int) -> bool:
        """True when "to" + cue follows an aspect or raising verb ("continues to insist")."""
        return self._group_start(head) < head - 1 and self.lowers[head - 1] == "to"

    def _group_start(self, head: int) -> int:
        """First token of the cue group: auxiliaries, adverbs and an aspect or raising verb
        before "to" ("has also said", "continues to insist", "went on to say")."""
        lowers = self.lowers
        start = head
        while start > 0 and self._group_word(start - 1):
            start -= 1
        if start > 1 and lowers[start - 1] == "to":
            before = lowers[start - 2]
            if before == "on" and start > 2:
                before = f"{lowers[start - 3]} on"
            if before in CHAIN_FORMS:
                start -= 1 + len(before.split())
                while start > 0 and self._group_word(start - 1):
                    start -= 1
        return start

    # ---- source phrases ------------------------------------------------------------

    def source_before(self, group_start: int, unit_start: int) -> tuple[int, int] | None:
        """Token range of the subject phrase ending right before the cue group."""
        doc = self.lowers  # punctuation reads the same on the lower-case form
        j = group_start - 1
        if j < unit_start:
            return None
        if doc[j] in _RELATIVES:
            return (j, j + 1)
        if doc[j] == ")":
            # "The World Hockey Organisation (WHO) said": the name with its short form
            opener = next(
                (k for k in range(j - 1, max(unit_start, j - 6) - 1, -1) if doc[k] == "("),
                None,
            )
            if opener is None or opener - 1 < unit_start:
                return None
            start = self._walk_left(opener - 1, unit_start)
            return (start, group_start) if start is not None else None
        if doc[j] == ",":
            # "Brian Fallon, the campaign's press secretary, noted": skip the appositive
            k = j - 1
            while k >= unit_start and doc[k] != "," and doc[k] not in _BOUNDARY_PUNCT:
                k -= 1
            if k < unit_start or doc[k] != ",":
                return None
            appositive_first = doc[k + 1] if k + 1 < j else None
            if appositive_first is None:
                return None
            head_end = k
            start = self._walk_left(k - 1, unit_start)
            if start is None or start >= head_end:
                return None
            return (start, j)
        start = self._walk_left(j, unit_start)
        if start is None:
            return None
        return (start, group_start)

    def _walk_left(self, j: int, unit_start: int) -> int | None:
        """First token of the phrase that ends at token j (inclusive)."""
        lowers = self.lowers  # punctuation and spaces read the same on the lower-case form
        k = j
        while k >= unit_start:
            lower = lowers[k]
            if lower == "," or lower in _BOUNDARY_PUNCT or lower.isspace():
                break
            if lower in _CLAUSE_OPENERS and k != j:
                break
            if (
                lower in STRONG_FORMS
                and k != j
                and not self.toks[k].text[:1].isupper()
                and not (self.tagged and self.toks[k].tag_ in ("NN", "NNS", "JJ"))
            ):
                break  # a cue verb ends the phrase; a noun form does not ("a state memo")
            k -= 1
        start = k + 1
        if start > j or j - start + 1 > _MAX_SOURCE_TOKENS:
            return None
        return start

    def source_after(self, group_end: int, unit_end: int) -> tuple[int, int] | None:
        """Token range of an inverted source: "… said Colonel Sam Ortega, a spokesman …"."""
        doc = self.toks
        k = group_end
        stop = unit_end
        while stop > k and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
            stop -= 1
        lowers = self.lowers
        j = k
        while j < stop:
            lower = lowers[j]
            if lower in _SOURCE_TAIL_STOPS and j > k:
                break
            if lower in _QUOTE_MARKS or lower in ";:":
                break
            j += 1
        if j <= k or j - k > _MAX_SOURCE_TOKENS:
            return None
        if not (doc[k].text[:1].isupper() or lowers[k] in _DETERMINERS):
            return None
        return (k, j)

    # ---- one cue by positions ------------------------------------------------------

    def by_rules(
        self, head: int, start: int, end: int, lemma: str, strong: bool
    ) -> tuple[tuple[int, int] | None, list[CharSpan], bool] | None:
        """(source tokens, content pieces, inherited) for one cue, or None for no attribution."""
        doc = self.toks
        unit_start, unit_end = self.unit_of[head]
        if lemma == "according to":
            return self._according_to(start, end, unit_start, unit_end)
        lowers = self.lowers
        right = end
        while right < unit_end and lowers[right].isspace():
            right += 1
        left = lowers[start - 1] if start > unit_start else None
        gerund = lowers[head].endswith("ing") and start == head
        if gerund and left is None:
            return self._fronted_participle(head, lemma, unit_end)
        if gerund:
            if left is None or left != ",":
                return None
            content = self._content_after(head, end, unit_end, lemma)
            needs_clause = not strong or lemma in _CLAUSE_CUES
            if content is None or (needs_clause and not content[1]):
                return None
            return (None, content[0], True)
        # the subject phrase before the cue group, read once for the aside and the last rule
        source_before = self.source_before(start, unit_start)
        if strong:
            aside = self._as_aside(source_before, end, unit_start, unit_end)
            if aside is not None:
                return aside
        # "CONTENT, SOURCE CUE." / "CONTENT,” CUE SOURCE."
        tail_short = self._is_tail(right, unit_end) and not self._quote_follows(
            start, right, unit_start, unit_end
        )
        if tail_short:
            boundary = self._content_boundary_left(start, unit_start)
            if boundary is not None:
                source = None
                source_range = (boundary + 1, start)
                if source_range[0] < source_range[1]:
                    source = source_range
                else:
                    source = self.source_after(end, unit_end)
                content_end = doc[boundary].idx
                content_start = self._content_start(unit_start, boundary)
                piece = self.char_span(content_start, content_end)
                if piece is None or (not strong and not self._has_quote(piece)):
                    return None
                if source is None and not self._has_quote(piece):
                    return None
                pieces = [piece]
                tail = self._parenthetical_tail(right, unit_end, source)
                if tail is not None:
                    pieces.append(tail)
                return (source, pieces, False)
        # "SOURCE CUE (that) CONTENT"
        source = source_before
        content = self._content_after(head, end, unit_end, lemma)
        if content is None:
            return None
        pieces, evident = content
        if (not strong or lemma in _CLAUSE_CUES) and not evident:
            return None
        if source is None and not strong:
            return None
        return (source, pieces, False)

    def _fronted_participle(
        self, head: int, lemma: str, unit_end: int
    ) -> tuple[tuple[int, int] | None, list[CharSpan], bool] | None:
        """ "Citing an unfounded theory, Trump accused …" / "Lamenting their luck, Mexicans
        say …": a sentence-opening participle clause is said by the main clause's subject;
        its object is the content. Needs the parse; not in the headline, not "Speaking at …"."""
        verb = self.toks[head]
        if (
            not self.parsed
            or verb.tag_ != "VBG"
            or verb.dep_ != "advcl"
            or verb.head.i < head
            or lemma in _TOPIC_VERBS
            or verb.idx <= self.headline_end
        ):
            return None
        if not any(t.text == "," for t in self.toks[head : verb.head.i]):
            return None
        subject = next(
            (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > head),
            None,
        )
        content = self._object_content(verb, lemma, unit_end)
        if subject is None or content is None:
            return None
        return ((subject.left_edge.i, subject.right_edge.i + 1), content, False)

    def _as_aside(
        self, source: tuple[int, int] | None, end: int, unit_start: int, unit_end: int
    ) -> tuple[tuple[int, int] | None, list[CharSpan], bool] | None:
        """ "As many experts have pointed out, CONTENT." / "CONTENT, as police have said.":
        an "as" aside attributes the clause it is attached to (source: the subject phrase
        before the cue group)."""
        doc = self.toks
        lowers = self.lowers
        if source is None or source[0] - 1 < unit_start or lowers[source[0] - 1] != "as":
            return None
        as_index = source[0] - 1
        # only punctuation is looked for, which reads the same on the lower-case form
        before = lowers[as_index - 1] if as_index > unit_start else ""
        if before in ("”", "''", '"') and as_index - 1 > unit_start:
            before = lowers[as_index - 2]  # '… income," as a memo put it'
        if as_index > unit_start and before not in (",", "(", "—", "–"):
            return None
        stop = unit_end
        while stop > end and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
            stop -= 1
        if end < stop and lowers[end] == ",":
            piece = self.tok_span(end + 1, stop)
        elif end >= stop and as_index > unit_start:
            piece = self.tok_span(unit_start, as_index)
        else:
            return None
        return (source, [piece], False) if piece is not None else None

    def _quote_follows(self, start: int, right: int, unit_start: int, unit_end: int) -> bool:
        """ "X, a historian who was there, recalled, “Out of nowhere …”": a comma and an
        opening quote after the cue, with no quote before it, introduce the content."""
        lowers = self.lowers
        if right + 1 >= unit_end or lowers[right] != ",":
            return False
        if lowers[right + 1] not in _OPEN_QUOTES or self.in_quote(self.toks[right + 1]):
            return False
        return _QUOTE_MARKS.isdisjoint(lowers[unit_start:start])

    def _has_quote(self, piece: CharSpan) -> bool:
        return any(q_start < piece[1] and piece[0] < q_end for q_start, q_end in self.quotes)

    def _is_tail(self, right: int, unit_end: int) -> bool:
        """True when what follows the cue is no content: sentence end, a source, adjuncts."""
        lowers = self.lowers  # punctuation reads the same on the lower-case form
        if right >= unit_end:
            return True
        first = lowers[right]
        if first in ("that", "whether", "if", "how", "what", "why"):
            return False
        if first == ":" or (first in _OPEN_QUOTES and not self.in_quote(self.toks[right])):
            return False
        count = 0
        for k in range(right, unit_end):
            lower = lowers[k]
            if lower in {'"', "“", "``"} and _end(self.toks[k]) < len(self.text):
                return False
            if lower == "that" and k > right:
                return False
            if lower == ",":
                break
            if lower in _CLAUSE_VERBS:
                return False
            count += 1
        return count <= 16

    def _content_boundary_left(self, group_start: int, unit_start: int) -> int | None:
        """Token index of the comma / closing quote / dash that ends a fronted content."""
        lowers = self.lowers  # punctuation reads the same on the lower-case form
        j = group_start - 1
        steps = 0
        while j > unit_start and steps <= 25:
            lower = lowers[j]
            if lower in (",", "”", "''", '"', "—", "--", "―", "–") or (
                lower == "?" or lower == "!"
            ):
                # a closing quote right after a comma: boundary is the comma or quote
                if lower in ("”", "''", '"') or lower in ("?", "!"):
                    return j
                if j - 1 >= unit_start and lowers[j - 1] in ("”", "''", '"'):
                    return j - 1
                return j
            if lower in _CLAUSE_OPENERS or lower in STRONG_FORMS:
                return None
            j -= 1
            steps += 1
        return None

    def _content_start(self, unit_start: int, boundary: int) -> int:
        """Char start of a fronted content: the unit start, or an earlier quote opening."""
        doc = self.toks
        start = doc[unit_start].idx
        mark = doc[boundary]
        quote = self.quote_covering(mark.idx, _end(mark))
        if quote is not None:
            q_start = self.quotes[quote][0]
            if q_start < start:
                return q_start
        return start

    def _parenthetical_tail(
        self, right: int, unit_end: int, source: tuple[int, int] | None
    ) -> CharSpan | None:
        """The rest of the sentence after "…, he said, …" when it goes on."""
        lowers = self.lowers
        if source is None or source[1] > right:
            return None
        if right < unit_end and lowers[right] == "," and unit_end - right > 3:
            return self.tok_span(right + 1, unit_end)
        if right < unit_end and lowers[right] in _OPEN_QUOTES:
            return self.tok_span(right, unit_end)
        return None

    def _content_after(
        self, head: int, end: int, unit_end: int, lemma: str
    ) -> tuple[list[CharSpan], bool] | None:
        """Content after the cue to the clause end; evident = introduced by that/quote/colon."""
        doc = self.toks
        lowers = self.lowers  # punctuation and spaces read the same on the lower-case form
        k = end
        evident = False
        limit = min(unit_end, end + (8 if lemma in _HEARER_VERBS else 5))
        for j in range(end, limit):
            lower = lowers[j]
            if lower in ("that", "whether") or lower == ":":
                k = j + 1 if lower == ":" else j
                evident = True
                break
            if lower in _OPEN_QUOTES:
                k = j
                evident = True
                break
            if lower in ".;!?":
                break
        if k >= unit_end or all(lowers[j].isspace() for j in range(k, unit_end)):
            if evident and lowers[k - 1] == ":":
                paragraph = self._next_paragraph(_end(doc[k - 1]))
                if paragraph is not None:
                    return [paragraph], True
            return None
        content_start = doc[k].idx
        content_end = _end(doc[unit_end - 1])
        # a quote opened in the content runs to its closing mark
        for q_start, q_end in self.quotes:
            if content_start <= q_start < content_end < q_end:
                content_end = q_end
                break
        piece = self.char_span(content_start, content_end)
        if piece is None:
            return None
        if not evident and self._has_quote(piece):
            evident = True
        return [piece], evident

    def _next_paragraph(self, position: int) -> CharSpan | None:
        """The paragraph after a cue that ends its line with a colon ("He added:")."""
        text = self.text
        line_end = text.find("\n", position)
        if line_end < 0 or text[position:line_end].strip():
            return None
        start = line_end
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        return self.char_span(start, end if end >= 0 else len(text))

    def _according_to(
        self, start: int, end: int, unit_start: int, unit_end: int
    ) -> tuple[tuple[int, int] | None, list[CharSpan], bool] | None:
        """ "According to X, CONTENT." / "CONTENT, according to X(, CONTENT)." """
        lowers = self.lowers  # punctuation and spaces read the same on the lower-case form
        j = end
        while j < unit_end and lowers[j] not in (",", ".", ";", ":") and not lowers[j].isspace():
            j += 1
        if j == end:
            return None
        source = (end, j)
        pieces: list[CharSpan] = []
        before = self.tok_span(unit_start, start)
        if (before is not None and lowers[start - 1] in (",", "—", "(")) or start == unit_start:
            if before is not None:
                pieces.append(before)
            if j < unit_end and lowers[j] == ",":
                after = self.tok_span(j + 1, unit_end)
                if after is not None:
                    pieces.append(after)
        if not pieces:
            return None
        return (source, pieces, False)

    # ---- one cue by the parse ------------------------------------------------------

    def by_parse(
        self, head: int, lemma: str
    ) -> tuple[tuple[int, int] | None, list[CharSpan] | None]:
        """(source tokens, content pieces) from the dependency tree; None where it says nothing."""
        doc = self.toks
        verb = doc[head]
        source: tuple[int, int] | None = None
        content: list[CharSpan] | None = None
        if lemma == "according to":
            for child in verb.children:
                if child.lower_ == "to":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            source = (grand.left_edge.i, grand.right_edge.i + 1)
            return source, None
        for dep in ("agent", "nsubj", "nsubjpass"):  # a passive's agent is the speaker
            for child in verb.children:
                if child.dep_ != dep or source is not None:
                    continue
                if dep == "agent":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            source = (grand.left_edge.i, grand.right_edge.i + 1)
                else:
                    source = (child.left_edge.i, child.right_edge.i + 1)
        if source is None and self._purpose_talk(head):
            source = self._chain_subject(verb.head)  # "leaders gathered to discuss"
        if source is None and verb.dep_ == "xcomp" and self._chained(head):
            source = self._chain_subject(verb.head)  # "protesters continued to call for"
        if source is None:
            source = self._participle_subject(verb)
        if source is None:
            source = self._conjunct_subject(verb)
        unit_start, unit_end = self.unit_of[head]
        complements = [c for c in verb.children if c.dep_ == "ccomp"]
        if complements:
            pieces = []
            for comp in complements:
                left = max(comp.left_edge.i, unit_start)
                right = min(comp.right_edge.i + 1, unit_end)
                piece = self.tok_span(left, right)
                if piece is not None:
                    pieces.append(piece)
            content = pieces or None
        elif any(c.dep_ in ("xcomp", "dobj", "prep") for c in verb.children) and verb.i + 1 < len(
            doc
        ):
            if source is not None and (
                lemma not in CLAUSE_ONLY
                or self._as_frame(verb)
                or (verb.idx <= self.headline_end and verb.dep_ == "ROOT")
            ):  # a headline's "Obama Sees 'Personal Insult' if …" reports his view
                content = self._object_content(verb, lemma, unit_end)
        elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i and verb.i > verb.head.i:
            main = verb.head
            left = self.tok_span(max(main.left_edge.i, unit_start), verb.left_edge.i)
            right = self.tok_span(verb.right_edge.i + 1, min(main.right_edge.i + 1, unit_end))
            content = [p for p in (left, right) if p is not None] or None
        return source, content

    def _chain_subject(self, chain: Token) -> tuple[int, int] | None:
        """The subject of an aspect or raising verb that chains the cue ("X seemed to
        think"), or of the first conjunct it is coordinated with ("X agreed and seemed to …")."""
        for child in chain.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return (child.left_edge.i, child.right_edge.i + 1)
        return self._conjunct_subject(chain)

    def _participle_subject(self, verb: Token) -> tuple[int, int] | None:
        """The main clause's subject for a sentence-level participle cue: "Trump left,
        *citing* a conflict" → "Trump" (the participle has no subject of its own)."""
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
            return None
        if self.toks[verb.i - 1].text != ",":
            return None
        main = verb.head
        for child in main.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < verb.i:
                if child.lower_ in _RELATIVES:
                    return None
                return (child.left_edge.i, child.right_edge.i + 1)
        return None

    def _conjunct_subject(self, verb: Token) -> tuple[int, int] | None:
        """A coordinated cue shares its first conjunct's subject: "Trump attacked the deal and
        *called for* tariffs" → "Trump"."""
        head = verb
        while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < verb.i:
                    return (child.left_edge.i, child.right_edge.i + 1)
        return None

    def _pick_source(
        self, rules: tuple[int, int] | None, parse: tuple[int, int]
    ) -> tuple[int, int] | None:
        """The parse's subject, unless it crosses a line or is a piece of the rules' name."""
        doc = self.toks
        if any("\n" in doc[k].text for k in range(*parse)):
            return rules
        if rules is not None and rules[0] < parse[0] and parse[1] <= rules[1]:
            words = [t for t in doc[rules[0] : rules[1]] if not t.is_punct]
            if words and all(t.text[:1].isupper() for t in words):
                return rules
        return parse

    def _object_content(self, verb: Token, lemma: str, unit_end: int) -> list[CharSpan] | None:
        """Content of a cue without a clause: "wants to …", "cited the report", "called for …"."""
        particles = CUE_PARTICLES.get(lemma, ())
        for dep in ("xcomp", "dobj", "prep", "oprd"):
            for child in verb.children:
                if child.dep_ != dep or child.i < verb.i:
                    continue
                if dep == "oprd" and not any(
                    c.dep_ == "dobj" and c.i < verb.i for c in verb.children
                ):
                    continue  # "what she called *a rant*": the object is fronted
                if dep == "dobj" and lemma in _HEARER_VERBS:
                    continue
                if dep == "prep":
                    if child.lower_ not in particles:
                        continue
                    objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if not objects:
                        continue
                    child = objects[0]
                # the object with what is predicated of it: "called the deal “a disaster”",
                # "blasted Clinton as a disgrace", "shows Clinton ahead by 3 points"
                right = child.right_edge.i
                for sibling in verb.children:
                    if sibling.i > right and sibling.dep_ in _PREDICATIVE:
                        right = max(right, sibling.right_edge.i)
                piece = self.tok_span(child.left_edge.i, min(right + 1, unit_end))
                if piece is not None:
                    return [piece]
        return None

    # ---- all cues ------------------------------------------------------------------

    def run(self) -> list[AttributionDraft]:
        drafts: list[AttributionDraft] = []
        taken: set[int] = set()
        weak_cues: set[CharSpan] = set()
        for head, start, end, lemma, strong in self.cues():
            if head in taken:
                continue
            rules = self.by_rules(head, start, end, lemma, strong)
            source_range: tuple[int, int] | None = None
            pieces: list[CharSpan] | None = None
            inherited = False
            if rules is not None:
                source_range, pieces, inherited = rules
            if self.parsed:
                parse_source, parse_content = self.by_parse(head, lemma)
                fronted_rules = (
                    rules is not None
                    and rules[0] is not None
                    and max(e for _, e in rules[1]) <= self.toks[start].idx
                )
                if (
                    fronted_rules
                    and parse_source is not None
                    and self.toks[parse_source[0]].idx < max(e for _, e in rules[1])
                ):
                    parse_source, parse_content = None, None  # the parse misread the sentence
                if parse_source is not None and not inherited:
                    source_range = self._pick_source(source_range, parse_source)
                fronted_quote = (
                    pieces is not None
                    and max(e for _, e in pieces) <= self.toks[start].idx
                    and self._has_quote(pieces[0])
                )
                if parse_content is not None and lemma != "according to" and not fronted_quote:
                    pieces = parse_content
                    if rules is None and not strong and parse_source is None:
                        pieces = None
            if not pieces:
                continue
            if not strong and (self._irrealis(head, start) or self._under_other_verb(head)):
                continue
            if self._imperative(head, start):
                continue
            headline = self.toks[head].idx <= self.headline_end
            if lemma in _TOPIC_VERBS and not headline and not self._has_topic(head, end, pieces):
                continue
            cue_span = self.tok_span(start, end) if lemma != "according to" else None
            if cue_span is None:
                cue_span = (self.toks[start].idx, _end(self.toks[end - 1]))
            source_span = self.tok_span(*source_range) if source_range else None
            if source_span is not None and any(
                source_span[0] < e and s < source_span[1] for s, e in pieces
            ):
                source_span = None
                if rules is not None and rules[0] is not None:
                    candidate = self.tok_span(*rules[0])
                    if candidate and not any(
                        candidate[0] < e and s < candidate[1] for s, e in pieces
                    ):
                        source_span = candidate
            if inherited and source_span is None:
                source_span = self._sentence_source(drafts, head)
            if inherited and source_span is None and self.parsed:
                subject = self._participle_subject(self.toks[head])
                source_span = self.tok_span(*subject) if subject else None
            pieces = [self._past_cue(p, cue_span) for p in pieces]
            if all(p is None or p[0] >= cue_span[1] for p in pieces):
                # "Not that anyone is arguing, since …" (kept after a fronted content: "…,
                # Graham said, since …" goes on with the speaker's reasoning)
                pieces = [p for p in pieces if p and not self._adverbial_after(p, cue_span)]
            pieces = self._extend_quotes([self._cut_tail(p, cue_span) for p in pieces if p])
            pieces = [p for p in pieces if _ALNUM.search(self.text, p[0], p[1])]
            if not pieces or self._comment_on_before(source_span, cue_span, pieces):
                continue
            subject = self.text[source_span[0] : source_span[1]].lower() if source_span else ""
            if not strong and subject == "you":
                continue  # "Do you know where …", "you think a degree will cost …": the reader
            if strong and subject == "that" and self._thing_antecedent(head):
                continue  # "rules that promise to …", "a talk that demands respect": a thing
                # described by what it does (people take "who")
            taken.update(range(start, end))
            if not strong:
                weak_cues.add(cue_span)
            drafts.append(
                AttributionDraft(
                    cue=cue_span,
                    cue_lemma=lemma,
                    source=source_span,
                    content=sorted(pieces),
                    quote="indirect",
                    inherited=inherited,
                )
            )
        drafts.extend(noun_cues(self, taken))
        drafts.extend(poll_cues(self, taken))
        drafts.extend(self._colon_and_dash_cues(drafts))
        drafts.sort(key=lambda d: d.cue)
        self._continuations(drafts)
        drafts.extend(self._floating(drafts))
        drafts.sort(key=lambda d: d.cue)
        for draft in drafts:
            draft.quote = self._quote_kind(draft.content)
        self._nest(drafts)
        return self._drop_nested_weak(drafts, weak_cues)

    def _drop_nested_weak(
        self, drafts: list[AttributionDraft], weak_cues: set[CharSpan]
    ) -> list[AttributionDraft]:
        """A weak cue inside another's content ("he said he *plans* to …") is part of what was
        said, not an attribution of its own (PolNeAR annotates the outer one only)."""
        keep = [
            d
            for d in drafts
            if not (
                d.nested_in is not None
                and not d.inherited
                and (
                    (d.cue in weak_cues and not self._coordinated(d))
                    or self._inside_indirect(d, drafts[d.nested_in])
                )
            )
        ]
        if len(keep) == len(drafts):
            return drafts
        for draft in keep:
            draft.nested_in = None
        self._nest(keep)
        return keep

    def _inside_indirect(self, draft: AttributionDraft, outer: AttributionDraft) -> bool:
        """A cue inside the reporter's paraphrase of what someone said ("the police said
        the officers *asked* him to …") is part of that report, not a second attribution
        PolNeAR annotates. Kept: "say", which reports speech wherever it stands ("… where the
        SDF *said* fighting was focused"), and a cue opened by a coordinator ("… and *warned*
        that …"), a clause of its own that the outer content ran over."""
        if outer.quote != "indirect" or outer.inherited or draft.cue_lemma == "say":
            return False  # "a commander said no fighters remained where the SDF said …"
        if self._coordinated(draft):
            return False  # "… and warned that …": a clause of its own
        if draft.source and self.text[draft.source[0] : draft.source[1]].lower() in _RELATIVES:
            return False  # "…, who says he is honored"
        before = self.text[
            max(0, (draft.source or draft.cue)[0] - 8) : (draft.source or draft.cue)[0]
        ]
        if before.split() and before.split()[-1].lower() in ("which", "whom"):
            return False  # "the test, which state news media claimed now allows …"
        return self._unit_start_char(draft.cue[0]) == self._unit_start_char(outer.cue[0])

    def _coordinated(self, draft: AttributionDraft) -> bool:
        """True when a coordinator opens the cue's clause ("… and *warned* that …", "…, and
        Clinton *called* it …"): a clause of its own that an outer content ran over."""
        starts = [draft.cue[0]] + ([draft.source[0]] if draft.source else [])
        for first in starts:
            before = self.text[max(0, first - 12) : first].split()
            if before and before[-1].lower().strip(",") in _COORDINATORS:
                return True
        return False

    def _comment_on_before(
        self, source: CharSpan | None, cue: CharSpan, pieces: list[CharSpan]
    ) -> bool:
        """ "…, nobody talks about it." / "this proves it again": a negative or demonstrative
        subject comments on the clause before it; neither reports what someone said."""
        if source is None or self.text[source[0] : source[1]].lower() not in _NON_SPEAKERS:
            return False
        if max(end for _, end in pieces) <= cue[0]:
            return True  # the "content" is the clause before the cue
        return (
            len(pieces) == 1
            and _PRONOUN_CONTENT.fullmatch(self.text[pieces[0][0] : pieces[0][1]]) is not None
        )

    def _unit_start_char(self, position: int) -> int:
        """Start char of the sentence unit holding position."""
        index = bisect.bisect_right(self.toks, position, key=_token_start) - 1
        return self.toks[self.unit_of[max(0, index)][0]].idx

    def _irrealis(self, head: int, start: int) -> bool:
        """A weak cue under a modal or as a bare infinitive ("would see", "refused to
        answer") states no attitude of its subject: no attribution."""
        doc = self.toks
        for k in range(start, head):
            if doc[k].lower_ in _MODALS:
                return True
        if start < head - 1 and self._chained(head):
            return False  # "continued to call for", "seemed to think": the chain is the cue
        if self._purpose_talk(head):
            return False
        if head > 0 and doc[head - 1].lower_ == "to":
            return True
        return self.parsed and doc[head].dep_ in ("xcomp", "relcl", "acl", "pcomp")

    def _under_other_verb(self, head: int) -> bool:
        """A weak cue that is the complement of a verb of no report ("help Mr. Putin
        *maintain* the image", "let them *know* that …", "it is apparent that Clinton
        *wanted* …"): the sentence is about something else, not an attitude reported."""
        verb = self.toks[head]
        if not self.parsed or verb.dep_ != "ccomp" or verb.head.i == head:
            return False
        return cue_lemma(verb.head.text) is None and verb.head.lower_ != "according"

    def _imperative(self, head: int, start: int) -> bool:
        """A bare cue with no subject heading its clause is an instruction to the reader
        ("please ask yourself …", "Now tell us …"), not a report of what someone said."""
        if not self.parsed:
            return False
        verb = self.toks[head]
        if any(not _plain_adverb(self.lowers[k]) for k in range(start, head)):
            return False  # an auxiliary: "did tell", "has said"; "Now tell us …" stays bare
        subject = ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark")
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            if verb.tag_ != "VB" or any(child.dep_ in subject for child in verb.children):
                return False
            verb = verb.head  # "… and ask yourself": the first conjunct decides
        if verb.tag_ != "VB" or verb.dep_ != "ROOT":
            return False
        return not any(child.dep_ in subject for child in verb.children)

    def _has_topic(self, head: int, end: int, pieces: list[CharSpan]) -> bool:
        """ "spoke to reporters Friday" reports an event; "spoke about X" / a quote a claim."""
        doc = self.toks
        if doc[end - 1].lower_ in ("about", "of", "on", "out"):
            return True
        if end < len(doc) and doc[end].lower_ in ("about", "of", "on", "out"):
            return True
        return any(self._has_quote(p) for p in pieces)

    def _thing_antecedent(self, head: int) -> bool:
        """The noun a relative "that" cue clause hangs on is a common noun that names no
        group of people and no writing ("rules", "a conversation"); "a panel that agreed",
        "the agency that announced", "a letter that says" name speakers."""
        verb = self.toks[head]
        if not self.parsed or verb.dep_ != "relcl":
            return False
        noun = verb.head
        return noun.tag_ in ("NN", "NNS") and noun.lemma_.lower() not in _GROUP_NOUNS

    def _adverbial_after(self, piece: CharSpan, cue: CharSpan) -> bool:
        """ "Not that anyone is arguing, *since* other emails suggest …": an adverbial clause
        set off by a comma after the cue gives a reason or time, not what was said."""
        if piece[0] < cue[1] or self.text[cue[1] : piece[0]].strip() != ",":
            return False
        first = self.text[piece[0] : piece[0] + 12].split(" ", 1)[0].lower()
        return first in _ADVERBIAL_OPENERS

    def _past_cue(self, piece: CharSpan, cue: CharSpan) -> CharSpan | None:
        """A content the cue reaches into starts after it ("accused *Holt of* being …")."""
        if cue[0] <= piece[0] < cue[1]:
            return self.char_span(cue[1], piece[1]) if piece[1] > cue[1] else None
        return piece

    def _cut_tail(self, piece: CharSpan, cue: CharSpan) -> CharSpan:
        """End a content after the cue before ", adding …" / ", according to …"."""
        start, end = piece
        if start < cue[1]:
            return piece
        for match in _TAIL.finditer(self.text, start, end):
            if match.start() > start and not any(q0 < match.start() < q1 for q0, q1 in self.quotes):
                cut = self.char_span(start, match.start())
                return cut if cut is not None else piece
        return piece

    def _sentence_source(self, drafts: list[AttributionDraft], head: int) -> CharSpan | None:
        """Source of the attribution earlier in the same sentence ("…, adding that …")."""
        unit_start, _ = self.unit_of[head]
        first = self.toks[unit_start].idx
        for draft in reversed(drafts):
            if draft.cue[0] >= first and draft.source is not None:
                return draft.source
        return None

    def _extend_quotes(self, pieces: list[CharSpan]) -> list[CharSpan]:
        """Widen pieces that cut a quote so the quote is whole (marks stay balanced)."""
        out = []
        for start, end in pieces:
            for q_start, q_end in self.quotes:
                if q_start < start < q_end <= end + 2 and self.text[q_start:start].strip() in (
                    "“",
                    '"',
                    "``",
                    "”",
                ):
                    start = q_start
                if start <= q_start < end < q_end and (
                    self.text[end:q_end].strip(" ,.?!") in ("”", '"', "''", "")
                    or self._unit_end_char(end - 1) <= end + 1
                ):
                    # a quote opened in the content runs on to its closing mark, over
                    # sentence ends ("Trump said: “A. B. C.”")
                    end = q_end
            out.append((start, end))
        return out

    def _colon_and_dash_cues(self, drafts: list[AttributionDraft]) -> list[AttributionDraft]:
        """ "Name: words" at a line start, and "“quote” ― Name" (epigraph style)."""
        found: list[AttributionDraft] = []
        taken = {d.cue for d in drafts}
        doc = self.toks
        lowers = self.lowers
        n = len(doc)
        for i in self.where(_COLON_AND_DASHES):
            token = doc[i]
            unit_start, _ = self.unit_of[i]
            name_start = unit_start
            while name_start < i and self.is_quote_mark(name_start):
                name_start += 1
            if lowers[i] == ":" and 0 < i - name_start <= 6 and i + 1 < len(doc):
                name = self.doc[name_start:i]
                if (
                    all(_name_word(t.text) for t in name)
                    and not any(t.lower_ in STRONG_FORMS or t.lower_ in WEAK_FORMS for t in name)
                    and name.text.lower() not in _EDITORIAL_LABELS
                ):
                    line_end = i + 1
                    while line_end < n and not (
                        lowers[line_end].isspace() and "\n" in lowers[line_end]
                    ):
                        line_end += 1
                    content = self.tok_span(i + 1, line_end)
                    source = self.tok_span(name_start, i)
                    cue = (token.idx, _end(token))
                    if content and source and cue not in taken:
                        found.append(AttributionDraft(cue, ":", source, [content], "indirect"))
            elif lowers[i] in _DASHES and i > 0 and self.is_quote_mark(i - 1):
                quote = self.quote_covering(doc[i - 1].idx, _end(doc[i - 1]))
                line_end = i + 1
                while line_end < n and "\n" not in lowers[line_end]:  # nor in its whitespace
                    line_end += 1
                source = self.tok_span(i + 1, min(line_end + 1, n))
                if quote is not None and source and self.text[source[0]].isupper():
                    q_start, q_end = self.quotes[quote]
                    content = self.char_span(q_start, q_end)
                    cue = (token.idx, _end(token))
                    if content and cue not in taken:
                        found.append(AttributionDraft(cue, token.text, source, [content], "direct"))
                        taken.add(cue)
        found.extend(self._glued_dash_cues(taken))
        found.extend(self._no_comment_cues(taken))
        return found

    def _no_comment_cues(self, taken: set[CharSpan]) -> list[AttributionDraft]:
        """ "The campaign did not immediately respond to requests for comment": a stock
        newsroom line that reports a (non-)answer; the request is its content."""
        found: list[AttributionDraft] = []
        if not _may_say_no_comment(self.text):
            return found
        starts = self.starts
        for match in _NO_COMMENT.finditer(self.text):
            cue = match.span(1)
            first = bisect.bisect_left(starts, cue[0])
            if cue in taken or first >= len(starts) or starts[first] != cue[0]:
                continue
            unit_start, _ = self.unit_of[first]
            source_tokens = self.source_before(first, unit_start)
            source = self.tok_span(*source_tokens) if source_tokens else None
            content = self.char_span(*match.span(2))
            if source and content:
                found.append(AttributionDraft(cue, "respond", source, [content], "indirect"))
                taken.add(cue)
        return found

    def _glued_dash_cues(self, taken: set[CharSpan]) -> list[AttributionDraft]:
        """ "“quote”― Name" and "“quote”\xa0― Name": the tokenizer glues the dash to the quote
        mark or puts a no-break space between them, so the epigraph form is found in the text."""
        found: list[AttributionDraft] = []
        if not _may_glue_dash(self.text):
            return found
        for match in _GLUED_DASH.finditer(self.text):
            cue = match.span(2)
            quote = self.quote_covering(match.start(1), match.end(1))
            if cue in taken or quote is None:
                continue
            line_end = self.text.find("\n", match.end())
            source = self.char_span(match.end(), line_end if line_end >= 0 else len(self.text))
            content = self.char_span(*self.quotes[quote])
            if source and content:
                found.append(AttributionDraft(cue, match.group(2), source, [content], "direct"))
                taken.add(cue)
        return found

    def _next_quote_after(self, position: int, same_line: bool) -> tuple[int, int] | None:
        """The quote that opens right after position (only spaces, or a line break, between)."""
        for q_start, q_end in self.quotes:
            if q_start < position:
                continue
            gap = self.text[position:q_start]
            if gap.strip():
                return None
            if same_line and "\n" in gap:
                return None
            if not same_line and "\n" not in gap:
                return None
            return (q_start, q_end)
        return None

    def _unit_end_char(self, position: int) -> int:
        """End char of the sentence unit holding position."""
        doc = self.toks
        # the token Doc.char_span(position, position + 1, alignment_mode="expand") starts
        # with: the one holding position, none past the text or on a token's trailing space
        if not 0 <= position < len(self.text):
            return position
        index = bisect.bisect_right(doc, position, key=_token_start) - 1
        if position == _end(doc[index]):
            return position
        unit_start, unit_end = self.unit_of[index]
        while unit_end - 1 > unit_start and doc[unit_end - 1].is_space:
            unit_end -= 1
        return _end(doc[unit_end - 1])

    def _continuations(self, drafts: list[AttributionDraft]) -> None:
        """ "“A,” said X. “B.”": the quote that goes on in the same paragraph is a second piece."""
        if not self.quotes:
            return  # no draft holds a quote
        for draft in drafts:
            if draft.cue[0] < max(end for _, end in draft.content):
                continue  # cue not after the content: the content already runs to the end
            if not self._has_quote(draft.content[0]):
                continue
            after = self._unit_end_char(max(draft.cue[1], (draft.source or draft.cue)[1]))
            follow = self._next_quote_after(after, same_line=True)
            if follow is not None:
                piece = self.char_span(*follow)
                if piece is not None and not self._cue_inside(piece, drafts):
                    draft.content.append(piece)

    def _cue_inside(self, piece: CharSpan, drafts: list[AttributionDraft]) -> bool:
        return any(piece[0] <= d.cue[0] < piece[1] for d in drafts)

    def _floating(self, drafts: list[AttributionDraft]) -> list[AttributionDraft]:
        """A quoted paragraph right after an attributed quote inherits its speaker."""
        found: list[AttributionDraft] = []
        if not self.quotes:
            return found  # no draft holds a quote
        for draft in drafts:
            if not any(self._has_quote(piece) for piece in draft.content):
                continue
            end = max(max(e for _, e in draft.content), draft.cue[1], (draft.source or (0, 0))[1])
            position = self._unit_end_char(end - 1)
            while True:
                follow = self._next_quote_after(position, same_line=False)
                if follow is None:
                    break
                piece = self.char_span(*follow)
                if piece is None or self._cue_inside(piece, drafts + found):
                    break
                line_end = self.text.find("\n", follow[1])
                rest = self.text[follow[1] : line_end if line_end >= 0 else len(self.text)]
                if rest.strip():
                    break  # the paragraph goes on past the quote: not a floating quote
                found.append(
                    AttributionDraft(
                        cue=draft.cue,
                        cue_lemma=draft.cue_lemma,
                        source=draft.source,
                        content=[piece],
                        quote="direct",
                        inherited=True,
                    )
                )
                position = follow[1]
        return found

    def _quote_kind(self, pieces: list[CharSpan]) -> str:
        """direct: the content is quotes only; mixed: quotes and reporter's words; else indirect."""
        if not self.quotes:
            return "indirect"
        inside = 0
        outside = 0
        for start, end in pieces:
            covered = [
                (max(start, q0), min(end, q1)) for q0, q1 in self.quotes if q0 < end and start < q1
            ]
            covered_chars = sum(e - s for s, e in covered)
            words_outside = self.text[start:end]
            for s, e in sorted(covered, reverse=True):
                words_outside = words_outside[: s - start] + words_outside[e - start :]
            if covered_chars:
                inside += 1
            if _ALNUM.search(words_outside):
                outside += 1
        if inside and not outside:
            return "direct"
        if inside:
            return "mixed"
        return "indirect"

    def _nest(self, drafts: list[AttributionDraft]) -> None:
        """An attribution whose cue lies inside another's content is nested in it."""
        for index, draft in enumerate(drafts):
            best: int | None = None
            best_size = 0
            for other_index, other in enumerate(drafts):
                if other_index == index or other.inherited:
                    continue
                for start, end in other.content:
                    if start <= draft.cue[0] and draft.cue[1] <= end:
                        size = end - start
                        if best is None or size < best_size:
                            best, best_size = other_index, size
            draft.nested_in = best


def find_attributions(
    doc: Doc, text: str | None = None, *, untagged: bool = False
) -> list[AttributionDraft]:
    """Attributions in doc, char offsets relative to doc.text, ordered by cue position.

    ``text``: doc.text when the caller has it (spaCy rebuilds it from the tokens on each call).
    ``untagged``: the caller knows no tagger or parser ran over doc (the rules engine), so
    the reading without a parse is taken without asking every token.
    """
    if len(doc) == 0:
        return []
    if text is None:
        text = doc.text
    toks = list(doc)
    hashes = list(map(_lower_hash, toks))
    hits = list(compress(range(len(hashes)), map(_WATCHED_HASHES.__contains__, hashes)))
    if not _may_start_draft(hits, hashes, toks) and not (
        (_may_glue_dash(text) and _GLUED_DASH.search(text))
        or (_may_say_no_comment(text) and _NO_COMMENT.search(text))
    ):
        # run() can find nothing: every draft starts from a watched token (a cue verb or
        # noun, a poll noun, a colon or dash) or from a match of _GLUED_DASH or _NO_COMMENT
        return []
    return _Finder(doc, text, toks, _lowers(doc, hashes), hits, untagged).run()


_COLON_HASH = hash_string(":")
_DASH_HASHES = frozenset(hash_string(dash) for dash in _DASHES)
_QUOTE_MARK_HASHES = frozenset(hash_string(mark) for mark in _QUOTE_MARKS)


def _name_word(word: str) -> bool:
    """A word of the name before a "Name: words" colon: capitalised, or a mark inside a name."""
    return word[:1].isupper() or word in ".-'’"


def _may_start_draft(hits: list[int], hashes: list[int], toks: list[Token]) -> bool:
    """Whether a watched token can start a draft. A cue verb or noun or a poll noun can; a
    colon or dash is read only by ``_colon_and_dash_cues``, which needs a name (every word
    a ``_name_word``) before the colon and a word after it, or a quote mark before the dash:
    paragraphs whose only watched tokens are an aside's dashes or a colon after a lower-case
    word are skipped."""
    last = len(hashes) - 1
    for i in hits:
        lower = hashes[i]
        if lower == _COLON_HASH:
            if 0 < i < last and _name_word(toks[i - 1].text):  # the name's last word
                return True
        elif lower in _DASH_HASHES:
            if i > 0 and hashes[i - 1] in _QUOTE_MARK_HASHES:
                return True
        else:
            return True
    return False


@Language.factory(
    "claimledger_attribution",
    requires=["token.is_sent_start"],
    assigns=["doc._.attributions"],
)
def make_attribution_component(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()


class AttributionComponent:
    """spaCy component: sets doc._.attributions to the list of AttributionDraft."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = find_attributions(doc)
        return doc
