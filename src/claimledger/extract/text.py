"""Plain text already scraped from a page → Document, with ``text`` the input unchanged.

Scraped text keeps the page's layout only as lines, blank lines and indentation, so this
reads that layout: the first line is the title; blank lines separate blocks; a line printed
twice in a row is a caption (galleries and lightboxes print captions twice); an all-capitals
run glued to the lead is a kicker; hard-wrapped lines inside a block stay one paragraph; a
"N responses to …" header opens the comment thread, whose tree is rebuilt from list numbering
and indentation, with author lines ("Name Avatar" then "Name") taken as authors, not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from claimledger.extract.layout import renumber_comments
from claimledger.extract.patterns import (
    BOILERPLATE_LINE,
    CHROME_HEADING,
    COMMENT_CHROME_LINE,
    THREAD_END_LINE,
    comment_header_count,
)
from claimledger.model import Comment, Document, Section, TextSpan

_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-*•◦▪])\s+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
_CAPS_RUN = re.compile(r"^((?:[A-Z0-9’'&][A-Z0-9’'&.\-]*\s+)*[A-Z0-9’'&][A-Z0-9’'&.\-]*)")
_TIME = r"(?:\s*(?:,|at|-|–)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_AGO = (
    r"(?:about\s+)?(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago"
)
# a date as pages print it: "March 3, 2024 at 9:14 am", "3 March 2024", "2024-03-03",
# "2 hours ago", "yesterday at 10:02"
_DATE = (
    rf"(?:(?:\w+,?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME}"
    rf"|(?:\w+,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}{_TIME}"
    rf"|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}{_TIME}"
    rf"|{_AGO}|just now|(?:yesterday|today){_TIME})"
)
_DATE_LINE = re.compile(rf"^{_DATE}$", re.IGNORECASE)
# "JohnDoe77 • 2 hours ago", "Anna P. | March 3, 2024", "Sam — 5 hours ago": name and date
_AUTHOR_DATE = re.compile(
    rf"^(?P<name>[^\s•·|].{{0,58}}?)\s*(?:[•·|—–]|\s-\s|\s+on\s)\s*(?P<date>{_DATE})$",
    re.IGNORECASE,
)
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
# a commenter's name as threads print it: a handle or a name of a few words, no sentence
_AUTHOR_LINE = re.compile(r"^(?=.{1,60}$)[^\s.!?:;,][^\n]*?(?<![!?:;,])$")
_BYLINE = re.compile(
    r"^(?:by|written by|words by)\s+(?P<name>(?-i:[A-Z])[\w.'’-]*"
    r"(?:(?:\s+|\s*,\s*|\s+(?:and|&|in|for|de|van|von|al|bin)\s+)(?-i:[A-Z])[\w.'’-]*){0,9})"
    r"(?:\s*[|,]\s*[^.]{0,60})?$",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    r"^(?:published|updated|posted|last updated|first published)\s*:?\s*(?:on\s+)?", re.I
)
# A quotation mark standing alone before the first word (a scraped page's stray quote glyph)
_DETACHED_MARK = re.compile(r"[\"“”‘’'«»„]\s+(?=\w)")
_SAYS = re.compile(r"^(?P<name>[^\s].{0,60}?)\s+(?:says|said|wrote|writes)\s*:?$", re.IGNORECASE)
# Acronyms that often open a lead glued to a kicker ("RUINSUS-backed"); used only to choose
# where the capitals of a glued kicker end when nothing in the title tells.
_LEAD_ACRONYMS = frozenset(
    {
        "US", "UK", "UN", "EU", "NATO", "ISIS", "IS", "UAE", "USA", "AU", "IMF", "WHO", "ICC",
        "ICRC", "IDF", "SDF", "PKK", "YPG", "FSA", "AP", "AFP", "BBC", "CNN", "GOP", "FBI",
        "CIA", "NSA", "DOJ",
    }
)  # fmt: skip


@dataclass
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    indent: int
    text: str  # stripped text

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        indent = len(body[:lead].expandtabs(4))
        start = pos + lead
        out.append(_Line(start, start + len(stripped), indent, stripped))
        pos += len(raw)
    return out


@dataclass
class _Builder:
    sections: list[Section] = field(default_factory=list)

    def add(self, kind: str, start: int, end: int) -> None:
        if end > start:
            self.sections.append(Section(kind, (start, end)))


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
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


def extract_text(text: str, uri: str) -> Document:
    """Take scraped plain text apart; every span points into ``text`` as given."""
    lines = _lines(text)
    blocks = _blocks(lines)
    out = _Builder()
    title: TextSpan | None = None
    byline: TextSpan | None = None
    published: str | None = None
    if blocks and _is_title(blocks):
        first_block = blocks.pop(0)
        first = first_block[0]
        title = TextSpan(first.text, (first.start, first.end))
        # byline and date lines under the headline, in its block or in blocks of their own
        meta = first_block[1:]
        while blocks and len(blocks[0]) <= 2 and all(_is_meta_line(ln.text) for ln in blocks[0]):
            meta += blocks.pop(0)
        for line in meta:
            out.add("boilerplate", line.start, line.end)
            if (m := _BYLINE.match(line.text)) and byline is None:
                byline = TextSpan(
                    m.group("name"), (line.start + m.start("name"), line.start + m.end("name"))
                )
            elif published is None:
                published = _iso_date(line.text)

    header_index = next(
        (i for i, b in enumerate(blocks) if len(b) == 1 and comment_header_count(b[0].text)),
        None,
    )
    if header_index is None:
        header_index = _bare_header(blocks)
    body_blocks = blocks if header_index is None else blocks[:header_index]
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
    if header_index is not None:
        header = blocks[header_index][0]
        declared = comment_header_count(header.text)
        out.add("comments_header", header.start, header.end)
        thread_lines = [ln for b in blocks[header_index + 1 :] for ln in b]
        comments = _thread(text, thread_lines, out)
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


_BARE_HEADER = re.compile(
    r"^(?:comments?|reader comments|readers' comments|responses|discussion|join the "
    r"(?:discussion|conversation)|what (?:readers|you) (?:are saying|think)|"
    r"kommentare|commentaires|comentarios|comentários|commenti|reacties)\s*:?$",
    re.IGNORECASE,
)


def _bare_header(blocks: list[list[_Line]]) -> int | None:
    """A thread header without a count ("Comments", "Join the discussion"): taken only when
    the lines after it open comments the way threads do (name and date, "X says:", "1. …")."""
    for i, block in enumerate(blocks):
        if len(block) != 1 or not _BARE_HEADER.match(block[0].text):
            continue
        after = [ln for b in blocks[i + 1 :] for ln in b]
        if any(
            _AUTHOR_DATE.match(ln.text) or _SAYS.match(ln.text) or _opens_comment(after, j)
            for j, ln in enumerate(after[:12])
        ):
            return i
    return None


def _teaser_line(line: str) -> bool:
    """A line of a list of other stories: numbered or bulleted, or a short headline."""
    return bool(_LIST_MARKER.match(line)) or (
        len(line.split()) <= 14 and not line.endswith((".", "!", "?", ":"))
    )


def _is_meta_line(line: str) -> bool:
    """A byline ("By Jane Okafor") or a dateline ("March 3, 2024", "Updated 3 March 2024")."""
    return bool(_BYLINE.match(line) or _DATE_LINE.match(_DATE_PREFIX.sub("", line)))


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


def _is_title(blocks: list[list[_Line]]) -> bool:
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


def _body_block(text: str, block: list[_Line], out: _Builder, title: str, first: bool) -> None:
    """Sort one block's lines into captions (doubled lines), lists, boilerplate, paragraphs."""
    i = 0
    pending: list[_Line] = []

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
        if BOILERPLATE_LINE.match(line.text) or _CREDIT_LINE.match(line.text):
            flush()
            out.add("boilerplate", line.start, line.end)
        elif _CAPTION_PREFIX.match(line.text):
            flush()
            out.add("caption", line.start, line.end)
        elif (
            _LIST_MARKER.match(line.text)
            and sum(1 for ln in block if _LIST_MARKER.match(ln.text)) >= 2
        ):
            flush()
            out.add("list", line.start, line.end)
        else:
            pending.append(line)
        i += 1
    flush()
    _merge_lists(out)


def _merge_lists(out: _Builder) -> None:
    """Adjacent list items (one per line) form one list section."""
    merged: list[Section] = []
    for s in out.sections:
        if merged and s.kind == "list" and merged[-1].kind == "list":
            merged[-1] = Section("list", (merged[-1].span[0], s.span[1]))
        else:
            merged.append(s)
    out.sections[:] = merged


def _paragraphs(text: str, lines: list[_Line], out: _Builder, title: str, lead: bool) -> None:
    """Lines of one block: hard-wrapped lines join; a short line closing a sentence ends one."""
    width = max(len(ln.text) for ln in lines)
    groups: list[list[_Line]] = [[lines[0]]]
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


# -- comment thread ---------------------------------------------------------------------------


@dataclass
class _OpenComment:
    key: str
    marker_indent: int
    content_indent: int
    parent: str | None
    author: str | None = None
    published: str | None = None
    lines: list[_Line] = field(default_factory=list)


def _thread(text: str, lines: list[_Line], out: _Builder) -> list[Comment]:
    """Rebuild the tree from numbering ("1.", "2.") and indentation below the header."""
    opened: list[_OpenComment] = []
    stack: list[_OpenComment] = []
    ended = False
    for i, line in enumerate(lines):
        if ended or THREAD_END_LINE.match(line.text):
            ended = True
            out.add("boilerplate", line.start, line.end)
            continue
        m = _LIST_MARKER.match(line.text)
        if m:
            while stack and stack[-1].marker_indent >= line.indent:
                stack.pop()
            parent = stack[-1].key if stack else None
            node = _OpenComment(
                key=str(len(opened)),
                marker_indent=line.indent,
                content_indent=line.indent + 1,
                parent=parent,
            )
            opened.append(node)
            stack.append(node)
            rest = _Line(
                line.start + m.end(), line.end, line.indent + m.end(), line.text[m.end() :]
            )
            _comment_line(rest, node, out)
            continue
        author_date = _AUTHOR_DATE.match(line.text)
        if author_date and not _name_like(author_date.group("name")):
            author_date = None
        if author_date and not (stack and not stack[-1].lines):
            while stack and stack[-1].marker_indent >= line.indent:
                stack.pop()
            author = author_date.group("name").strip()
            parent = stack[-1].key if stack else None
            # Disqus prints a reply as "Name ParentName • time": the last words name the parent
            for earlier in reversed(opened):
                if earlier.author and author.endswith(" " + earlier.author):
                    author = author[: -len(earlier.author)].strip()
                    parent = parent or earlier.key
                    break
            node = _OpenComment(
                key=str(len(opened)),
                marker_indent=line.indent,
                content_indent=line.indent,
                parent=parent,
                author=author,
                published=author_date.group("date"),
            )
            opened.append(node)
            stack.append(node)
            out.add("boilerplate", line.start, line.end)
            continue
        if _opens_comment(lines, i) and not (stack and not stack[-1].lines):
            # an unnumbered thread: "Name" then a date line starts a comment, its indentation
            # says whom it answers
            while stack and stack[-1].marker_indent >= line.indent:
                stack.pop()
            node = _OpenComment(
                key=str(len(opened)),
                marker_indent=line.indent,
                content_indent=line.indent,
                parent=stack[-1].key if stack else None,
                author=line.text,
            )
            opened.append(node)
            stack.append(node)
            out.add("boilerplate", line.start, line.end)
            continue
        while len(stack) > 1 and line.indent < stack[-1].content_indent:
            stack.pop()
        if not stack:
            # text before any numbered comment: a flat thread of paragraphs
            node = _OpenComment(str(len(opened)), line.indent, line.indent, None)
            opened.append(node)
            stack.append(node)
        _comment_line(line, stack[-1], out)
    comments: list[Comment] = []
    kept: set[str] = set()
    for node in opened:
        if not node.lines:
            continue
        parent = node.parent if node.parent in kept else None
        kept.add(node.key)
        start = node.lines[0].start
        if m := _DETACHED_MARK.match(text, start, node.lines[-1].end):
            start += m.end() - m.start()
        comments.append(
            Comment(
                id=node.key,
                parent=parent,
                author=node.author,
                published=node.published,
                span=(start, node.lines[-1].end),
            )
        )
    renumber_comments(comments)
    return comments


def _name_like(name: str) -> bool:
    """A handle ("JohnDoe77", "anna_p") or a name of a few capitalised words ("Anna P.",
    "Ahmed al Said"), not a sentence that happens to end in a date ("I was there on …")."""
    words = name.split()
    if len(words) == 1:
        return True
    return len(words) <= 5 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES for w in words
    )


_NAME_PARTICLES = frozenset({"de", "da", "van", "von", "al", "el", "bin", "ibn", "le", "la", "du"})


def _opens_comment(lines: list[_Line], i: int) -> bool:
    """A name-like line with a date line right under it: a comment's author line."""
    line = lines[i]
    following = next((ln for ln in lines[i + 1 : i + 3] if not ln.blank), None)
    return (
        following is not None
        and following.indent == line.indent
        and _DATE_LINE.match(following.text) is not None
        and _AUTHOR_LINE.match(line.text) is not None
        and _name_like(line.text)
        and not _DATE_LINE.match(line.text)
    )


def _comment_line(line: _Line, node: _OpenComment, out: _Builder) -> None:
    """Author, date and chrome lines before a comment's text are metadata, not text."""
    if not node.lines:
        if line.text.endswith(" Avatar") and len(line.text) <= 80:
            node.author = node.author or line.text[: -len(" Avatar")].strip()
            out.add("boilerplate", line.start, line.end)
            return
        if node.author and line.text == node.author:
            out.add("boilerplate", line.start, line.end)
            return
        if (m := _SAYS.match(line.text)) and not node.author:
            node.author = m.group("name").strip()
            out.add("boilerplate", line.start, line.end)
            return
        if (m := _AUTHOR_DATE.match(line.text)) and _name_like(m.group("name")) and not node.author:
            node.author, node.published = m.group("name").strip(), m.group("date")
            out.add("boilerplate", line.start, line.end)
            return
        if _DATE_LINE.match(line.text) and not node.published:
            node.published = line.text
            out.add("boilerplate", line.start, line.end)
            return
    if COMMENT_CHROME_LINE.match(line.text):
        out.add("boilerplate", line.start, line.end)
        return
    node.lines.append(line)
