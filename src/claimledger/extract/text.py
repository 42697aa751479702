"""Plain text already scraped from a page → Document, with ``text`` the input unchanged.

Scraped text keeps the page's layout only as lines, blank lines and indentation, so this
reads that layout: the first line is the title; blank lines separate blocks; a line printed
twice in a row is a caption (galleries and lightboxes print captions twice); an all-capitals
run glued to the lead is a kicker; hard-wrapped lines inside a block stay one paragraph; a
header ("N responses to …", "Comments") opens the comment thread, read by ``text_thread``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from claimledger.extract.patterns import (
    BOILERPLATE_LINE,
    CHROME_HEADING,
    comment_header_count,
)
from claimledger.extract.text_layout import (
    DATE_LINE,
    LIST_MARKER,
    Builder,
    Line,
    blocks_of,
    split_lines,
)
from claimledger.extract.text_thread import find_header, read_thread
from claimledger.model import Comment, Document, Section, TextSpan

_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
_CAPS_RUN = re.compile(r"^((?:[A-Z0-9’'&][A-Z0-9’'&.\-]*\s+)*[A-Z0-9’'&][A-Z0-9’'&.\-]*)")
# Markdown, as scrapers that convert pages write it: "## Heading", "> quote", "![alt](src)",
# and *emphasis* marks around a byline
_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<words>.*?\S)(?:\s+#+)?$")
_MD_QUOTE = re.compile(r"^>\s*(?P<words>\S.*)$")
_MD_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\([^)]*\)$")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
# "Image caption: …", "Pictured: …": a caption printed once, with its label
_CAPTION_PREFIX = re.compile(
    r"^(?:image caption|video caption|caption|photo(?:graph)?|picture|pictured|image)\s*:\s*\S",
    re.IGNORECASE,
)
# "Photograph: Reuters", "Photo: AFP via Getty Images": a credit, nothing to read
_CREDIT_LINE = re.compile(
    r"^(?:photo(?:graph)?|picture|image|credit|photo credit)s?\s*:\s*(?:\S+\s*){1,5}$|"
    r"^\(?(?:[A-Z][\w.]*\s*){1,3}(?:/|via)\s*(?:[A-Z][\w.]*\s*){1,3}\)?$|^\(?getty images\)?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by)\s+(?P<name>(?-i:[A-Z])[\w.'’-]*"
    r"(?:(?:\s+|\s*,\s*|\s+(?:and|&|in|for|de|van|von|al|bin)\s+)(?-i:[A-Z])[\w.'’-]*){0,9})"
    r"(?:\s*[|,]\s*[^.]{0,60})?$",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    r"^(?:published|updated|posted|last updated|first published)\s*:?\s*(?:on\s+)?", re.I
)
# Acronyms that often open a lead glued to a kicker ("RUINSUS-backed"); used only to choose
# where the capitals of a glued kicker end when nothing in the title tells.
_LEAD_ACRONYMS = frozenset(
    {
        "US", "UK", "UN", "EU", "NATO", "ISIS", "IS", "UAE", "USA", "AU", "IMF", "WHO", "ICC",
        "ICRC", "IDF", "SDF", "PKK", "YPG", "FSA", "AP", "AFP", "BBC", "CNN", "GOP", "FBI",
        "CIA", "NSA", "DOJ",
    }
)  # fmt: skip


def extract_text(text: str, uri: str) -> Document:
    """Take scraped plain text apart; every span points into ``text`` as given."""
    lines = split_lines(text)
    blocks = blocks_of(lines)
    out = Builder()
    title: TextSpan | None = None
    byline: TextSpan | None = None
    published: str | None = None
    if blocks and _is_title(blocks):
        first_block = blocks.pop(0)
        first = first_block[0]
        if m := _MD_HEADING.match(first.text):  # "# Title" as Markdown scrapers write it
            first = Line(
                first.start + m.start("words"), first.start + m.end("words"), 0, m["words"]
            )
        title = TextSpan(first.text, (first.start, first.end))
        # byline and date lines under the headline, in its block or in blocks of their own
        meta = first_block[1:]
        while blocks and len(blocks[0]) <= 2 and all(_is_meta_line(ln.text) for ln in blocks[0]):
            meta += blocks.pop(0)
        for line in meta:
            out.add("boilerplate", line.start, line.end)
            plain = _MD_EMPHASIS.sub("", line.text)
            if (m := _BYLINE.match(plain)) and byline is None:
                at = line.text.find(m.group("name"))
                if at >= 0:
                    name = m.group("name")
                    byline = TextSpan(name, (line.start + at, line.start + at + len(name)))
                if published is None and (rest := plain[m.end("name") :].strip(" |,·•")):
                    published = _iso_date(rest)
            elif published is None:
                published = _iso_date(plain)

    flat = [(b, line) for b, block in enumerate(blocks) for line in block]
    standalone = {i for i, (b, _) in enumerate(flat) if len(blocks[b]) == 1}
    header_at = find_header([line for _, line in flat], standalone)
    body_blocks = blocks
    thread_lines: list[Line] = []
    if header_at is not None:
        header_block, header = flat[header_at]
        before = [ln for ln in blocks[header_block] if ln.start < header.start]
        body_blocks = [*blocks[:header_block], *([before] if before else [])]
        thread_lines = [line for _, line in flat[header_at + 1 :]]
    declared: int | None = None
    comments: list[Comment] = []
    title_text = title.text if title else ""
    after_chrome_heading = False
    for n, block in enumerate(body_blocks):
        if len(block) == 1 and CHROME_HEADING.match(block[0].text):
            out.add("boilerplate", block[0].start, block[0].end)
            after_chrome_heading = True
            continue
        if after_chrome_heading and all(_teaser_line(ln.text) for ln in block):
            for line in block:  # "Most read" and its list of other stories
                out.add("boilerplate", line.start, line.end)
            continue
        after_chrome_heading = False
        _body_block(text, block, out, title_text, first=(n == 0))
    if header_at is not None:
        header = flat[header_at][1]
        declared = comment_header_count(header.text)
        out.add("comments_header", header.start, header.end)
        comments = read_thread(text, thread_lines, out)
    out.sections.sort(key=lambda s: s.span)
    return Document(
        id="",
        uri=uri,
        media_type="text/plain",
        text=text,
        title=title,
        language=None,
        sections=out.sections,
        comments=comments,
        declared_comment_count=declared,
        published=published,
        byline=byline,
    )


def _teaser_line(line: str) -> bool:
    """A line of a list of other stories: numbered or bulleted, or a short headline."""
    return bool(LIST_MARKER.match(line)) or (
        len(line.split()) <= 14 and not line.endswith((".", "!", "?", ":"))
    )


def _is_meta_line(line: str) -> bool:
    """A byline ("By Jane Okafor", "*By Jane Okafor* | March 3, 2024") or a dateline
    ("March 3, 2024", "Updated 3 March 2024")."""
    line = _MD_EMPHASIS.sub("", line)
    return bool(_BYLINE.match(line) or DATE_LINE.match(_DATE_PREFIX.sub("", line)))


def _iso_date(line: str) -> str | None:
    """YYYY-MM-DD of a dateline written with a month name or in ISO order; None otherwise
    (03/04/2024 is March or April depending on the country, so it is left alone)."""
    text = _DATE_PREFIX.sub("", line)
    if not re.search(r"\b\d{4}\b", text):
        return None  # "2 hours ago" names no day without the clock of the crawl
    if not re.search(r"[A-Za-z]{3}", text) and not re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text):
        return None
    from dateutil import parser

    try:
        return parser.parse(text, fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _is_title(blocks: list[list[Line]]) -> bool:
    """A first block of one short line without a closing full stop reads as a headline; a
    byline and a dateline may stand under it in the same block."""
    first = blocks[0]
    line = first[0].text
    return (
        (len(first) == 1 or (len(first) <= 3 and all(_is_meta_line(ln.text) for ln in first[1:])))
        and len(blocks) > 1
        and len(line) <= 250
        and not line.endswith((".", '?"', ".”"))
        and len(line.split()) <= 40
    )


# -- article body -----------------------------------------------------------------------------


def _body_block(text: str, block: list[Line], out: Builder, title: str, first: bool) -> None:
    """Sort one block's lines into captions (doubled lines), lists, boilerplate, paragraphs."""
    i = 0
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            lead = first and all(s.kind == "boilerplate" for s in out.sections)
            _paragraphs(text, pending, out, title, lead)
            pending.clear()

    while i < len(block):
        line = block[i]
        if i + 1 < len(block) and block[i + 1].text == line.text and len(line.text) > 3:
            flush()
            out.add("caption", line.start, line.end)
            j = i + 1
            while j < len(block) and block[j].text == line.text:
                out.add("boilerplate", block[j].start, block[j].end)
                j += 1
            i = j
            continue
        if m := _MD_HEADING.match(line.text):
            flush()  # "## What we know": the heading's words, not its marks
            out.add("heading", line.start + m.start("words"), line.start + m.end("words"))
        elif m := _MD_IMAGE.match(line.text):
            flush()  # "![Displaced families wait](…)": the alt text is the caption
            kind = "caption" if m.group("alt").strip() else "boilerplate"
            start, end = (
                (m.start("alt"), m.end("alt")) if kind == "caption" else (0, len(line.text))
            )
            piece = line.text[start:end]
            lead = len(piece) - len(piece.lstrip())
            out.add(kind, line.start + start + lead, line.start + start + len(piece.rstrip()))
        elif m := _MD_QUOTE.match(line.text):
            flush()  # "> …": a block quote, its mark left out
            out.add("quote", line.start + m.start("words"), line.end)
        elif BOILERPLATE_LINE.match(line.text) or _CREDIT_LINE.match(line.text):
            flush()
            out.add("boilerplate", line.start, line.end)
        elif _CAPTION_PREFIX.match(line.text):
            flush()
            out.add("caption", line.start, line.end)
        elif (
            LIST_MARKER.match(line.text)
            and sum(1 for ln in block if LIST_MARKER.match(ln.text)) >= 2
        ):
            flush()
            out.add("list", line.start, line.end)
        else:
            pending.append(line)
        i += 1
    flush()
    _merge_lists(out)


def _merge_lists(out: Builder) -> None:
    """Adjacent list items (one per line) form one list section."""
    merged: list[Section] = []
    for s in out.sections:
        if merged and s.kind in ("list", "quote") and merged[-1].kind == s.kind:
            merged[-1] = Section(s.kind, (merged[-1].span[0], s.span[1]))
        else:
            merged.append(s)
    out.sections[:] = merged


def _paragraphs(text: str, lines: list[Line], out: Builder, title: str, lead: bool) -> None:
    """Lines of one block: hard-wrapped lines join; a short line closing a sentence ends one."""
    width = max(len(ln.text) for ln in lines)
    groups: list[list[Line]] = [[lines[0]]]
    for prev, line in pairwise(lines):
        if width > 100:  # nobody hard-wraps this wide: each line is a paragraph
            groups.append([line])
            continue
        if len(prev.text) < 0.7 * width and _SENTENCE_END.search(prev.text):
            groups.append([line])
        else:
            groups[-1].append(line)
    for n, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        if lead and n == 0 and (kicker_end := _kicker_end(text[start:end], title)):
            out.add("kicker", start, start + kicker_end)
            start += kicker_end
            while start < end and text[start].isspace():
                start += 1
        if len(group) == 1 and _is_heading(group[0].text, len(groups), len(lines)):
            out.add("heading", start, end)
        else:
            out.add("paragraph", start, end)


def _is_heading(line: str, groups: int, lines: int) -> bool:
    """A lone short line with no sentence punctuation, standing as its own block."""
    return (
        groups == 1
        and lines == 1
        and len(line.split()) <= 12
        and not _SENTENCE_END.search(line)
        and line[:1].isupper()
    )


def _kicker_end(para: str, title: str) -> int | None:
    """Where a capitals-only kicker glued to the lead ends ("CITY IN RUINSUS-backed …").

    The capitals run is at least two letters long and followed by a lead in ordinary case.
    When the last capitals word runs into the lead, the split is chosen so the lead opens
    with words the title also has, else with a common acronym, else with a capitalised word.
    """
    m = _CAPS_RUN.match(para)
    if not m:
        return None
    run = m.group(1).rstrip("-.")
    letters = [c for c in run if c.isalpha()]
    if len(letters) < 4 or (len(run.split()) < 2 and len(para) <= len(run) + 1):
        return None
    rest = para[len(run) :]
    if not rest or rest[0].isspace():
        return None  # capitals then a space: an acronym-led sentence, not a glued kicker
    last_word_start = run.rfind(" ") + 1
    candidates: list[int] = []
    if rest[0].islower():
        # "BREAKING NEWSThe minister …": the lead's first word starts at the last capital
        candidates.append(len(run) - 1)
    else:
        candidates.extend(range(len(run) - 1, last_word_start, -1))
    best: tuple[int, int] | None = None
    for cut in candidates:
        if cut <= last_word_start:
            continue
        lead = para[cut:]
        first_word = re.split(r"[\s\-–—,.;:]", lead, maxsplit=1)[0]
        score = 0
        lead_head = " ".join(lead.split()[:2])
        if title and lead_head and lead_head in title:
            score += 4
        elif title and lead_head and lead_head.lower() in title.lower():
            score += 1
        if first_word in _LEAD_ACRONYMS:
            score += 2
        if rest[0].islower():
            score += 1
        if best is None or score > best[0]:
            best = (score, cut)
    if best is None or best[0] == 0:
        return None
    kicker = para[: best[1]].rstrip()
    return len(kicker) if len(kicker.split()) >= 2 or len(kicker) >= 6 else None
