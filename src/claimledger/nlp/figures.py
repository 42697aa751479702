"""Figures in news text: numbers read as intervals, tied to what they count (DESIGN §1 item 4).

The reader works in three steps, all on the raw string so that it runs with no statistical
model at all:

1. ``numbers.find_numbers`` finds number mentions (digits, words, scales, vague amounts);
2. ``_is_not_a_figure`` throws out years, dates, times, ages, ordinals, identifiers, list
   numbering, "one of", and time references that place an event ("three days ago");
3. each survivor gets its interval from the qualifier before it, its unit from the word
   after it, the counted noun phrase (subject), and a measure from cue words in its clause
   ("were killed", "killing", "who have fled") or, failing that, from the noun itself
   ("protesters", "fighters"). Part-of links come from "including", "of whom", "among".

Everything is regex over short context windows; there is no per-character Python loop.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.nlp import figures_lexicon as lex
from claimledger.nlp.drafts import FigureDraft
from claimledger.nlp.numbers import NumberMention, find_numbers, lower_as_re
from claimledger.nlp.pipeline import sentence_bounds

# The readers' inline patterns, each compiled once: re's own cache is shared with code that
# compiles a pattern per page, which pushes these out and has re compile them again.
_rx = lru_cache(maxsize=None)(re.compile)

# ---------------------------------------------------------------------------------------------
# Context patterns (anchored at the end of the left context or the start of the right one).

_ABBREVIATIONS = "".join(
    rf"(?<!\b{abbr}\.)"
    for abbr in (
        "Mr", "Mrs", "Ms", "Dr", "St", "No", "Nos", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj",
        "Gov", "Sen", "Rep", "Prof", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "vs", "etc", "approx", "Inc", "Ltd", "Co", "Corp", "Rs",
    )
)  # fmt: skip
_SENTENCE_END_RE = re.compile(
    r"(?:[!?;]|\.(?<!\.[A-Z]\.)(?<!\b[A-Z]\.)" + _ABBREVIATIONS + r")(?=[\s\"'”’)\]]|$)"
    r"|\n\s*\n|\n(?=\s*(?:\d+[.)]\s|[-*•]))"
)

_QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "at_least",
        re.compile(
            r"\b(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|not\s+less\s+than)\s*$",
            re.I,
        ),
    ),
    (
        "at_most",
        re.compile(
            r"\b(?:up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|a\s+maximum\s+of"
            r"|no\s+more\s+than|not\s+more\s+than)\s*$",
            re.I,
        ),
    ),
    (
        "less_than",
        re.compile(r"\b(?:fewer\s+than|less\s+than|under|below|short\s+of)\s*$", re.I),
    ),
    (
        "approx",
        re.compile(
            r"\b(?:about|around|some|approximately|approx\.?|roughly|nearly|almost|close\s+to"
            r"|an\s+estimated|estimated|circa|just\s+under|just\s+over|just\s+shy\s+of"
            r"|or\s+so|upward\s+of)\s*$",
            re.I,
        ),
    ),
    (
        "more_than",
        re.compile(
            r"\b(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of|exceeding|well\s+over"
            r"|beyond)\s*$",
            re.I,
        ),
    ),
]
_QUALIFIER_WORDS = re.compile(
    r"(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|not\s+less\s+than|up\s+to"
    r"|as\s+many\s+as|as\s+much\s+as|at\s+most|a\s+maximum\s+of|no\s+more\s+than"
    r"|not\s+more\s+than|fewer\s+than|less\s+than|under|below|short\s+of|about|around|some"
    r"|approximately|approx\.?|roughly|nearly|almost|close\s+to|an\s+estimated|estimated"
    r"|circa|just\s+under|just\s+over|just\s+shy\s+of|upward\s+of|more\s+than|over|above"
    r"|upwards\s+of|in\s+excess\s+of|exceeding|well\s+over|beyond|another|a\s+further"
    r"|an\s+additional|only|a\s+total\s+of|total\s+of)\s*$",
    re.I,
)
_GLUED_QUALIFIER = {"over", "about", "nearly", "around", "some", "almost", "than", "least"}

_MONTH_BEFORE_RE = re.compile(rf"\b(?:{lex.MONTHS})\.?,?\s*$")
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?,?\s*(?:of\s+)?(?:{lex.MONTHS})\b")
_DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(?:{lex.MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*$|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:{lex.MONTHS})\.?,?\s*$"
)
_ORDINAL_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_TIME_AFTER_RE = re.compile(
    r"^(?:\s?[:.]\s?\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.|hrs|gmt|utc|local))?(?![\d,])"
    r"|\s?(?:am|pm|a\.m\.|p\.m\.|o'clock|o’clock)(?!\w)|\s?(?:gmt|utc|ist|est|cet|bst)\b)",
    re.I,
)
_TIME_AFTER_DOT_RE = re.compile(r"^\s?\.\s?\d{2}\b(?!\s?(?:am|pm|a\.m|p\.m|hrs))", re.I)
_AGE_AFTER_RE = re.compile(
    r"^[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*old\b"
    r"|^\s*(?:years?\s+of\s+age|yo\b|y/o\b)",
    re.I,
)
# "a 12-year-old insurgency" is a duration, not an age: the noun after it is an event.
_OLD_THING_RE = re.compile(
    r"^[\s-]*(?:years?|months?|weeks?|days?)[\s-]*old\s+(?:"
    + "|".join(sorted(lex.EVENT_NOUNS | lex.LASTING_THINGS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages|age|aged\s+between|ages\s+of|age\s+of|(?:mother|father|mum|mom|dad"
    r"|parent|parents|grandmother|grandfather)\s+of|children\s+(?:under|over|below|above)"
    r"|kids\s+(?:under|over|below|above)|(?:boys?|girls?)\s+(?:under|over)|those\s+(?:under|over))"
    r"\s*$",
    re.I,
)
_ADDRESS_AFTER_RE = re.compile(
    r"^\s+(?:block\b|(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Ave|Avenue|St|Street|Rd|Road|Blvd"
    r"|Boulevard|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Pkwy)\b)"
)
# a person's age after a copula: "he was 72 when …" (a noun after it makes it a count)
_AGE_COPULA_RE = re.compile(
    r"\b(?:he|she|who|i)\s+(?:was|is|turned|turns|had\s+turned|will\s+turn|"
    r"would\s+have\s+(?:been|turned))\s+$",
    re.I,
)
_HEAD_NOUN_AFTER_RE = re.compile(r"^\s*(?:[a-z]+\s+)?(?!when\b|at\b|and\b|in\b|on\b)[a-z]{3,}s\b")
_INLINE_LIST_RE = re.compile(r"(?:^|[.!?]\s+)$")
_NAME_COMMA_RE = re.compile(r"(?:\b[A-Z][a-z]+|\bJr\.|\bSr\.|\bboth|\baged?),?\s*$")
_IDENT_BEFORE_RE = re.compile(
    r"(?:\b(?:no|nos|number|num|#|id|code|flight|pin|tel|phone|ext|vol|page|p|pp|art|sec"
    r"|chapter|article|section|resolution|route|highway|road|street|sector|block|phase|gate"
    r"|terminal|platform|room|level|grade|class|category|zone|ward|plot|unit|brigade"
    r"|division|battalion|regiment|corps|squadron|fleet|mark|model|version|type|cell|camp"
    r"|point|line|bus|channel|kilometre|km|exit|box|district|precinct|stage|round|game"
    r"|match|week|day|episode|season|act|paragraph|photo|image|picture|slide|magnitude|scale|tier|stage|size|number|clause|item|step|hall|building|floor"
    r"|house|lot|batch|group|team|area|region|checkpoint|post|base|station|tower|wing"
    r"|apartment|flat|cabin|seat|bay|dock|pier|berth|lane|avenue|marker|junction|pillar"
    r"|call|dial|hotline)\.?|#)\s*$",
    re.I,
)
# the longest word the pattern ends with, its full stop included (see ``_ends_with``)
_IDENT_BEFORE_LONGEST = max(map(len, re.findall(r"[a-z]+", _IDENT_BEFORE_RE.pattern))) + 1
_CAP_WORD_BEFORE_RE = re.compile(r"[\w,;)][ \t]+([A-Z][\w’'-]*)[ \t]+$")
_CAP_WORD_OK = {
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "some",
    "all", "including", "killing", "another", "and", "with", "only", "about", "over", "nearly",
    "almost", "around", "than", "least", "to", "of", "in", "on", "at", "by", "for", "from",
}  # fmt: skip
_LIST_NUMBER_AFTER_RE = re.compile(r"^[.)]\s")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t>*•(-]*$")
_SLASH_DATE_RE = re.compile(r"^[/.-]\d{1,4}[/.-]\d{1,4}|^/\d")
_SLASH_BEFORE_RE = re.compile(r"\d[/]$|\d{1,4}[-.]\d{1,2}[-.]$")
_RANGE_JOIN_RE = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.I)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.I)
_FROM_RE = re.compile(r"\bfrom\s+$", re.I)
_PHOTO_RE = re.compile(r"^\s+of\s+\d+\s*(?:$|\n|\)|[-|])")

_TIME_UNIT_WORD = r"(?:seconds?|minutes?|hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies))"  # noqa: E501
_TIME_REFERENCE_AFTER_RE = re.compile(
    rf"^[\s-]*(?:more\s+|further\s+|additional\s+)?{_TIME_UNIT_WORD}\s+(?:ago|later|earlier|"
    r"before|after|prior|since|from\s+now|back|on|into|previously|beforehand|afterwards)\b",
    re.I,
)
_TIME_UNIT_AFTER_RE = re.compile(rf"^[\s-]*{_TIME_UNIT_WORD}\b", re.I)
_SUPERLATIVE_IN_RE = re.compile(
    r"\b(?:worst|first|heaviest|biggest|deadliest|largest|highest|lowest|best|strongest"
    r"|longest|bloodiest|fiercest|most\s+\w+|least\s+\w+|greatest|lowest|sharpest|fastest"
    r"|slowest|only|once|first\s+time|record)\b[^.;!?]{0,50}\b(?:in|for)\s+"
    r"(?:(?:more\s+than|over|nearly|almost|about|some|around|the\s+(?:past|last)|at\s+least)\s+)*$",
    re.I,
)
_EVERY_RE = re.compile(r"\b(?:every|each|per|once\s+in|twice\s+in)\s+$", re.I)
_ONE_PRONOUN_AFTER_RE = re.compile(
    r"^\s*(?:of\b|another\b|by\s+one\b|day\b|time\b|point\b|side\b|hand\b|way\b|thing\b"
    r"|such\b|who\b|that\b|which\b|or\s+(?:two|another|more|the\s+other)\b|[A-Za-z]+\s+to"
    r"\s+another\b|[A-Za-z]+\s+or\s+another\b|after\s+another\b|[^\w\s]|$)",
    re.I,
)
_ONE_PRONOUN_BEFORE_RE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which|some|someone|everyone|anyone|no-|little"
    r"|last|only|number|no\.)\s*$",
    re.I,
)
_YEAR_OK_AFTER_RE = re.compile(
    r"^[\s-]+(?:people|persons|civilians|soldiers|troops|police|protesters|demonstrators"
    r"|refugees|fighters|militants|families|households|homes|houses|children|women|men"
    r"|students|workers|tonnes|tons|km|kilomet\w+|miles|acres|hectares|barrels|dollars"
    r"|euros|troops|migrants|prisoners|rockets|missiles|cases|deaths|casualties|members"
    r"|residents|villagers|policemen|officers|employees|jobs|vehicles|buildings)\b",
    re.I,
)
_YEAR_BEFORE_RE = re.compile(
    r"\b(?:in|since|of|by|until|till|from|during|before|after|early|late|mid|the|between"
    r"|and|to|year|summer|winter|spring|autumn|fall|through)[\s-]*$|'s\s*$",
    re.I,
)

_CLAUSE_BREAK_RE = re.compile(
    r"\b(?:when|after|before|as|while|whereas|because|but|although|though|since|until|which"
    r"|whose|where|following|amid|despite|if|unless|said|says|according|told|added|reported"
    r"|even\s+as)\b|[;:()\[\]“”\"]|—|–\s",
    re.I,
)
_BACKWARD_CUE_RE = re.compile(
    r"\b(?P<cue>shot\s+dead|gunned\s+down|shot\s+and\s+killed|martyred|killing|killed|kills"
    r"|kill|lost|losing|left|leaving|injuring|injured|wounding|wounded"
    r"|hurting|abducted|abducting|kidnapped|kidnapping|seized|arrested|arresting|detained"
    r"|detaining|held|holding|rounded\s+up|evacuated|evacuating|displaced|displacing"
    r"|forcing|forced|sending|expelled|rescued|freed|released|executed|executing|massacred"
    r"|slaughtered|murdered|shot|shooting|beheaded|protests|rally|rallies|march|marches"
    r"|protest|demonstration|demonstrations|gathering|crowd|crowds|mob|strike|sit-in"
    r"|bodies\s+of|remains\s+of|deployed|deploying|mobilised|mobilized|sent|sending"
    r"|dispatched|infected|infecting|affected|affecting|captured|capturing"
    r"|claiming\s+the\s+lives\s+of|claimed\s+the\s+lives\s+of|the\s+lives\s+of"
    r"|death\s+toll\s+(?:rose|climbed|rising|reached|jumped|stood|stands|is|was|has\s+risen"
    r"|increased)(?:\s+to|\s+at)?|toll\s+(?:rose|climbed|reached|to|at|of)|toll\s+\w+\s+to"
    r"|raising\s+the\s+(?:death\s+)?toll\s+to|raised\s+the\s+(?:death\s+)?toll\s+to"
    r"|number\s+of\s+(?:dead|deaths|those\s+killed|people\s+killed|fatalities)\s+(?:to|at|rose\s+to)"
    r"|(?:total|tally)\s+of)"
    r"(?:\s+(?:with|along\s+with|together\s+with|by|of|another|a\s+further|an\s+additional"
    r"|(?:him|her|them)sel(?:f|ves)\s+and"
    r"|a\s+total\s+of|the|some|at\s+least|more\s+than|over|about|around|nearly|almost"
    r"|up\s+to|as\s+many\s+as|only|just|to))*\s*$",
    re.I,
)
_BACKWARD_MEASURE = {
    "shot dead": "killed", "gunned down": "killed", "shot and killed": "killed",
    "martyred": "killed", "bodies of": "killed", "remains of": "killed", "killing": "killed",
    "killed": "killed",
    "lost": "killed", "losing": "killed", "kills": "killed", "kill": "killed",
    "executed": "killed", "executing": "killed", "massacred": "killed",
    "slaughtered": "killed", "murdered": "killed", "beheaded": "killed", "shot": "injured",
    "shooting": "injured", "injuring": "injured", "injured": "injured", "wounding": "injured",
    "wounded": "injured", "hurting": "injured", "abducted": "kidnapped",
    "abducting": "kidnapped", "kidnapped": "kidnapped", "kidnapping": "kidnapped",
    "seized": "kidnapped", "arrested": "arrested", "arresting": "arrested",
    "detained": "arrested", "detaining": "arrested", "held": "arrested", "holding": "arrested",
    "rounded up": "arrested", "evacuated": "displaced", "evacuating": "displaced",
    "displaced": "displaced", "displacing": "displaced", "forcing": "displaced",
    "forced": "displaced", "sending": "displaced", "expelled": "displaced",
    "protests": "protesters", "protest": "protesters", "rally": "protesters",
    "rallies": "protesters", "march": "protesters", "marches": "protesters",
    "demonstration": "protesters", "demonstrations": "protesters", "gathering": "protesters",
    "crowd": "protesters", "crowds": "protesters", "mob": "protesters", "strike": "protesters",
    "sit-in": "protesters", "deployed": "troops", "deploying": "troops",
    "mobilised": "troops", "mobilized": "troops", "sent": "troops", "dispatched": "troops",
    "affected": "affected", "affecting": "affected", "captured": "arrested",
    "capturing": "arrested", "infected": "affected", "infecting": "affected",
    "claiming the lives of": "killed",
    "claimed the lives of": "killed", "the lives of": "killed",
}  # fmt: skip
# the last words _BACKWARD_CUE_RE and _DONE_BY_RE can end with (see ``_may_end``)
_BACKWARD_CUE_ENDS = (
    # cues
    "dead", "down", "killed", "martyred", "killing", "kills", "kill", "lost", "losing", "left",
    "leaving", "injuring", "injured", "wounding", "wounded", "hurting", "abducted",
    "abducting", "kidnapped", "kidnapping", "seized", "arrested", "arresting", "detained",
    "detaining", "held", "holding", "up", "evacuated", "evacuating", "displaced",
    "displacing", "forcing", "forced", "sending", "expelled", "rescued", "freed", "released",
    "executed", "executing", "massacred", "slaughtered", "murdered", "shot", "shooting",
    "beheaded", "protests", "rally", "rallies", "march", "marches", "protest",
    "demonstration", "demonstrations", "gathering", "crowd", "crowds", "mob", "strike",
    "sit-in", "of", "deployed", "deploying", "mobilised", "mobilized", "sent", "dispatched",
    "infected", "infecting", "affected", "affecting", "captured", "capturing", "rose",
    "climbed", "rising", "reached", "jumped", "stood", "stands", "is", "was", "risen",
    "increased", "to", "at",
    # what may follow a cue
    "with", "by", "another", "further", "additional", "and", "the", "some", "least", "than",
    "over", "about", "around", "nearly", "almost", "as", "only", "just",
)  # fmt: skip
_BACKWARD_CUE_WORDS = frozenset(word for word in _BACKWARD_CUE_ENDS if word.isalpha())
_DONE_BY_ENDS = ("by", "of", "least", "about", "some", "around", "nearly", "over", "than", "to")
_TOLL_RE = re.compile(r"\b(?:toll|tally|number\s+of\s+(?:dead|deaths|fatalities))\b", re.I)
_TOTAL_RE = re.compile(r"\b(?:total|totall?ing|in\s+all|altogether|cumulative)\b", re.I)
_PART_OF_BEFORE_RE = re.compile(
    r"\b(?:including|includ(?:es|ed)|incl\.|among\s+(?:them|whom|those|the\s+\w+)|of\s+whom"
    r"|of\s+which|of\s+them|mostly|mainly|with|comprising)\s*(?:,\s*)?$",
    re.I,
)
_PART_OF_AFTER_RE = re.compile(r"^\s+(?:of\s+(?:them|whom|those|these|which)|among\s+them)\b", re.I)
# the words _PART_OF_BEFORE_RE can end with, "," aside ("among the wounded" aside)
_PART_OF_ENDS = (
    "including", "includes", "included", "incl.", "them", "whom", "those", "which", "mostly",
    "mainly", "with", "comprising",
)  # fmt: skip
_COORDINATION_RE = re.compile(r"\s*(?:,|and|,\s*and|as\s+well\s+as|&)\s*", re.I)
_A_TOTAL_OF_RE = re.compile(r"\b(?:a\s+)?total\s+of\s*$", re.I)
_AMONG_BEFORE_RE = re.compile(r"\b(?:were|was|are|is)?\s*among\s+(?:the\s+)?$", re.I)
_OF_THEM_AFTER_RE = re.compile(r"^\s+of\s+(?:them|those|these|whom)\b", re.I)
_WORD_RE = re.compile(
    r"[A-Z](?:\.[A-Z])+\.?|[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]|[,.;:!?()\"“”]"
)  # "U.S." is one word
_DONE_BY_RE = re.compile(
    r"\b(?:raped|gang-raped|attacked|assaulted|abducted|kidnapped|beaten|lynched|stabbed|robbed"
    r"|ambushed|shot|killed|murdered|hacked|mobbed|targeted|harassed|molested)\s+by\s+"
    r"(?:(?:a\s+group\s+of|a\s+gang\s+of|at\s+least|about|some|around|nearly|over"
    r"|more\s+than|up\s+to)\s+)?$",
    re.I,
)
_PAREN_RE = re.compile(r"\s*\([^()\n]{0,40}\)")
_VAGUE_OF_RE = re.compile(r"^\s+of\b", re.I)
_UNIT_RES = [
    (re.compile(rf"^(?P<sep>[\s-]?)(?:{pattern})(?![\w])", re.I), unit, measure)
    for pattern, unit, measure in lex.UNIT_PATTERNS
]
# matches where any of _UNIT_RES matches (their alternation)
_ANY_UNIT_RE = re.compile(
    r"^[\s-]?(?:"
    + "|".join(f"(?:{pattern})" for pattern, _, _ in lex.UNIT_PATTERNS)
    + r")(?![\w])",
    re.I,
)
_UNIT_FILLER_RE = re.compile(
    r"^[\s-]*(?:more|further|additional|straight|consecutive|full|long|successive|odd|plus|\+"
    r"|nautical|metric)"
    r"(?=[\s-])",
    re.I,
)


@dataclass(eq=False)
class _Figure:
    """Work record for one figure while its reading is being decided."""

    mention: NumberMention
    start: int
    end: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    qual_start: int
    unit: str | None = None
    unit_end: int = -1
    measure: str | None = None
    measure_from_cue: bool = False
    measure_before: bool = False  # the cue stands before the figure ("killed 14 soldiers")
    subject: str | None = None
    head_is_people: bool | None = None  # None: no counted noun found
    head_end: int = -1
    elided: bool = False  # "others", "more", no noun: the subject comes from a neighbour
    part_of: int | None = None
    sentence: int = 0
    contrasted: bool = False  # "ten others", "five more": the subject of the group before
    group: bool = False  # families, households: counted as units, yet they flee or die
    measure_hint: str | None = None  # from a head noun that names the outcome ("32 deaths")


# ---------------------------------------------------------------------------------------------
# Step 2: what is not a figure


def _is_not_a_figure(text: str, m: NumberMention, in_range: bool = False) -> bool:
    """Years, dates, times, ages, ordinals, identifiers, list numbering, "one of", …

    ``in_range``: the number is half of "10-15", so a hyphenated digit neighbour is allowed.
    """
    if not in_range and _hyphen_neighbour(text, m):
        return True  # scores, codes, unpaired "3-1"
    return _never_a_figure(text, m)


_HYPHEN_BEFORE_RE = re.compile(r"\d\s?[-–]$")
_HYPHEN_AFTER_RE = re.compile(r"^[-–]\d")


def _ends_with(pattern: re.Pattern[str], left: str, longest: int) -> bool:
    """``pattern.search(left)`` for a pattern ``(?:word|…)\\s*$`` whose words are at most
    ``longest`` characters: a match can only start that far before the trailing spaces, so
    the search starts there (``pos`` keeps ``\\b`` seeing the character before)."""
    return pattern.search(left, max(0, len(left.rstrip()) - longest)) is not None


def _hyphen_neighbour(text: str, m: NumberMention) -> bool:
    """A digit hyphenated to the number ("3-1"): no figure unless the pair is a range."""
    start, end = m.start, m.end
    return bool(
        _HYPHEN_BEFORE_RE.search(text, max(0, start - 60), start)
        or _HYPHEN_AFTER_RE.match(text[end : end + 60])
    )


# The fixed patterns of ``_never_a_figure``, compiled once.
_GLUED_WORD_BEFORE_RE = re.compile(r"[A-Za-z]+$")
_PREFIX_HYPHEN_BEFORE_RE = re.compile(r"[A-Za-z]{1,6}-$")
_QUALIFIER_HYPHEN_BEFORE_RE = re.compile(r"\b(?:some|about|over|nearly|around)-$", re.I)
_LETTERS_RE = re.compile(r"[^\W\d_]+")  # any script: "5мин", "3é"
_TWO_DIGITS_RE = re.compile(r"\d{2}\b")
_CLOCK_BEFORE_RE = re.compile(r"\d[:.]\s?$")
_YEAR_DIGITS_RE = re.compile(r"1[89]\d\d|20\d\d|2100")
_LONG_DIGITS_RE = re.compile(r"\d{7,}")
_DASH_DIGITS_AFTER_RE = re.compile(r"^-\d{3,}")
_DIGIT_DASH_BEFORE_RE = re.compile(r"\d-$")
_THREE_DIGITS_RE = re.compile(r"\d{3,}")
_LIST_ITEM_AFTER_RE = re.compile(r"^[.)]\s+[A-Z]")
_UPPER_AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages)\s+(?:between\s+|from\s+)?\d+\s*(?:and|to|-|–)\s*$", re.I
)
_HHMM_RE = re.compile(r"[0-2]\d[0-5]\d")
_HOURS_AFTER_RE = re.compile(r"^\s*(?:hrs|hours|h|gmt|utc|local)\b", re.I)
_NAME_AGE_AFTER_RE = re.compile(r"^\s*(?:[,;)(]|\.(?:\s|$)|$|and\b|or\b)")
_BOTH_AGED_BEFORE_RE = re.compile(r"\b(?:both|aged?)\s*$")
_RANK_BEFORE_RE = re.compile(
    r"\b(?:magnitude|scale|level|category|tier|grade|number|no\.?|#)\s*$", re.I
)
_N_OF_BEFORE_RE = re.compile(r"\b\d+\s+of\s+$")
_N_OF_AFTER_RE = re.compile(r"^\s*(?:$|\n|\)|[-|:])")
_AGES_LIST_BEFORE_RE = re.compile(r"\bages?\s+(?:\d+\s*,?\s*(?:and\s+|or\s+)?)+$", re.I)
_PER_BEFORE_RE = re.compile(r"\bper\s+$", re.I)
_ARTICLE_WORD_BEFORE_RE = re.compile(r"\b(?:a|an|the|of|per)\s+\w+\s*$", re.I)
_NUMBER_SIGN_BEFORE_RE = re.compile(r"(?:#|\bno\.?)\s*$", re.I)
_OF_AFTER_RE = re.compile(r"^\s*of\b", re.I)

# Guards: the words that a left-context pattern ``…(?:word|…)\s*$`` can end with. Most
# numbers follow none of them, so ``_may_end`` (one ``str.endswith``) spares the regex search,
# which tries every place of the context. A guard may let through more than its pattern
# matches, never less: the pattern still decides.
_AGE_BEFORE_ENDS = ("aged", "ages", "age", "between", "of", "under", "over", "below", "above")
_AGE_COPULA_ENDS = ("was", "is", "turned", "turns", "turn", "been")
_RANGE_JOIN_ENDS = ("and", "to", "-", "–")
_RANK_ENDS = (
    "magnitude", "scale", "level", "category", "tier", "grade", "number", "no", "no.", "#",
)  # fmt: skip
_QUALIFIER_ENDS = (
    "least", "than", "of", "to", "as", "most", "under", "below", "about", "around", "some",
    "approximately", "approx", "approx.", "roughly", "nearly", "almost", "estimated", "circa",
    "over", "above", "exceeding", "beyond", "another", "further", "additional", "only",
)  # fmt: skip
_QUALIFY_ENDS = (*_QUALIFIER_ENDS, "so")  # ``_QUALIFIERS`` also has "or so"
_IDENT_WORDS = _IDENT_BEFORE_RE.pattern.split(r"(?:\b(?:", 1)[1].split(r")\.?|#)", 1)[0].split("|")
_MONTH_ENDS = tuple(lex.MONTH_WORDS)
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_AGE_BEFORE_WORDS = frozenset(_AGE_BEFORE_ENDS)
_AGE_COPULA_WORDS = frozenset(_AGE_COPULA_ENDS)
_RANK_WORDS = frozenset(word for word in _RANK_ENDS if word.isalpha())
_IDENT_WORD_SET = frozenset(_IDENT_WORDS)
_QUALIFY_WORDS = frozenset(word for word in _QUALIFY_ENDS if word.isalpha())
# last words that some left-context test of ``_context_not_a_figure`` can end with
_LEFT_TRIGGERS = (
    _AGE_BEFORE_WORDS
    | _AGE_COPULA_WORDS
    | _RANK_WORDS
    | _IDENT_WORD_SET
    | lex.MONTH_WORDS
    | {"st", "nd", "rd", "th", "per"}
)
_ORDINAL_ENDS = ("st", "nd", "rd", "th")


# a space and a whole word that starts with no capital A-Z (a capital may open an address)
_PLAIN_RIGHT_RE = re.compile(r" (?![A-Z])([^\W\d_]+)\b")
# the lower-case words that a right-context test of ``_never_a_figure`` can begin with
# (``_YEAR_OK_AFTER_RE``, ``_HEAD_NOUN_AFTER_RE`` and the tests of "one" are not guarded)
_RIGHT_TRIGGERS = {
    "st", "nd", "rd", "th", "of", "and", "or", "block", "more", "further", "additional", "yo",
    "y", "a", "p", "o", "am", "pm", "gmt", "utc", "ist", "est", "cet", "bst", "h", "hr", "hrs",
    "hour", "hours", "local", "second", "seconds", "minute", "minutes", "day", "days", "night",
    "nights", "week", "weeks", "month", "months", "year", "years", "yr", "yrs", "decade",
    "decades", "century", "centuries",
}  # fmt: skip


def _may_end(folded: str | None, words: tuple[str, ...]) -> bool:
    """False only when the lower-cased, right-trimmed context cannot end with ``words``."""
    return folded is None or folded.endswith(words)


def _may_end_capitalised(tail: str) -> bool:
    """False when the last word of ``tail`` (after its last space or tab) does not start with
    a capital A-Z, which ``_CAP_WORD_BEFORE_RE`` needs."""
    cut = max(tail.rfind(" "), tail.rfind("\t"))
    return "A" <= tail[cut + 1 : cut + 2] <= "Z"


def _last_word(folded: str | None) -> str | None:
    """The ASCII letters that end ``folded`` ("" after a digit or a sign), None when the guards
    are off. For a pattern whose last word follows ``\\b`` or a space, a set lookup of it is
    a guard like ``_may_end``, and quicker when the words are many."""
    if folded is None:
        return None
    return folded[len(folded.rstrip(_ASCII_LETTERS)) :]


def _word_in(word: str | None, words: frozenset[str]) -> bool:
    """False only when ``_last_word`` is known and not one of ``words``."""
    return word is None or word in words


def _never_a_figure(text: str, m: NumberMention) -> bool:
    """The tests of ``_is_not_a_figure`` that do not depend on a range partner."""
    start, end = m.start, m.end
    left = text[max(0, start - 60) : start]
    right = text[end : end + 60]
    tail = left.rstrip()
    folded = lower_as_re(tail)  # for the guards; None turns them off
    last_word = _last_word(folded)
    prev_char = text[start - 1] if start else ""
    # " people were …": a space and a plain word after the number, which none of the
    # right-context tests below can match (the ones marked ``odd_right``)
    plain = _PLAIN_RIGHT_RE.match(right)
    first_word = lower_as_re(plain.group(1)) if plain else None
    odd_right = (
        first_word is None or first_word in _RIGHT_TRIGGERS or first_word.endswith("old")
    )  # "old": _AGE_AFTER_RE also takes "5 daysold"
    if prev_char.isdigit() or (prev_char in ".,:" and start > 1 and text[start - 2].isdigit()):
        return True  # inside a longer digit run ("1.2.3", "10:30")
    if prev_char.isalpha():
        glued = _GLUED_WORD_BEFORE_RE.search(left)
        if not glued or glued.group(0).lower() not in _GLUED_QUALIFIER:
            return True  # A3075, G7
    if (
        tail.endswith("-")
        and _PREFIX_HYPHEN_BEFORE_RE.search(left)
        and not _QUALIFIER_HYPHEN_BEFORE_RE.search(left)
    ):
        return True  # F-16, Covid-19, MiG-29, B-2
    if right[:1].isalpha() and not m.scaled:
        glued_word = _LETTERS_RE.match(right)
        if glued_word is None or glued_word.group(0).lower() not in lex.GLUED_UNITS:
            return True  # 82s, 1990s, 3D, 5G, 1st, 4x4
    # most figures sit in plain words ("were killed 12 people"): then no context test can match
    if (odd_right or not _quiet_left(tail, folded, last_word)) and _context_not_a_figure(
        text, m, left, right, tail, folded, last_word, odd_right
    ):
        return True
    if not m.is_word and m.value is not None:
        digits = m.text.strip("$£€¥₹ ")
        if (
            _YEAR_DIGITS_RE.fullmatch(digits)
            and not m.currency
            and not (_YEAR_OK_AFTER_RE.match(right) and not _YEAR_BEFORE_RE.search(left))
        ):
            return True  # a year
        if _LONG_DIGITS_RE.fullmatch(digits):
            return True  # phone and ID numbers
    qualified = None if _may_end(folded, _QUALIFIER_ENDS) else False
    lower_text = m.text.lower()
    if lower_text == "one" and (
        _ONE_PRONOUN_AFTER_RE.match(right) or _ONE_PRONOUN_BEFORE_RE.search(left)
    ):
        return not _qualified(left, qualified) or bool(_OF_AFTER_RE.match(right))
    if lower_text in ("one", "a dozen") and _OF_AFTER_RE.match(right):
        return lower_text == "one"
    if odd_right and (
        _TIME_REFERENCE_AFTER_RE.match(right)
        or (_TIME_UNIT_AFTER_RE.match(right) and _SUPERLATIVE_IN_RE.search(left))
    ):
        return True  # "three days ago", "the worst in two years"
    return bool(odd_right and _TIME_UNIT_AFTER_RE.match(right) and _EVERY_RE.search(left))


def _context_not_a_figure(
    text: str,
    m: NumberMention,
    left: str,
    right: str,
    tail: str,
    folded: str | None,
    last_word: str | None,
    odd_right: bool,
) -> bool:
    """The tests of ``_never_a_figure`` that read the words around the number (dates, ages,
    identifiers, names, lists), for a number whose context ``_quiet_left`` does not rule
    them all out."""
    if odd_right and _ORDINAL_RE.match(right):
        return True
    if odd_right and _TIME_AFTER_RE.match(right) and not m.scaled:
        return True
    if odd_right and _TIME_AFTER_DOT_RE.match(right) and m.value is not None and m.value <= 24:
        return True  # "6. 00" (a clock time written with a dot)
    if _TWO_DIGITS_RE.match(m.text) and not m.is_word and _CLOCK_BEFORE_RE.search(left):
        return True  # the minutes of "6. 00am"
    if (odd_right and _SLASH_DATE_RE.match(right)) or (
        tail.endswith(("/", "-", ".")) and _SLASH_BEFORE_RE.search(left)
    ):
        return True
    if not m.is_word and m.value is not None:
        trimmed = None if folded is None else folded.rstrip(".,")
        month_end = trimmed is None or trimmed.endswith(_MONTH_ENDS)
        if (odd_right and _MONTH_AFTER_RE.match(right)) or (
            month_end and _MONTH_BEFORE_RE.search(left)
        ):
            return True  # 4th March, 1 May, January 4, Jan. 4
        day_end = trimmed is None or trimmed[-1:].isdigit() or trimmed.endswith(_ORDINAL_ENDS)
        if (month_end or day_end) and _DAY_MONTH_YEAR_RE.search(left):
            return True  # the year of "October 26, 2019"
        digits = m.text.strip("$£€¥₹ ")
        if odd_right and _DASH_DIGITS_AFTER_RE.match(right):
            return True  # phone and ID numbers
        if (
            tail.endswith("-")
            and _DIGIT_DASH_BEFORE_RE.search(left)
            and _THREE_DIGITS_RE.match(digits)
        ):
            return True
    if (odd_right and _AGE_AFTER_RE.match(right) and not _OLD_THING_RE.match(right)) or (
        _word_in(last_word, _AGE_BEFORE_WORDS) and _AGE_BEFORE_RE.search(left)
    ):
        return True
    if (
        _word_in(last_word, _AGE_COPULA_WORDS)
        and _AGE_COPULA_RE.search(left)
        and not _HEAD_NOUN_AFTER_RE.match(right)
    ):
        return True  # "he was 72 when he died", "she turned 90"
    if odd_right and _LIST_ITEM_AFTER_RE.match(right) and _INLINE_LIST_RE.search(left):
        return True  # "1. The ceasefire must hold. 2. Aid must reach Gaza."
    aged = folded is None or "age" in folded
    if aged and _may_end(folded, _RANGE_JOIN_ENDS) and _UPPER_AGE_BEFORE_RE.search(left):
        return True  # the upper age of "aged between 20 and 25"
    if odd_right and _HHMM_RE.fullmatch(m.text) and _HOURS_AFTER_RE.match(right):
        return True  # "0600 hrs"
    if (
        not m.is_word
        and m.value is not None
        and m.value < 120
        and odd_right
        and _NAME_AGE_AFTER_RE.match(right)
        and (tail.endswith(",") or _BOTH_AGED_BEFORE_RE.search(left))
        and _NAME_COMMA_RE.search(left)
    ):
        return True  # "Ali Hassan, 40,"
    if (_word_in(last_word, _RANK_WORDS) or tail.endswith((".", "#"))) and _RANK_BEFORE_RE.search(
        left
    ):
        return True  # "a magnitude 7.1 earthquake", "a category 4 storm"
    if (
        odd_right
        and _N_OF_AFTER_RE.match(right)
        and _may_end(folded, ("of",))
        and _N_OF_BEFORE_RE.search(left)
    ):
        return True  # "Photo 3 of 12"
    if aged and _AGES_LIST_BEFORE_RE.search(left):
        return True  # "ages 18, 18, 19 and 20"
    if (_may_end(folded, ("per",)) and _PER_BEFORE_RE.search(left)) or (
        left.endswith("[") and right.startswith("]")
    ):
        return True  # "per 100,000 residents", citation marks "[20]"
    if odd_right and _ADDRESS_AFTER_RE.match(right):
        return True  # "the 9700 block of Shady Tree Lane", "2401 University Ave."
    # computed once, and only when a test below needs it
    qualified = None if _may_end(folded, _QUALIFIER_ENDS) else False
    if (
        (_word_in(last_word, _IDENT_WORD_SET) or tail.endswith((".", "#")))
        and _ends_with(_IDENT_BEFORE_RE, left, _IDENT_BEFORE_LONGEST)
        and not (qualified := _qualified(left, qualified))
        and (not _ARTICLE_WORD_BEFORE_RE.search(left) or _NUMBER_SIGN_BEFORE_RE.search(left))
    ):
        return True  # Sector 24, Route 6, Resolution 2254
    if not m.is_word and _may_end_capitalised(tail):
        cap = _CAP_WORD_BEFORE_RE.search(left)
        if (
            cap
            and cap.group(1).lower() not in lex.WEEKDAYS
            and not (qualified := _qualified(left, qualified))
            and cap.group(1).lower() not in _CAP_WORD_OK
            and cap.group(1).lower() not in lex.MONTH_WORDS
        ):
            return True  # Mark 82, Hezbollah 2 — a name followed by a number is an identifier
    if odd_right and _LIST_NUMBER_AFTER_RE.match(right) and _LINE_START_RE.search(left):
        return True
    return bool(
        odd_right and _PHOTO_RE.match(right) and (_LINE_START_RE.search(left) or tail.endswith("("))
    )


def _quiet_left(tail: str, folded: str | None, last_word: str | None) -> bool:
    """True when the context before a number ends in a plain lower-case word that none of the
    left-context tests of ``_context_not_a_figure`` can match ("were killed 12"): it is no
    month, ordinal suffix, age, rank or identifier word, holds no "age" and is no capital."""
    return (
        bool(last_word)
        and last_word not in _LEFT_TRIGGERS
        and "age" not in folded  # type: ignore[operator]
        and not _may_end_capitalised(tail)
    )


def _qualified(left: str, known: bool | None) -> bool:
    """``_QUALIFIER_WORDS.search(left)``, or ``known`` when a guard already settled it."""
    if known is None:
        return _QUALIFIER_WORDS.search(left) is not None
    return known


# ---------------------------------------------------------------------------------------------
# Step 3: reading


def _qualify(text: str, m: NumberMention) -> tuple[str, int]:
    """The qualifier before a number and where it starts ("at least", "over1,000")."""
    left = text[max(0, m.start - 40) : m.start]
    folded = lower_as_re(left.rstrip())
    if folded is not None and not (
        _last_word(folded) in _QUALIFY_WORDS or folded.endswith("approx.")
    ):
        return "exact", m.start
    for name, pattern in _QUALIFIERS:
        found = pattern.search(left)
        if found:
            return name, m.start - (len(left) - found.start())
    return "exact", m.start


def _interval(
    value: float | int | None, vague_low: int | None, qualifier: str
) -> tuple[float | int | None, float | int | None, str]:
    """low/high per the guide's table; vague amounts are approximate lower bounds."""
    if value is None:
        return vague_low, None, "approx"
    if qualifier in ("exact", "approx"):
        return value, value, qualifier
    if qualifier in ("at_least", "more_than"):
        return value, None, qualifier
    return None, value, qualifier


def _read_unit(text: str, fig: _Figure, limit: int) -> None:
    """Unit (and with it the measure of durations, money, distances) from the words after."""
    if fig.mention.currency:
        fig.unit, fig.measure, fig.unit_end = fig.mention.currency, "money", fig.end
        return
    right = text[fig.end : min(limit, fig.end + 40)]
    filler = _UNIT_FILLER_RE.match(right)
    offset = filler.end() if filler else 0
    rest = right[offset:]
    if not _ANY_UNIT_RE.match(rest):
        return  # no unit pattern matches: spares trying each of them
    glued = bool(rest[:1].isalpha()) and offset == 0
    for pattern, unit, measure in _UNIT_RES:
        found = pattern.match(rest)
        if not found:
            continue
        word = found.group(0).strip(" -").lower()
        if glued and word not in lex.GLUED_UNITS and unit != "percent":
            continue
        if not glued and len(word) <= 2 and word not in ("km", "kg", "mi", "ha", "m2", "%"):
            continue  # a lone "m", "g" or "h" after a space is too ambiguous
        if found.group("sep") == "" and not glued and word != "%":
            continue
        fig.unit, fig.measure = unit, measure
        fig.unit_end = fig.end + offset + found.end()
        return


def _singular_to_plural(word: str) -> str:
    if word.endswith(("man", "woman")):
        return word[:-3] + "men"
    if word == "person":
        return "people"
    if word == "child":
        return "children"
    if _rx(r"[^aeiou]y$").search(word):
        return word[:-1] + "ies"
    if _rx(r"(?:s|x|z|ch|sh)$").search(word):
        return word + "es"
    return word + "s"


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in lex.IRREGULAR_PLURALS or (lower.endswith("men") and len(lower) > 3):
        return True
    if word.isupper() and len(word) > 1:
        return False  # ISIS, SDF
    return bool(_rx(r"[^su'’]s$").search(lower)) and not lower.endswith(("ous", "ss", "is"))


def _is_people(head: str, phrase: str) -> bool:
    lower = head.lower()
    if phrase.lower() in lex.PEOPLE_NOUNS or lower in lex.PEOPLE_NOUNS:
        return True
    if lower in lex.THING_PLURALS:
        return False
    if lower.endswith("men") and len(lower) > 3:
        return True
    if head[:1].isupper() and _rx(r"(?:ans|ese|is|nos|ers|ks|ds|ts|hs|gs|bs)$").search(head):
        return not head.isupper()  # nationalities and peoples: Indians, Filipinos, Kurds
    if lower in lex.PERSON_ANTS:
        return True
    if lower.endswith(("ants", "ents")):
        return False
    return bool(lex.AGENT_SUFFIX_RE.search(lower)) and lower not in lex.AGENT_LOOKALIKES


def _canonical_subject(head: str, phrase: str) -> str:
    lower_phrase, lower = phrase.lower(), head.lower()
    return lex.SUBJECT_CANON.get(lower_phrase) or lex.SUBJECT_CANON.get(lower) or lower


_NEVER_VICTIMS = {"diplomats", "ambassadors", "envoys", "delegates", "observers", "inspectors"}
_COLLECTIVE_MODIFIERS = {
    "crew", "police", "staff", "personnel", "militia", "youth", "family", "security", "army",
    "party", "union", "cabinet", "parliament", "council", "aid", "health", "media", "rescue",
}  # fmt: skip


# "saved 40 lives" counts the living: "lives" is a toll only after other verbs
_SAVED_RE = re.compile(r"\b(?:sav|spar|rescu|protect)(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}$", re.I)


def _read_noun_phrase(text: str, fig: _Figure, limit: int) -> None:
    """The counted noun after the number: "3,250 people", "scores of Takfiri terrorists"."""
    start = max(fig.end, fig.unit_end)
    right = text[start:limit]
    if "(" in right:  # (the pattern needs one)
        right = _PAREN_RE.sub(lambda found: " " * len(found.group(0)), right)
    if _OF_THEM_AFTER_RE.match(right):
        fig.elided = True
        fig.head_is_people = True
        fig.head_end = start + _OF_THEM_AFTER_RE.match(right).end()  # type: ignore[union-attr]
        return
    vague_of = _VAGUE_OF_RE.match(right)
    if vague_of and (
        fig.value is None or _rx(r"dozen|hundred|thousand|million", re.I).search(fig.mention.text)
    ):
        right_offset = vague_of.end()
        right = right[right_offset:]
        start += right_offset
        the = _rx(r"^\s+(?:the|these|those|their)\b", re.I).match(right)
        if the:
            start += the.end()
            right = right[the.end() :]
    words: list[re.Match[str]] = []
    for word in _WORD_RE.finditer(right[:80]):
        token = word.group(0)
        if not token[0].isalpha():
            break
        if word.start() > 0 and "\n" in right[: word.start()]:
            break
        if token.lower() in lex.NP_STOP and token.lower() not in lex.NP_SKIP:
            break
        words.append(word)
        if len(words) >= 5:
            break
    if not words:
        fig.elided = True
        return
    if words[0].group(0).lower() in ("dead", "wounded", "injured", "infected", "missing"):
        fig.elided = True  # "9 dead", "dozens wounded": a state, not a noun
        fig.head_is_people = True
        return
    if words[0].group(0).lower() in ("others", "more"):
        fig.elided = fig.contrasted = True
        fig.head_is_people = True
        fig.head_end = start + words[0].end()
        return
    head_index = None
    singular = (fig.value == 1 and fig.qualifier == "exact") or fig.value == 1
    for index, word in enumerate(words):
        token = word.group(0)
        if token.lower() in lex.NP_SKIP:
            continue
        if _is_plural(token) and not singular:
            head_index = index
            break
    if singular:
        # "one musket rifle": the last word before the phrase ends
        candidates = [i for i, w in enumerate(words) if w.group(0).lower() not in lex.NP_SKIP]
        content = [i for i in candidates if not _rx(r"(?:ed|ing|ly)$").search(words[i].group(0))]
        head_index = content[-1] if content else None
        if head_index is not None and head_index > 2:
            head_index = content[0]
    if head_index is None:
        fig.elided = True
        return
    if (
        head_index + 1 < len(words)
        and words[head_index].group(0).lower() in _COLLECTIVE_MODIFIERS
        and _is_plural(words[head_index + 1].group(0))
    ):
        head_index += 1  # "crew members", "police officers", "family members"
    head = words[head_index].group(0)
    modifier = words[head_index - 1].group(0) if head_index > 0 else ""
    phrase = f"{modifier} {head}".strip()
    if singular:
        head = _singular_to_plural(head.lower()) if not _is_plural(head) else head
        phrase = f"{modifier} {head}".strip()
    fig.head_end = start + words[head_index].end()
    fig.head_is_people = _is_people(head, phrase)
    fig.group = head.lower() in ("families", "households", "family", "household")
    fig.subject = _canonical_subject(head, phrase)
    if fig.subject in (
        "deaths", "fatalities", "casualties", "injuries", "bodies", "corpses", "lives"
    ):  # fmt: skip
        saved = fig.subject == "lives" and _SAVED_RE.search(
            text[max(0, fig.start - 40) : fig.start]
        )
        fig.measure_hint = None if saved else lex.ROLE_MEASURE.get(fig.subject)
        fig.subject = None  # a toll names no kind of people
    if fig.subject == "people" and head.lower() == "others":
        fig.elided = True


def _money_subject(text: str, fig: _Figure, sentence: tuple[int, int], limit: int) -> str | None:
    """What money pays for or values: "$5 million in aid", "property worth $2m"."""
    after = _rx(r"^\s+(?:worth\s+of|in|of|for)\s+(?:the\s+)?").match(text[fig.end : limit])
    if after:
        words = []
        for word in _rx(r"[a-z][a-z-]*|\S").finditer(text[fig.end + after.end() : limit][:60]):
            token = word.group(0)
            if not token[0].isalpha() or token.lower() in lex.NP_STOP or len(words) == 3:
                break
            words.append(token.lower())
        if words:
            return words[-1]  # "in humanitarian aid" → aid
    before = _rx(
        r"\b([a-z][a-z-]+)\s+(?:worth|valued\s+at|totall?ing|of|amounting\s+to)\s+$"
    ).search(text[sentence[0] : fig.qual_start])
    if before and before.group(1) not in lex.NP_STOP:
        return before.group(1)
    return None


def _mass_subject(text: str, start: int, limit: int) -> str | None:
    """What a weight or volume is of: "400 tonnes of oil", "50 kg hashish"."""
    found = _rx(r"^\s+(?:of\s+)?(?:the\s+)?([A-Za-z][a-z-]+)").match(text[start:limit])
    if not found or found.group(1).lower() in lex.NP_STOP:
        return None
    return found.group(1).lower()


def _clause_window(text: str, start: int, limit: int, allow_who: bool) -> str:
    """Text after the counted phrase up to the next clause break (or ``limit``)."""
    window = text[start:limit]
    who = _rx(r"^\s*,?\s*(?:who|that)\b", re.I).match(window)
    skip = who.end() if (who and allow_who) else 0
    brk = _CLAUSE_BREAK_RE.search(window, skip)
    return (window[: brk.start()] if brk else window)[:100]


def _lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE, for text that ``lower_as_re`` lower-cased: it finds the
    same matches there about three times faster. Its literals must all be lower case."""
    assert not re.search(r"(?<!\\)(?<!\(\?)[A-Z]", pattern.pattern), pattern.pattern
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_CUE_LOWER_RE = _lower_case_twin(lex.CUE_RE)
_BACKWARD_CUE_LOWER_RE = _lower_case_twin(_BACKWARD_CUE_RE)


def _forward_measure(window: str) -> str | None:
    """The gravest people measure named in the clause after a figure."""
    found: set[str] = set()
    folded = lower_as_re(window)
    cues = lex.CUE_RE.finditer(window) if folded is None else _CUE_LOWER_RE.finditer(folded)
    for cue in cues:
        name = cue.lastgroup
        if name is None:
            continue
        word = cue.group(0).lower()
        if name == "affected" and word in lex.WEAK_AFFECTED:
            continue
        if name == "kidnapped" and word in ("hostages", "captives"):
            continue
        found.add(name)
    for name in lex.GRAVITY:
        if name in found:
            return name
    return None


def _is_perpetrator(window: str) -> bool:
    """ "Four men raped a …": an active violent verb right after the group, with an object."""
    verb = _rx(
        r"^\s*(?:,\s*)?(?:also\s+|reportedly\s+|allegedly\s+|then\s+|later\s+|had\s+)?"
        + lex.PERPETRATOR_VERBS.pattern,
        re.I,
    ).match(window)
    if not verb:
        return False
    after = window[verb.end() :]
    return not _rx(r"^\s*(?:by|in|on|at|when|after|as|during|while|near|,|\.|$)", re.I).match(after)


def _read_measure(text: str, fig: _Figure, limit: int, sentence: tuple[int, int]) -> None:
    """Measure from the clause around the figure, then from the counted noun itself."""
    if fig.measure is not None:  # durations, money, distances, areas, weights
        return
    if (fig.head_is_people is False and not fig.group) or fig.subject in _NEVER_VICTIMS:
        fig.measure = "count_other"  # things; "expelled 10 diplomats" is no displacement
        return
    sentence_left = text[sentence[0] : fig.qual_start]
    cue_left = sentence_left[-80:]
    folded_left = lower_as_re(cue_left)
    if folded_left is None:
        backward = _BACKWARD_CUE_RE.search(cue_left)
    elif (cue_tail := folded_left.rstrip()).endswith("sit-in") or (
        _last_word(cue_tail) in _BACKWARD_CUE_WORDS
    ):
        backward = _BACKWARD_CUE_LOWER_RE.search(folded_left)
    else:
        backward = None
    measure = None
    done_left = text[sentence[0] : fig.start][-60:]
    done_tail = lower_as_re(done_left.rstrip())
    if (
        done_tail is None or ("by" in done_tail and done_tail.endswith(_DONE_BY_ENDS))
    ) and _DONE_BY_RE.search(done_left):
        measure = "attackers"  # "gang-raped by 5 men"
    elif backward:
        cue = _rx(r"\s+").sub(" ", backward.group("cue").lower())
        if cue.startswith(("death toll", "toll", "raising", "raised", "number of")):
            measure = "deaths_total"
        elif cue in ("left", "leaving"):
            after = text[fig.end : limit]
            measure = (
                _forward_measure(_clause_window(text, fig.end, limit, True)[:40]) if after else None
            )
        elif cue in ("total of", "tally of"):
            measure = None
        else:
            measure = _BACKWARD_MEASURE.get(cue)
            fig.measure_before = measure is not None
    window_start = max(fig.end, fig.head_end, fig.unit_end)
    window = _clause_window(text, window_start, limit, allow_who=True)
    protesting = lex.ROLE_MEASURE.get(fig.subject or "") == "protesters"
    if measure is None and fig.head_is_people and not protesting and _is_perpetrator(window):
        measure = "attackers"
    if measure is None:
        measure = _forward_measure(window)
        if measure == "killed" and _TOLL_RE.search(sentence_left[-60:]):
            measure = "deaths_total"
        if measure == "killed" and _TOTAL_RE.search(sentence_left[-25:]):
            measure = "deaths_total"
    if measure is not None:
        fig.measure, fig.measure_from_cue = measure, True
        if fig.head_is_people is None:
            fig.head_is_people = True
        return
    if fig.measure_hint:
        fig.measure = fig.measure_hint
        return
    if fig.subject:
        role = lex.ROLE_MEASURE.get(fig.subject) or lex.ROLE_MEASURE.get(
            (fig.subject.split() or [""])[-1]
        )
        if role:
            fig.measure = role
            return
    if (fig.head_is_people or fig.head_is_people is None) and _protest_in_sentence(text, *sentence):
        fig.measure = "protesters"
        fig.head_is_people = True
        return
    fig.measure = "count_other"


@lru_cache(maxsize=256)
def _protest_in_sentence(text: str, start: int, end: int) -> bool:
    """``PROTEST_IN_SENTENCE`` once per sentence, however many figures it holds (the key
    hashes fast: a region's text keeps its hash from one call to the next)."""
    return PROTEST_IN_SENTENCE(text[start:end])


def PROTEST_IN_SENTENCE(sentence_text: str) -> bool:
    """A weak cue: people counted in a sentence about protests are protesters."""
    return any(hint in sentence_text for hint in lex.PROTEST_HINTS) and bool(
        lex.PROTEST_RE.search(sentence_text)
    )


def _duration_subject(text: str, fig: _Figure, sentence: tuple[int, int]) -> None:
    """The event a duration belongs to: "five-month battle", "for two months" of protests."""
    after = text[fig.unit_end : min(sentence[1], fig.unit_end + 40)]
    glued = _rx(r"^(?:-long|[\s-]old)?\s+(?:of\s+)?([a-z][a-z-]+)").match(after)
    if glued and (
        glued.group(1) in lex.EVENT_NOUNS or text[fig.unit_end - 1 : fig.unit_end] != "s"
    ):
        word = glued.group(1)
        if word not in lex.NP_STOP:
            fig.subject = word
            return
    before = text[sentence[0] : fig.qual_start].lower()
    best = None
    for word in _rx(r"[a-z][a-z-]+").finditer(before[-120:]):
        if word.group(0) in lex.EVENT_NOUNS:
            best = word.group(0)
    fig.subject = best


def _link_parts(text: str, figures: list[_Figure]) -> None:
    """part_of from "including", "of whom", "among them", and "X were among N"."""
    not_counts = ("duration", "money", "distance", "area")
    for index, fig in enumerate(figures):
        if fig.measure in not_counts:
            continue
        left = text[max(0, fig.qual_start - 30) : fig.qual_start]
        right = text[fig.end : fig.end + 20]
        earlier = None  # the nearest count of the same kind before, in the same sentence
        for back in range(index - 1, -1, -1):
            other = figures[back]
            if other.sentence != fig.sentence:
                break
            if other.measure not in not_counts and bool(other.head_is_people) == bool(
                fig.head_is_people
            ):
                earlier = back
                break
        folded = lower_as_re(left.rstrip())  # for the guards; None turns them off
        if folded is not None and folded.endswith(","):
            folded = folded[:-1].rstrip()
        if earlier is not None and (
            (
                (folded is None or "among" in folded or folded.endswith(_PART_OF_ENDS))
                and _PART_OF_BEFORE_RE.search(left)
            )
            or _PART_OF_AFTER_RE.match(right)
        ):
            if _rx(r"\bwith\s*$", re.I).search(left) and not _rx(r",\s*with\s*$").search(left):
                continue
            fig.part_of = earlier
        elif _coordinated_part(text, figures, index):
            # "including 345 women and 212 children": the second part of the same whole
            fig.part_of = figures[index - 1].part_of
        elif (
            earlier is not None
            and (folded is None or "among" in folded)
            and _AMONG_BEFORE_RE.search(left)
        ):
            root, seen = earlier, set()
            while figures[root].part_of is not None and root not in seen:
                seen.add(root)
                root = figures[root].part_of  # type: ignore[assignment]
            if root != index:
                figures[root].part_of = index
        elif (
            fig.value is not None
            and (folded is None or (folded.endswith("of") and "total" in folded))
            and _A_TOTAL_OF_RE.search(left)
        ):
            _link_to_total(figures, index)
    _share_measures(figures)


def _coordinated_part(text: str, figures: list[_Figure], index: int) -> bool:
    """True when the figure is coordinated with the part just before it and fits its whole."""
    if index == 0:
        return False
    fig, before = figures[index], figures[index - 1]
    if before.part_of is None or fig.sentence != before.sentence or fig.measure_from_cue:
        return False
    whole = figures[before.part_of]
    between = text[max(before.end, before.head_end) : fig.qual_start]
    return (
        bool(fig.head_is_people) == bool(before.head_is_people)
        and _COORDINATION_RE.fullmatch(between) is not None
        and (fig.value is None or whole.value is None or fig.value < whole.value)
    )


def _share_coordinated(text: str, figures: list[_Figure]) -> None:
    """ "11 fighters and 7 jihadists were killed": coordinated groups share one predicate; so
    do "killed 14 soldiers and 6 policemen" (the verb before the first reaches the second)."""
    for index in range(len(figures) - 2, -1, -1):
        fig, after = figures[index], figures[index + 1]
        if fig.sentence != after.sentence or not fig.head_is_people or not after.head_is_people:
            continue
        between = text[max(fig.end, fig.head_end) : after.qual_start]
        if not _COORDINATION_RE.fullmatch(between):
            continue
        if not fig.measure_from_cue and after.measure_from_cue:
            fig.measure, fig.measure_from_cue = after.measure, True
    for index in range(len(figures) - 1):
        fig, after = figures[index], figures[index + 1]
        if fig.sentence != after.sentence or not fig.head_is_people or not after.head_is_people:
            continue
        between = text[max(fig.end, fig.head_end) : after.qual_start]
        if (
            fig.measure_from_cue
            and fig.measure_before
            and not after.measure_from_cue
            and _COORDINATION_RE.fullmatch(between)
        ):
            after.measure, after.measure_from_cue = fig.measure, True
            after.measure_before = True


def _link_to_total(figures: list[_Figure], total_index: int) -> None:
    """ "… abducted seven Filipinos … A total of 10 Filipino sailors": a breakdown of a total."""
    total = figures[total_index]
    kin = {"killed", "deaths_total"} if total.measure in ("killed", "deaths_total") else None
    for back in range(total_index - 1, -1, -1):
        other = figures[back]
        if other.sentence < total.sentence - 2:
            break
        same_measure = other.measure == total.measure or (kin and other.measure in kin)
        if (
            other.part_of is None
            and same_measure
            and total.sentence - 2 <= other.sentence < total.sentence
            and bool(other.head_is_people) == bool(total.head_is_people)
            and other.value is not None
            and other.value < total.value  # type: ignore[operator]
        ):
            other.part_of = total_index


def _share_measures(figures: list[_Figure]) -> None:
    """A part and its whole count the same kind of event: share a cue-given measure."""

    def root_of(i: int) -> int:
        seen = set()
        while figures[i].part_of is not None and i not in seen:
            seen.add(i)
            i = figures[i].part_of  # type: ignore[assignment]
        return i

    linked = {i for i, f in enumerate(figures) if f.part_of is not None}
    if not linked:
        return
    linked |= {f.part_of for f in figures if f.part_of is not None}  # type: ignore[misc]
    groups: dict[int, list[int]] = {}
    for i in sorted(linked):
        groups.setdefault(root_of(i), []).append(i)
    for root, members in groups.items():
        cued = [figures[i].measure for i in members if figures[i].measure_from_cue]
        if not cued:
            continue
        measure = figures[root].measure if figures[root].measure_from_cue else cued[-1]
        for i in members:
            if not figures[i].measure_from_cue and figures[i].head_is_people:
                figures[i].measure = measure


def _fill_elided_subjects(text: str, figures: list[_Figure]) -> None:
    """ "ten others", "dozens wounded", "10 of them": the subject of a neighbouring group."""
    for index, fig in enumerate(figures):
        if not fig.elided or fig.measure in ("duration", "money", "distance", "area"):
            continue
        if fig.measure == "count_other" and not fig.head_is_people:
            continue
        nearby = []
        for back in range(index - 1, -1, -1):
            if figures[back].sentence < fig.sentence - 1:
                break
            nearby.append(figures[back])
        nearby.reverse()
        previous = [
            f
            for f in nearby
            if f.head_is_people
            and f.subject
            and not f.elided
            and (f.sentence == fig.sentence or (fig.contrasted and f.sentence == fig.sentence - 1))
        ]
        if previous:
            fig.subject = previous[-1].subject
            fig.head_is_people = True
            continue
        if _OF_THEM_AFTER_RE.match(text[fig.end : fig.end + 20]):
            # "arrested 10 of them": the nearest group of people named before
            before = text[max(0, fig.start - 200) : fig.start]
            nouns = [
                w.group(0)
                for w in _rx(r"[A-Za-z][a-z-]+").finditer(before)
                if w.group(0).lower() in lex.PEOPLE_NOUNS and _is_plural(w.group(0))
            ]
            if nouns:
                fig.subject = _canonical_subject(nouns[-1], nouns[-1])
        elif fig.subject is None and fig.head_is_people and fig.subject != "people":
            fig.subject = None


def _merge_ranges(
    text: str, mentions: list[NumberMention]
) -> list[tuple[NumberMention, NumberMention | None]]:
    """Pair "between 10 and 15", "10-15", "10 to 15" into one interval figure."""
    pairs: list[tuple[NumberMention, NumberMention | None]] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        if index + 1 < len(mentions):
            second = mentions[index + 1]
            between = text[first.end : second.start]
            left = text[max(0, first.start - 12) : first.start]
            joined = _RANGE_JOIN_RE.match(between)
            if (
                joined
                and first.value is not None
                and second.value is not None
                and first.value < second.value
                and first.is_word == second.is_word
                and (between.strip().lower() != "and" or _BETWEEN_RE.search(left))
                and not (between.strip().lower() == "to" and _FROM_RE.search(left))
            ):
                pairs.append((first, second))
                index += 2
                continue
        pairs.append((first, None))
        index += 1
    return pairs


def _sentences(text: str) -> list[int]:
    """Start offsets of sentences (cheap regex split; a Doc's sentences are used when given)."""
    starts = [0]
    starts.extend(found.end() for found in _SENTENCE_END_RE.finditer(text))
    return starts


def _doc_sentence_starts(doc: Doc) -> list[int] | None:
    """The start offsets of ``doc.sents`` (and 0), or None when the Doc has no sentences.

    ``doc.sents`` runs ``has_annotation`` itself (a loop over the tokens) and raises when it
    fails, so that test is not run twice.
    """
    try:
        return sorted({start for _, start, _ in sentence_bounds(doc)} | {0})
    except ValueError:  # E030: no sentence boundaries
        return None


def find_figures(
    text: str, doc: Doc | None = None, *, doc_has_text: bool = False
) -> list[FigureDraft]:
    """Every figure in ``text`` with its interval, unit, measure, subject and part-of links.

    ``doc_has_text``: the caller knows ``doc.text == text`` (spaCy rebuilds it per call).
    """
    mentions = find_numbers(text)
    if not mentions:
        return []
    # Ranges are paired before the hyphen rule could drop them ("10-15" vs a "3-1" score).
    range_candidates = [m for m in mentions if not _is_not_a_figure(text, m, in_range=True)]
    figures: list[_Figure] = []
    for first, second in _merge_ranges(text, range_candidates):
        # ``first`` already passed every test but the range-only one
        if second is None and _hyphen_neighbour(text, first):
            continue
        qualifier, qual_start = _qualify(text, first)
        if second is not None:
            low, high = first.value, second.value
            figures.append(
                _Figure(first, first.start, second.end, None, low, high, "exact", qual_start)
            )
            continue
        low, high, qualifier = _interval(first.value, first.vague_low, qualifier)
        figures.append(
            _Figure(first, first.start, first.end, first.value, low, high, qualifier, qual_start)
        )
    if not figures:
        return []  # (sentences are read only where a figure needs them)
    sentence_starts = None
    if doc is not None and (doc_has_text or doc.text == text):
        sentence_starts = _doc_sentence_starts(doc)
    if sentence_starts is None:
        sentence_starts = _sentences(text)
    for fig in figures:
        fig.sentence = bisect.bisect_right(sentence_starts, fig.start) - 1
    for index, fig in enumerate(figures):
        sentence_index = fig.sentence
        sentence_end = (
            sentence_starts[sentence_index + 1]
            if sentence_index + 1 < len(sentence_starts)
            else len(text)
        )
        sentence = (sentence_starts[sentence_index], sentence_end)
        following = figures[index + 1].qual_start if index + 1 < len(figures) else len(text)
        limit = min(sentence_end, following)
        _read_unit(text, fig, limit)
        if fig.measure == "duration":
            _duration_subject(text, fig, sentence)
            continue
        if fig.measure == "money":
            fig.subject = _money_subject(text, fig, sentence, limit)
            continue
        if fig.measure in ("distance", "area"):
            continue
        if fig.measure == "count_other" and fig.unit:  # weights, volumes, percentages
            fig.subject = _mass_subject(text, fig.unit_end, limit)
            continue
        _read_noun_phrase(text, fig, limit)
        _read_measure(text, fig, limit, sentence)
    _share_coordinated(text, figures)
    _link_parts(text, figures)
    _fill_elided_subjects(text, figures)
    drafts = []
    for fig in figures:
        unit = fig.unit
        if (unit is None and fig.head_is_people and fig.measure != "count_other") or (
            unit is None and fig.head_is_people and fig.subject in lex.PEOPLE_NOUNS
        ):
            unit = "person"
        drafts.append(
            FigureDraft(
                span=(fig.start, fig.end),
                text=text[fig.start : fig.end],
                value=fig.value,
                low=fig.low,
                high=fig.high,
                unit=unit,
                measure=fig.measure,
                subject=fig.subject,
                qualifier=fig.qualifier,
                part_of=fig.part_of,
            )
        )
    return drafts


# ---------------------------------------------------------------------------------------------
# spaCy component

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)


class FiguresComponent:
    """Puts ``find_figures`` drafts on ``doc._.figures`` (offsets relative to the Doc)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc.text, doc)
        return doc


@Language.factory("claimledger_figures", assigns=["doc._.figures"])
def make_figures_component(nlp: Language, name: str) -> FiguresComponent:
    """Factory for ``nlp.add_pipe("claimledger_figures")``."""
    return FiguresComponent()
