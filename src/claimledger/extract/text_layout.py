"""Lines of scraped plain text and the shapes both its article and its thread readers look for.

Scraped text keeps a page's layout only as lines, blank lines and indentation; a line here
keeps its offsets into the original text (so spans stay exact) and its indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimledger.model import Section

LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-*•◦▪+])\s+")
NUMBER_MARKER = re.compile(r"^\d{1,3}[.)]\s+")
TIME = r"(?:\s*(?:,|at|-|–)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_AGO = (
    r"(?:about\s+)?(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago"
)
# a calendar date as pages print it: "March 3, 2024 at 9:14 am", "3 March 2024", "2024-03-03"
WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)"
CALENDAR_DATE = (
    rf"(?:{WEEKDAY}?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{TIME}"
    rf"|{WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}{TIME}"
    rf"|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}{TIME})"
)
# any date a thread prints, relative ones too: "2 hours ago", "yesterday at 10:02"
DATE = rf"(?:{CALENDAR_DATE}|{_AGO}{TIME}|just now|(?:yesterday|today){TIME})"
DATE_LINE = re.compile(rf"^{DATE}$", re.IGNORECASE)
TIME_LINE = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$", re.IGNORECASE)
_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "al", "el", "bin", "ibn", "le", "la", "du"})


def name_like(name: str) -> bool:
    """A handle ("JohnDoe77", "anna_p") or a name of a few capitalised words ("Anna P.",
    "Catherine (GiveWell)"), not a sentence that happens to end in a date ("I was there on …")."""
    words = name.split()
    if not words or len(name) > 60 or re.search(r"[*!?;:\"“”]|https?://", name):
        return False
    if not re.search(r"\w", name):
        return False  # "🙂", "—"
    if len(words) == 1:
        return True
    return len(words) <= 6 and all(
        w.lstrip("-–(@[")[:1].isupper()
        or w[:1].isdigit()
        or w[:1] in "(@"
        or w.lower() in _NAME_PARTICLES
        for w in words
    )


@dataclass
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    indent: int
    text: str  # stripped text

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        indent = len(body[:lead].expandtabs(4))
        start = pos + lead
        out.append(Line(start, start + len(stripped), indent, stripped))
        pos += len(raw)
    return out


@dataclass
class Builder:
    sections: list[Section] = field(default_factory=list)

    def add(self, kind: str, start: int, end: int) -> None:
        if end > start:
            self.sections.append(Section(kind, (start, end)))


def blocks_of(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks
