"""Small word lists the speaker rules lean on: countries, titles, role nouns, first names.

Kept short on purpose: they cover the common cases of news attribution in English; anything
they miss falls back to shape rules (capitalisation, acronyms) or, with a statistical
pipeline, to its named-entity labels.
"""

from __future__ import annotations


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


# canonical country → variants (lower case, dots removed); capitals are in CAPITAL_OF below.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("us", "usa", "united states", "united states of america", "america"),
    "United Kingdom": ("uk", "united kingdom", "britain", "great britain"),
    "Russia": ("russia", "russian federation"),
    "Syria": ("syria",),
    "Iraq": ("iraq",),
    "Iran": ("iran",),
    "Turkey": ("turkey", "türkiye"),
    "Israel": ("israel",),
    "Jordan": ("jordan",),
    "Lebanon": ("lebanon",),
    "Saudi Arabia": ("saudi arabia",),
    "Egypt": ("egypt",),
    "Yemen": ("yemen",),
    "Libya": ("libya",),
    "Afghanistan": ("afghanistan",),
    "Pakistan": ("pakistan",),
    "India": ("india",),
    "China": ("china",),
    "Japan": ("japan",),
    "North Korea": ("north korea",),
    "South Korea": ("south korea",),
    "Ukraine": ("ukraine",),
    "France": ("france",),
    "Germany": ("germany",),
    "Italy": ("italy",),
    "Spain": ("spain",),
    "Mexico": ("mexico",),
    "Canada": ("canada",),
    "Cuba": ("cuba",),
    "Venezuela": ("venezuela",),
    "Qatar": ("qatar",),
    "United Arab Emirates": ("uae", "united arab emirates"),
    "Sudan": ("sudan",),
    "Somalia": ("somalia",),
    "Nigeria": ("nigeria",),
    "Palestine": ("palestine",),
}
COUNTRY_OF: dict[str, str] = {v: k for k, vs in COUNTRIES.items() for v in vs}

DEMONYMS_PLURAL = frozenset(
    _w(
        """americans russians syrians iraqis iranians turks kurds israelis palestinians
        jordanians lebanese saudis egyptians yemenis libyans afghans pakistanis indians
        chinese ukrainians french germans british arabs europeans democrats republicans"""
    )
)

# Courtesy titles and ranks: they mark a person but are not a role.
HONORIFICS: dict[str, str | None] = {
    **dict.fromkeys(["mr", "sir", "lord", "king", "prince", "father", "brother"], "m"),
    **dict.fromkeys(["mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"], "f"),
    **dict.fromkeys(
        _w(
            """dr prof col colonel gen general lt lieutenant maj major capt captain sgt
            sergeant adm admiral cmdr brig brigadier cpl corporal pvt private rev sheikh
            imam rabbi president sen senator rep gov governor mayor judge justice ambassador
            chancellor premier pope secretary minister"""
        ),
        None,
    ),
}

# Nouns naming a person by what they do ("spokesman", "minister"): a role.
ROLE_NOUNS: dict[str, str | None] = {
    **dict.fromkeys(
        [
            "spokesman",
            "chairman",
            "congressman",
            "businessman",
            "policeman",
            "councilman",
            "anchorman",
        ],
        "m",
    ),
    **dict.fromkeys(
        [
            "spokeswoman",
            "chairwoman",
            "congresswoman",
            "businesswoman",
            "policewoman",
            "councilwoman",
        ],
        "f",
    ),
    **dict.fromkeys(
        _w(
            """spokesperson official officials commander commanders minister secretary
            president chairperson chair director chief leader head adviser advisor aide
            analyst expert witness witnesses resident residents source sources officer
            officers lawyer attorney candidate nominee senator governor mayor ambassador
            envoy representative researcher professor activist activists monitor
            correspondent reporter journalist editor founder ceo manager member members
            economist strategist pollster surrogate prosecutor judge general colonel doctor
            nurse medic worker workers fighter fighters militant militants soldier soldiers
            rebel rebels diplomat diplomats lawmaker lawmakers legislator negotiator
            mediator observer observers investigator investigators organizer organiser
            campaigner volunteer survivor survivors victim father mother son daughter wife
            husband brother sister friend neighbour neighbor student teacher voter voters
            supporter supporters critic critics staffer staffers author writer historian
            scientist engineer official's prime vice deputy"""
        ),
        None,
    ),
}

PERSON_HEADS = frozenset(
    w for w in ROLE_NOUNS if not w.endswith("s") or w in ("witness", "boss", "actress")
) | frozenset(HONORIFICS)

ORG_WORDS = frozenset(
    _w(
        """forces force army observatory ministry department party committee council agency
        organization organisation group union office court commission institute foundation
        fund news post times network association coalition alliance front brigade brigades
        corps police government administration campaign bank company inc corp corporation
        university center centre service services house pentagon kremlin congress senate
        parliament assembly reuters press agency authority authorities bureau board trust
        society federation league movement command guard guards militia militias watch
        international children crescent cross nations"""
    )
)

# Capitalised words that open sentences but name nothing.
CAPITALISED_STOPWORDS = frozenset(
    _w(
        """the a an in on at of for and but or if when while after before as by from to with it
        its he she they we i you his her their our this that these those there here what who
        which where why how some many most more one two three no not all any every each
        despite although though however meanwhile moreover also then now today yesterday
        tomorrow monday tuesday wednesday thursday friday saturday sunday january february
        march april may june july august september october november december mr mrs ms dr
        according said says"""
    )
)

FIRST_NAMES: dict[str, str] = {
    **dict.fromkeys(
        _w(
            """john james michael david robert william richard joseph thomas charles donald
            mike mark paul steven steve george kevin brian ryan sergei vladimir bashar
            barack bernie bill joe tim ted jeb marco chris ben rudy newt mitt eric jason
            matthew andrew daniel anthony peter jack harry henry frank gary larry scott jeff
            jeffrey adam alan ali mohammed muhammad ahmed hassan ibrahim omar abdul recep
            emmanuel boris justin tony gordon nick nicholas ron rick reince sean corey
            stephen jared mike gen dmitry hamid khalid mustafa abu jim jimmy al
            lindsey"""
        ),
        "m",
    ),
    **dict.fromkeys(
        _w(
            """hillary mary patricia jennifer linda elizabeth susan sarah karen nancy lisa
            angela theresa michelle melania ivanka kellyanne jill hope anna maria laura
            emily emma kate catherine margaret jane helen amy rachel rebecca julia sophie
            claire alicia huma donna debbie elaine carly marine nikki condoleezza madeleine
            samantha fatima aisha layla"""
        ),
        "f",
    ),
}

# Places that shape rules would take for people ("Colorado Springs", "New York").
PLACES = frozenset(
    _w(
        """alabama alaska arizona arkansas california colorado connecticut delaware florida
        georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
        massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
        oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
        wisconsin wyoming"""
    )
) | frozenset(
    [
        "new york", "new jersey", "new mexico", "new hampshire", "north carolina",
        "south carolina", "north dakota", "south dakota", "west virginia", "rhode island",
        "los angeles", "san francisco", "las vegas", "new orleans", "hong kong",
        "gaza strip", "west bank",
    ]
)  # fmt: skip
PLACE_WORDS = frozenset(
    _w(
        """springs city county beach island islands valley street avenue square airport bay
        lake mountain mountains hills heights park falls river province district region
        border strip village town"""
    )
)

# Organisations often named by one word, which shape rules would otherwise take for a surname.
ORG_NAMES = frozenset(
    _w(
        """reuters bloomberg politico axios breitbart google facebook twitter amazon apple
        microsoft hezbollah hamas isis isil daesh taliban al-qaeda al-shabab boko nato
        opec interpol amnesty unicef unesco unhcr who"""
    )
)
# Capitals stand for places here; their use for a government is left to the text.
# A capital stands for its country's government when it acts in a sentence ("Moscow is
# investigating Washington"); the speaker rules link it to that country only when the page
# already names the country, and only outside place phrases ("in Moscow").
CAPITAL_OF: dict[str, str] = {
    "washington": "United States",
    "moscow": "Russia",
    "beijing": "China",
    "tehran": "Iran",
    "damascus": "Syria",
    "baghdad": "Iraq",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "ankara": "Turkey",
    "london": "United Kingdom",
    "paris": "France",
    "berlin": "Germany",
    "cairo": "Egypt",
    "riyadh": "Saudi Arabia",
    "doha": "Qatar",
    "beirut": "Lebanon",
    "amman": "Jordan",
    "kabul": "Afghanistan",
    "islamabad": "Pakistan",
    "delhi": "India",
    "tokyo": "Japan",
    "seoul": "South Korea",
    "pyongyang": "North Korea",
    "havana": "Cuba",
    "caracas": "Venezuela",
}
CAPITALS = frozenset([*CAPITAL_OF, "jerusalem", "brussels", "geneva"])


# Acronyms of bodies the news names without spelling out ("UN envoy Omar Haddad"): a page that
# defines an acronym itself ("… (CPJ)") always wins over this list.
KNOWN_ACRONYMS: dict[str, str] = {
    "UN": "United Nations",
    "EU": "European Union",
    "NATO": "North Atlantic Treaty Organization",
    "WHO": "World Health Organization",
    "UNHCR": "UN Refugee Agency",
    "UNICEF": "UNICEF",
    "ICRC": "International Committee of the Red Cross",
    "IMF": "International Monetary Fund",
    "ICC": "International Criminal Court",
    "IAEA": "International Atomic Energy Agency",
    "OPCW": "Organisation for the Prohibition of Chemical Weapons",
    "OCHA": "UN Office for the Coordination of Humanitarian Affairs",
    "WFP": "World Food Programme",
    "MSF": "Doctors Without Borders",
    "HRW": "Human Rights Watch",
    "AU": "African Union",
    "FBI": "Federal Bureau of Investigation",
    "CIA": "Central Intelligence Agency",
}
