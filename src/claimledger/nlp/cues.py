"""Reporting cues: verbs and phrases that introduce what someone said, in every inflection.

The list follows the cue verbs of attribution corpora (PARC 3.0, PolNeAR) and the SFU Gender
Gap Tracker's curated verb list: verbs of saying first, then verbs of showing, believing and
intending, which news also uses to attribute ("a poll shows that …", "Trump wants …"). Verbs
that are often nouns ("report", "call", "plan") or rarely attribute unless a clause follows
("think", "know") are *weak*: they count as cues only with clear clausal evidence.
"""

from __future__ import annotations

import re

# Verbs of saying: a cue whenever they are used as verbs.
STRONG_VERBS = [
    "say",
    "tell",
    "add",
    "note",
    "talk",
    "speak",
    "write",
    "claim",
    "argue",
    "insist",
    "warn",
    "acknowledge",
    "suggest",
    "estimate",
    "report",
    "deny",
    "announce",
    "explain",
    "stress",
    "ask",
    "agree",
    "declare",
    "state",
    "assert",
    "contend",
    "predict",
    "promise",
    "pledge",
    "vow",
    "admit",
    "concede",
    "confirm",
    "reveal",
    "recall",
    "reply",
    "emphasize",
    "emphasise",
    "observe",
    "remark",
    "comment",
    "complain",
    "allege",
    "tweet",
    "retweet",
    "post",
    "blog",
    "blast",
    "criticize",
    "criticise",
    "praise",
    "urge",
    "demand",
    "propose",
    "mention",
    "describe",
    "conclude",
    "forecast",
    "tout",
    "boast",
    "brag",
    "joke",
    "quip",
    "muse",
    "wonder",
    "speculate",
    "caution",
    "counter",
    "retort",
    "rebut",
    "dispute",
    "assure",
    "reassure",
    "inform",
    "signal",
    "hint",
    "imply",
    "underline",
    "underscore",
    "highlight",
    "reiterate",
    "echo",
    "recount",
    "shout",
    "scream",
    "yell",
    "whisper",
    "mutter",
    "exclaim",
    "proclaim",
    "pronounce",
    "lament",
    "concede",
    "interject",
    "acknowledge",
    "accuse",
    "charge",
    "threaten",
    "insinuate",
    "theorize",
    "theorise",
    "posit",
    "surmise",
    "opine",
    "rule",
    "tout",
    "warn",
    "fret",
    "gripe",
    "grumble",
    "protest",
    "object",
    "plead",
    "counsel",
    "advise",
    "decry",
    "denounce",
    "condemn",
    "slam",
    "lambast",
    "deride",
    "mock",
    "ridicule",
    "question",
    "doubt",
    "dismiss",
    "reject",
    "rebuff",
    "refute",
    "clarify",
    "elaborate",
    "announce",
    "brief",
    "instruct",
    "vow",
    "swear",
    "guarantee",
    # VerbNet say / complain / advise / transfer-message classes and PARC 3.0 cue verbs
    "outline",
    "detail",
    "document",
    "chronicle",
    "reference",
    "invoke",
    "implore",
    "chastise",
    "scold",
    "rebuke",
    "berate",
    "beg",
    "exhort",
    "concur",
    "affirm",
    "attest",
    "aver",
    "avow",
    "applaud",
    "hail",
    "laud",
    "commend",
    "herald",
    "lobby",
    "encourage",
    "remind",
    "alert",
    "query",
    "inquire",
    "request",
    "foresee",
    "specify",
    "excoriate",
    "assail",
    "scoff",
    "taunt",
    "confess",
    "retract",
    "divulge",
    "verify",
    "rant",
    "bemoan",
    "deplore",
    "allude",
    "point",
    "lay",
    "weigh",
    "sum",
    "rail",
    "advocate",
    # only in "as X put it" (the finder checks the aside): a paraphrase credited to X
    "put",
]

# Verbs that attribute only with evidence of a reported clause (that-clause, quote, colon).
WEAK_VERBS = [
    "show",
    "find",
    "believe",
    "think",
    "know",
    "feel",
    "expect",
    "hope",
    "fear",
    "worry",
    "want",
    "plan",
    "call",
    "cite",
    "indicate",
    "suggest",
    "learn",
    "discover",
    "hear",
    "read",
    "see",
    "understand",
    "consider",
    "calculate",
    "project",
    "demonstrate",
    "prove",
    "estimate",
    "label",
    "brand",
    "dub",
    "characterize",
    "characterise",
    "liken",
    "compare",
    "decide",
    "intend",
    "seek",
    "refuse",
    "decline",
    "offer",
    "support",
    "oppose",
    "endorse",
    "favor",
    "favour",
    "back",
    "attack",
    "criticize",
    "accuse",
    "release",
    "continue",
    # raising verbs: the writer's attribution of a view ("he seems to have …")
    "seem",
    # reporting verbs that as often report an act ("answered questions", "disclosed the
    # funds", "defended the bill"): cues only with a reported clause
    "answer",
    "disclose",
    "respond",
    "recommend",
    "maintain",
    "repeat",
    "testify",
    "contradict",
    "discuss",
    "blame",
    "defend",
    "disagree",
    "apologize",
    "apologise",
    # verbs of performing or portraying: "chanted slogans", "is depicted from the other side"
    "chant",
    "depict",
    "narrate",
    # verbs of portraying, cues only in "X as Y" ("painted Romney as an out-of-touch rich guy")
    "paint",
    "portray",
    "view",
    "regard",
]

# Weak verbs that report a view only as "VERB X as Y" (the finder checks the frame); "see"
# keeps its clause reading too.
AS_FRAME = frozenset(["paint", "portray", "view", "regard", "see"])

# Weak verbs whose object is a thing, not what is claimed ("released a letter", "saw the
# tweet", "heard the news"): cues only with a reported clause, never with an object content.
CLAUSE_ONLY = frozenset(
    [
        "release",
        "see",
        "hear",
        "read",
        "learn",
        "discover",
        "chant",
        "depict",
        "narrate",
        "find",
        "continue",
        "add",
        "tell",
        "put",
        "consider",
        "maintain",
    ]
)

# Irregular past / participle forms (base → forms).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "speak": ("spoke", "spoken"),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "find": ("found",),
    "know": ("knew", "known"),
    "feel": ("felt",),
    "hear": ("heard",),
    "read": ("read",),
    "see": ("saw", "seen"),
    "understand": ("understood",),
    "seek": ("sought",),
    "show": ("showed", "shown"),
    "swear": ("swore", "sworn"),
    "forecast": ("forecast",),
    "broadcast": ("broadcast",),
    "learn": ("learned", "learnt"),
    "prove": ("proved", "proven"),
    "slam": ("slammed", "slamming"),
    "quip": ("quipped", "quipping"),
    "refer": ("referred", "referring"),
    "rebut": ("rebutted", "rebutting"),
    "admit": ("admitted", "admitting"),
    "regret": ("regretted", "regretting"),
    "plan": ("planned", "planning"),
    "fret": ("fretted", "fretting"),
    "compel": ("compelled",),
    "dub": ("dubbed", "dubbing"),
    "blog": ("blogged", "blogging"),
    "counsel": ("counseled", "counselled"),
    "label": ("labeled", "labelled", "labeling", "labelling"),
    "lay": ("laid", "lays", "laying"),
    "sum": ("summed", "summing"),
    "put": ("put", "puts", "putting"),
}

# Verbs that report only with their particle: "pointed out", "laid out", "weighed in".
REQUIRED_PARTICLES: dict[str, tuple[str, ...]] = {
    "point": ("out", "to"),
    "rail": ("against",),
    "lay": ("out",),
    "weigh": ("in",),
    "sum": ("up",),
    "put": ("it",),
}

# Aspect and raising verbs that join a following "to" + cue into one cue group:
# "continues to insist", "appeared to suggest", "went on to say".
CHAIN_FORMS = frozenset(
    [
        "continue",
        "continues",
        "continued",
        "continuing",
        "appear",
        "appears",
        "appeared",
        "seem",
        "seems",
        "seemed",
        "try",
        "tries",
        "tried",
        "go on",
        "goes on",
        "went on",
        "going on",
        "gone on",
    ]
)

# Multi-word cues (lower case, space separated) → lemma.
PHRASES: dict[str, str] = {
    "according to": "according to",
    "point out": "point out",
    "pointed out": "point out",
    "points out": "point out",
    "pointing out": "point out",
    "in a statement": "in a statement",
    "in an interview": "in an interview",
}

# Nouns of saying and believing that attribute a "that"-clause: "Trump's claim that …",
# "charges that …", "the belief that …" (PARC 3.0 / PolNeAR nominal cues).
NOUN_CUES = frozenset(
    [
        "claim",
        "claims",
        "charge",
        "charges",
        "allegation",
        "allegations",
        "assertion",
        "assertions",
        "statement",
        "report",
        "reports",
        "warning",
        "warnings",
        "promise",
        "argument",
        "denial",
        "suggestion",
        "belief",
        "view",
        "notion",
        "insistence",
        "contention",
        "accusation",
        "accusations",
        "admission",
        "acknowledgment",
        "acknowledgement",
        "announcement",
        "prediction",
        "conclusion",
        "fear",
        "fears",
        "hope",
        "complaint",
        "pledge",
        "vow",
        "assurance",
        "speculation",
    ]
)

# the orchestrator parses sentences holding a phrase: a nominal cue counts with its "that"
PHRASES.update({f"{noun} that": noun for noun in NOUN_CUES})

# Particles taken into the cue when they follow these verbs ("called for", "called on").
CUE_PARTICLES: dict[str, tuple[str, ...]] = {
    "call": ("for", "on"),
    "point": ("to", "out"),
    "advocate": ("for",),
    "ask": ("about",),
    "brag": ("about",),
    "boast": ("about",),
    "complain": ("about",),
    "talk": ("about",),
    "speak": ("of", "about"),
    "comment": ("on",),
    "lay": ("out",),
    "weigh": ("in",),
    "sum": ("up",),
    "warn": ("of", "about", "against"),
    "testify": ("about",),
    "worry": ("about",),
    "agree": ("with", "on"),
    "decide": ("against",),
    "rule": ("against",),
    "plead": ("for",),
    "apologize": ("for",),
    "apologise": ("for",),
    "rail": ("against",),
    "tell": ("about",),
    "put": ("it",),
    "liken": (),
}


def _regular_forms(base: str) -> set[str]:
    """Third person, past and gerund of a regular English verb."""
    forms = {base}
    if re.search(r"(s|sh|ch|x|z|o)$", base):
        forms.add(base + "es")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms.add(base + "d")
        forms.add(base[:-1] + "ing")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ied")
        forms.add(base + "ing")
    else:
        forms.add(base + "ed")
        forms.add(base + "ing")
    return forms


def _build() -> tuple[dict[str, str], dict[str, str]]:
    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    for table, verbs in ((weak, WEAK_VERBS), (strong, STRONG_VERBS)):
        for base in verbs:
            forms = _regular_forms(base)
            if base in _IRREGULAR and base not in ("learn", "prove", "label", "counsel"):
                # irregular verbs have no regular past ("sayed", "telled"); the listed
                # forms are added after, so a listed "showed" is kept
                forms -= {base + "ed", base + "d"}
            forms |= set(_IRREGULAR.get(base, ()))
            for form in forms:
                table[form] = base
    for form in strong:  # a strong reading wins over a weak one
        weak.pop(form, None)
    return strong, weak


STRONG_FORMS, WEAK_FORMS = _build()

# Words between an auxiliary chain and the verb that belong to the cue ("has also said").
CUE_AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "did",
        "does",
        "do",
        "also",
        "not",
        "never",
        "n't",
        "previously",
        "repeatedly",
        "later",
        "once",
        "already",
        "still",
        "often",
        "sometimes",
        "first",
        "just",
        "even",
        "always",
        "again",
        "then",
        "recently",
        "now",
        "initially",
        "further",
        "long",
        "only",
    ]
)


def is_cue_adverb(word: str) -> bool:
    """Auxiliaries and adverbs that belong to the cue group ("has strongly denied")."""
    return word in CUE_AUXILIARIES or (word.endswith("ly") and len(word) > 4 and word.islower())


def cue_lemma(word: str) -> str | None:
    """The lemma of a reporting verb form, strong or weak, or None."""
    lower = word.lower()
    return STRONG_FORMS.get(lower) or WEAK_FORMS.get(lower)


def is_strong(word: str) -> bool:
    return word.lower() in STRONG_FORMS
