"""Word lists behind the figure reader: who is counted, what happened to them, which units.

Kept apart from the rules so that the vocabulary can grow without touching the logic. The
measure cues follow the annotation guide of figures-dev (§5) and casualty-recording practice
(ACLED, Airwars): the words are general news English, not taken from any one text.
"""

from __future__ import annotations

import re

MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Canonical subjects for people (guide §6); everything else keeps its head noun.
SUBJECT_CANON = {
    "people": "people", "persons": "people", "individuals": "people", "residents": "people",
    "person": "people", "individual": "people", "others": "people",
    "police": "police", "policemen": "police", "policewomen": "police", "officers": "police",
    "police officers": "police", "police personnel": "police", "cops": "police",
    "policemen officers": "police", "constables": "police",
    "soldiers": "soldiers", "troops": "soldiers", "servicemen": "soldiers",
    "army men": "soldiers", "armymen": "soldiers", "jawans": "soldiers", "marines": "soldiers",
    "paratroopers": "soldiers", "commandos": "soldiers", "security personnel": "soldiers",
    "security forces": "soldiers", "personnel": "soldiers", "servicemembers": "soldiers",
    "militants": "militants", "rebels": "militants", "insurgents": "militants",
    "terrorists": "militants", "jihadists": "militants", "fighters": "militants",
    "militiamen": "militants", "extremists": "militants", "islamists": "militants",
    "guerrillas": "militants", "guerillas": "militants",
    "protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters",
    "children": "children", "kids": "children", "minors": "children", "boys": "boys",
}  # fmt: skip

# Plural nouns for people (after canonicalisation the scorer's synonyms agree).
PEOPLE_NOUNS = set(SUBJECT_CANON) | {
    "civilians", "women", "men", "students", "journalists", "activists", "workers", "suspects",
    "passengers", "guards", "gunmen", "bombers", "migrants", "refugees", "villagers",
    "farmers", "miners", "fishermen", "sailors", "crew", "pilots", "doctors", "nurses",
    "patients", "prisoners", "inmates", "detainees", "hostages", "victims", "casualties",
    "members", "leaders", "supporters", "smugglers", "traffickers", "pilgrims", "worshippers",
    "worshipers", "tourists", "foreigners", "citizens", "nationals", "girls", "babies",
    "infants", "teenagers", "youths", "youth", "adults", "officials", "employees", "staff",
    "peacekeepers", "cadets", "recruits", "attackers", "assailants", "robbers", "kidnappers",
    "pirates", "bandits", "gangsters", "cultists", "herdsmen", "herders", "tribesmen",
    "dead", "wounded", "injured", "cases", "survivors", "relatives",
    "militia", "militiamen", "mourners", "voters", "volunteers", "rescuers", "firefighters",
    "medics", "paramedics", "teachers", "pupils", "schoolchildren", "monks", "priests",
    "nuns", "clerics", "politicians", "lawmakers", "ministers", "diplomats", "opponents",
    "dissidents", "bloggers", "lawyers", "judges", "truckers", "drivers", "shoppers",
    "bystanders", "onlookers", "spectators", "fans", "asylum-seekers", "asylum seekers",
    "evacuees", "displaced", "captives", "convicts", "fugitives", "defectors", "deserters",
    "mercenaries", "contractors", "vigilantes", "rioters", "marchers",
    "strikers", "looters", "arsonists", "shooters", "snipers", "suicide bombers", "infected",
    "inhabitants", "occupants", "participants", "immigrants", "servants", "labourers",
    "laborers", "engineers", "aid workers", "colleagues", "friends", "neighbours",
    "neighbors", "sons", "daughters", "brothers", "sisters", "husbands", "wives", "mothers",
    "fathers", "parents", "elders", "chiefs", "commanders", "generals", "agents", "spies",
    "personnel", "staffers", "muslims", "christians", "hindus", "sikhs", "jews",
    "deaths", "fatalities", "bodies", "corpses", "injuries", "schoolgirls", "schoolboys",
    "lives", "syrians", "iraqis", "afghans", "ukrainians", "russians", "israelis", "lebanese",
    "yemenis", "sudanese", "somalis", "libyans", "kurds", "rohingya", "uyghurs", "pakistanis",
    "indians", "nigerians", "americans", "iranians", "turks", "egyptians", "eritreans",
    "ethiopians", "congolese", "haitians", "venezuelans", "mexicans", "filipinos",
}  # fmt: skip

IRREGULAR_PLURALS = {
    "people", "men", "women", "children", "police", "personnel", "staff", "crew", "militia",
    "youth", "cattle", "livestock", "sheep", "fish", "aircraft", "dead", "wounded", "injured",
    "infected", "displaced", "clergy", "deer", "swine", "poultry",
}  # fmt: skip

# Words ending like agent nouns that are nevertheless things.
AGENT_LOOKALIKES = {
    "containers", "computers", "helicopters", "tankers", "trailers", "numbers", "papers",
    "chambers", "headquarters", "quarters", "letters", "borders", "rivers", "towers",
    "corners", "layers", "centers", "orders", "waters", "powers", "launchers", "boosters",
    "liters", "meters", "kilometers", "barrels", "dollars", "motors", "reactors", "tractors",
    "floors", "doors", "corridors", "sectors", "vectors", "errors", "factors", "colors",
    "colours", "indicators", "monitors", "rollers", "bulldozers", "fighter jets", "bombers",
    "transporters", "carriers", "destroyers", "cruisers", "markers", "posters", "banners",
    "stickers", "leaflets", "matters", "members", "years", "hours", "others", "villagers",
    "offers", "blockers", "shelters", "minors", "scooters", "counters", "clusters",
    "lockers", "speakers", "converters", "filters", "generators", "cylinders", "detonators",
    "mortars", "howitzers", "monsters", "thunders", "disasters", "theaters", "theatres",
    "parameters", "registers", "ministers",
}  # fmt: skip
AGENT_SUFFIX_RE = re.compile(r"(?:ers|ors|ists|ians|eers|ites|ees|ants|ents)$")
PERSON_ANTS = {
    "militants", "migrants", "immigrants", "residents", "students", "patients", "assailants",
    "servants", "participants", "inhabitants", "occupants", "civilians", "descendants",
    "opponents", "dissidents", "agents", "sergeants", "lieutenants", "merchants",
    "defendants", "tenants", "peasants", "attendants", "emigrants", "claimants", "informants",
    "insurgents", "adolescents", "parents", "presidents", "correspondents", "recipients",
}  # fmt: skip

# Things counted in the news whose plural does not end in -s (or should never be people).
THING_PLURALS = {"aircraft", "cattle", "livestock", "sheep", "fish", "deer", "poultry"}

# Event nouns that a duration can belong to (guide §6).
EVENT_NOUNS = {
    "battle", "fighting", "war", "siege", "ceasefire", "cease-fire", "truce", "insurgency",
    "protests", "protest", "campaign", "drought", "movement", "conflict", "strike", "curfew",
    "offensive", "operation", "blockade", "lockdown", "occupation", "standoff", "stand-off",
    "sit-in", "crisis", "rebellion", "uprising", "clashes", "violence", "unrest", "famine",
    "emergency", "shutdown", "boycott", "march", "rally", "demonstrations", "demonstration",
    "hunger strike", "detention", "sentence", "ban", "closure", "blackout", "assault",
    "bombardment", "bombing", "shelling", "civil war", "flood", "floods", "flooding",
    "outbreak", "epidemic", "pandemic", "talks", "negotiations", "deal", "mission", "raid",
    "rule", "regime", "stalemate", "insurrection", "intifada", "revolt", "sieges",
}  # fmt: skip

# Things that last (besides events) and may be "N years old": a dispute, a ban, a truce.
LASTING_THINGS = {
    "dispute", "feud", "policy", "law", "tradition", "order", "case", "moratorium", "embargo",
    "freeze", "agreement", "treaty", "pact", "accord", "practice", "rivalry", "stalemate",
}  # fmt: skip

# Function words that end a counted noun phrase.
NP_STOP = {
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with",
    "by", "as", "into", "onto", "upon", "were", "was", "is", "are", "be", "been", "being",
    "have", "has", "had", "who", "which", "that", "whose", "whom", "will", "would", "could",
    "can", "may", "might", "must", "shall", "should", "do", "did", "does", "also", "still",
    "reportedly", "allegedly", "all", "each", "their", "his", "her", "its", "our", "they",
    "them", "it", "he", "she", "we", "you", "i", "not", "no", "than", "including", "among",
    "mostly", "mainly", "said", "says", "after", "before", "when", "while", "during", "since",
    "until", "till", "near", "across", "outside", "inside", "over", "under", "per", "via",
    "about", "around", "against", "between", "within", "without", "this", "these", "those",
    "where", "there", "here", "then", "so", "if", "because", "although", "though", "yet",
    "either", "both", "such", "only", "just", "even", "already", "now", "today", "yesterday",
    "tonight", "overnight", "last", "next", "ago", "later", "earlier", "behind", "along",
    "alongside", "amid", "amongst", "despite", "toward", "towards", "through", "throughout",
    "up", "down", "off", "out", "away", "back", "again", "too", "very", "more", "most",
    "less", "least", "some", "any", "many", "much", "several", "few", "other", "another",
    "total", "altogether", "apiece", "respectively",
}  # fmt: skip
# Modifiers that may stand between a number and its noun without ending the phrase.
NP_SKIP = {"other", "more", "further", "additional", "extra", "new", "suspected", "alleged"}

# Measure cues: (measure, regex of cue words), searched in the clause of a figure.
_KILLED = (
    r"killed|killing|kills?|dead|died|dies|die|dying|deaths|bodies|slain|slaughtered"
    r"|massacred|executed|beheaded|murdered|lynched|lost\s+their\s+lives|perished"
    r"|drowned|burnt\s+to\s+death|burned\s+to\s+death|fatalities|fatally|shot\s+dead"
    r"|gunned\s+down|hacked\s+to\s+death|stabbed\s+to\s+death|claimed\s+the\s+lives"
    r"|(?:were|was)\s+assassinated|lifeless|martyred|succumbed"
)
_INJURED = (
    r"injured|injuring|injuries|injures?|wounded|wounding|wounds?|hurt|beaten|assaulted"
    r"|treated\s+for|hospitali[sz]ed|suffered\s+(?:burns|injuries|wounds)|maimed"
)
_DISPLACED = (
    r"displaced|displacing|fled|fleeing|flee|evacuated|evacuating|expelled|homeless"
    r"|refugees|evacuees|forced\s+from\s+their\s+homes|left\s+their\s+homes"
    r"|forcing|uprooted|sought\s+refuge|sheltering"
)
_ARRESTED = (
    r"arrested|arresting|detained|detaining|detention|held|intercepted"
    r"|(?:taken|taking)\s+into\s+custody|in\s+custody|apprehended|nabbed|rounded\s+up"
    r"|jailed|imprisoned|remanded|picked\s+up|caught|booked|nabbing|held\s+in\s+custody"
    r"|surrendered\s+to\s+police"
)
_MISSING = r"missing|unaccounted|disappeared|remain\s+missing"
_KIDNAPPED = r"abducted|abducting|abducts?|kidnapped|kidnapping|kidnaps?|(?:taken|held)\s+hostage|hostages|captives"  # noqa: E501
_AFFECTED = (
    r"casualties|infected|infections|cases|victims|affected|swept\s+away|caught\s+in|trapped"
    r"|stranded|fell\s+ill|poisoned|sickened|raped|sexually\s+abused|abused|exploited"
    r"|killed\s+(?:and|or)\s+(?:injured|wounded)|killing\s+and\s+(?:injuring|wounding)"
    r"|dead\s+(?:and|or)\s+(?:injured|wounded)|killed\s+or\s+injured"
)
_PROTEST = (
    r"protests?|protested|protesting|protesters|protestors|demonstrat\w+|rall(?:y|ies|ied)"
    r"|march(?:ed|es|ing)?|marchers|took\s+to\s+the\s+streets|took\s+part|sit-ins?"
    r"|rioters|rioting|riots?|vigils?|picket\w*|strikers|walkout|chanting|chanted"
    r"|(?:went|go|going|gone|were|are|was)\s+on\s+(?:a\s+)?(?:hunger\s+)?strike"
    r"|(?:staged|stage|staging|held|hold|holding)\s+(?:a\s+)?(?:\w+\s+)?(?:strike|sit-in|dharna)"
    r"|struck\s+work|gherao\w*|dharnas?"
)

MEASURE_CUES: list[tuple[str, str]] = [
    ("affected", _AFFECTED),  # first: "killed and wounded" is casualties
    ("killed", _KILLED),
    ("injured", _INJURED),
    ("missing", _MISSING),
    ("kidnapped", _KIDNAPPED),
    ("arrested", _ARRESTED),
    ("displaced", _DISPLACED),
]
# Gravest first: one figure, one measure (guide §5: "abducted and shot dead" → killed).
GRAVITY = ["affected", "killed", "injured", "missing", "kidnapped", "arrested", "displaced"]
CUE_RE = re.compile(
    "|".join(rf"(?P<{name}>\b(?:{words})\b)" for name, words in MEASURE_CUES),
    re.IGNORECASE,
)
PROTEST_RE = re.compile(rf"\b(?:{_PROTEST})\b")
# Every match of PROTEST_RE (case-sensitive) holds one of these: a sentence with none of them
# needs no regex search (keep in step with _PROTEST).
PROTEST_HINTS = (
    "protest", "demonstrat", "rall", "march", "took", "sit-in", "riot", "vigil", "picket",
    "strike", "walkout", "chant", "struck", "gherao", "dharna",
)  # fmt: skip
# "casualties"/"cases" are affected only as nouns of the counted phrase; as loose cue words
# in a clause they are too weak, so the forward search skips them.
WEAK_AFFECTED = {"cases", "victims", "affected", "casualties", "infections", "abused"}

# Active verbs after a counted group of people that make them the attackers.
PERPETRATOR_VERBS = re.compile(
    r"(?:raped|attacked|stormed|robbed|looted|ambushed|abducted|kidnapped|killed|shot"
    r"|stabbed|beat|torched|burned|burnt|set\s+fire|set\s+ablaze|opened\s+fire|hurled"
    r"|threw|detonated|fired\s+at|hacked|assaulted|raided|seized|hijacked|bombed|lynched"
    r"|executed|murdered|massacred|targeted|invaded|overran|captured)\b",
    re.IGNORECASE,
)

# Default measure for a counted noun with no cue (the noun names the role).
ROLE_MEASURE = {
    "protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters",
    "rioters": "protesters", "marchers": "protesters", "strikers": "protesters",
    "fighters": "fighters", "militants": "fighters", "rebels": "fighters",
    "insurgents": "fighters", "jihadists": "fighters", "militiamen": "fighters",
    "guerrillas": "fighters", "guerillas": "fighters", "terrorists": "fighters",
    "troops": "troops", "soldiers": "troops", "servicemen": "troops", "police": "troops",
    "policemen": "troops", "paratroopers": "troops", "marines": "troops", "commandos": "troops",
    "peacekeepers": "troops", "personnel": "troops",
    "casualties": "affected", "victims": "affected", "cases": "affected",
    "infected": "affected", "infections": "affected",
    "refugees": "displaced", "evacuees": "displaced", "displaced": "displaced",
    "hostages": "kidnapped", "captives": "kidnapped", "abductees": "kidnapped",
    "suspects": "arrested", "detainees": "arrested", "prisoners": "arrested",
    "bodies": "killed", "dead": "killed", "fatalities": "killed", "deaths": "killed",
    "lives": "killed",
    "wounded": "injured", "injured": "injured", "injuries": "injured", "corpses": "killed",
    "gunmen": "attackers", "attackers": "attackers", "assailants": "attackers",
    "bombers": "attackers", "suicide bombers": "attackers", "kidnappers": "attackers",
    "robbers": "attackers",
}  # fmt: skip

PEOPLE_MEASURES = {
    "killed", "injured", "displaced", "arrested", "missing", "kidnapped", "fighters",
    "protesters", "attackers", "troops", "deaths_total", "affected",
}  # fmt: skip

# Units after a number (space, hyphen or glued), longest spellings first.
UNIT_PATTERNS: list[tuple[str, str, str]] = [
    # (regex, unit, measure)
    (r"km2|km²|sq\.?\s?kms?|square\s+kilomet(?:re|er)s?", "km2", "area"),
    (r"square\s+miles?|sq\.?\s?mi(?:les?)?", "mile2", "area"),
    (r"square\s+met(?:re|er)s?|m2|m²", "m2", "area"),
    (r"hectares?|ha", "hectare", "area"),
    (r"acres?", "acre", "area"),
    (r"kms?|kilomet(?:re|er)s?", "km", "distance"),
    (r"miles?|mi", "mile", "distance"),
    (r"met(?:re|er)s?|m", "m", "distance"),
    (r"yards?|yds?", "yard", "distance"),
    (r"feet|foot|ft", "foot", "distance"),
    (r"centimet(?:re|er)s?|cm", "cm", "distance"),
    (r"kgs?|kilos?|kilograms?", "kg", "count_other"),
    (r"tonnes?|tons?|metric\s+tons?", "tonne", "count_other"),
    (r"grams?|gms?|g", "g", "count_other"),
    (r"pounds?|lbs?", "lb", "count_other"),
    (r"barrels?|bbl", "barrel", "count_other"),
    (r"lit(?:re|er)s?", "litre", "count_other"),
    (r"gallons?", "gallon", "count_other"),
    (r"%|percent|per\s+cent|pc\b|percentage\s+points?", "percent", "count_other"),
    (r"hours?|hrs?|h", "hour", "duration"),
    (r"minutes?|mins?", "minute", "duration"),
    (r"seconds?|secs?", "second", "duration"),
    (r"days?|nights?", "day", "duration"),
    (r"weeks?|wks?", "week", "duration"),
    (r"months?", "month", "duration"),
    (r"years?|yrs?", "year", "duration"),
    (r"decades?", "decade", "duration"),
    (r"centur(?:y|ies)", "century", "duration"),
    (r"(?:US\s+|american\s+|u\.s\.\s+)?dollars?|usd", "usd", "money"),
    (r"euros?|eur", "eur", "money"),
    (r"pounds\s+sterling|sterling|gbp", "gbp", "money"),
    (r"rupees?|inr", "inr", "money"),
    (r"naira", "ngn", "money"),
    (r"yuan|renminbi|rmb", "cny", "money"),
    (r"roubles?|rubles?", "rub", "money"),
    (r"yen", "jpy", "money"),
    (r"shillings?", "kes", "money"),
    (r"dinars?", "iqd", "money"),
    (r"riyals?", "sar", "money"),
    (r"pesos?", "mxn", "money"),
    (r"rand", "zar", "money"),
    (r"lira", "try", "money"),
]  # fmt: skip
# Units that may be glued to digits ("40km"); the rest must follow a space or hyphen.
GLUED_UNITS = {
    "km", "km2", "m", "m2", "mi", "kg", "g", "lb", "t", "cm", "ft", "yd", "h", "hr", "hrs",
    "kms", "kgs", "ha", "percent", "mm", "bbl", "pc", "gm", "gms", "yds", "mins", "min",
    "sec", "secs", "yrs", "yr", "wks", "wk", "lbs",
}  # fmt: skip
