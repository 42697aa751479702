"""The comment thread of scraped plain text: where it starts, where each comment opens, whom
it answers.

Copied or rendered pages print a thread in a handful of shapes, and the reader knows them by
shape, not by site: numbering ("1.", nested "1." under it), bullets before an author line,
author lines ("Name Avatar", "Name says:", "Name wrote on DATE:", "Name on DATE said:",
"Name • 2 hours ago", a name glued to its date as Blogger prints it), a name over a date line,
and a name over a more-indented block of text (Drupal, which prints the date after the text).
A reply is more indented than the comment it answers. Lines before the first comment (the
reply form, its help text) and after the thread's end ("Leave a Reply") are chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimledger.extract.layout import renumber_comments
from claimledger.extract.patterns import (
    COMMENT_CHROME_LINE,
    THREAD_END_LINE,
    comment_header_count,
)
from claimledger.extract.text_layout import (
    CALENDAR_DATE,
    DATE,
    DATE_LINE,
    LIST_MARKER,
    NUMBER_MARKER,
    TIME_LINE,
    Builder,
    Line,
    name_like,
)
from claimledger.model import Comment

# "Name says:", "Name wrote on March 11th, 2015 at 02:57 :", "Name on September 12, 2018 said:"
_SAYS = re.compile(
    r"^(?P<name>\S.{0,60}?)(?:\s+on\s+(?P<before>.{4,40}?))?\s+(?:says|said|wrote|writes)"
    r"(?:\s+on\s+(?P<after>.{4,40}?))?\s*:?$",
    re.IGNORECASE,
)
# "JohnDoe77 • 2 hours ago", "Anna P. | March 3, 2024", "Sam — 5 hours ago"
_AUTHOR_DATE = re.compile(
    rf"^(?P<name>[^\s•·|].{{0,58}}?)\s*(?:[•·|—–]|\s-\s|\s+on\s)\s*(?P<date>{DATE})$",
    re.IGNORECASE,
)
# "IwonaMay 30, 2019 at 1:06 PM": Blogger prints the name and the date with no space between
_GLUED = re.compile(rf"^(?P<name>\S.{{0,58}}?)\s*(?P<date>{CALENDAR_DATE})$", re.IGNORECASE)
# "Гость 11:15 05.10.18", "anna 05/10/2018 14:02": a name and a numeric stamp
_NAME_STAMP = re.compile(
    r"^(?P<name>\S.{0,40}?)\s+(?P<date>(?:\d{1,2}:\d{2}\s+)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"(?:,?\s+\d{1,2}:\d{2})?)$"
)
# a commenter's name on a line of its own: short, no sentence punctuation at its end
_NAME_LINE = re.compile(r"^(?=.{1,60}$)[^\s.!?:;,][^\n]*?(?<![!?:;,])$")
_BARE_HEADER = re.compile(
    r"^(?:(?:top rated|top|best|latest|newest|all|reader|readers'|user|most recent)\s+)?"
    r"(?:comments?|reader comments|readers' comments|responses|discussion|join the "
    r"(?:discussion|conversation)|what (?:readers|you) (?:are saying|think)|"
    r"kommentare|commentaires|comentarios|comentários|commenti|reacties|kommentarer|"
    r"komentarze|yorumlar|комментарии|коментарі|σχόλια)\s*:?$",
    re.IGNORECASE,
)
# A quotation mark standing alone before the first word (a scraped page's stray quote glyph)
_DETACHED_MARK = re.compile(r"[\"“”‘’'«»„]\s+(?=\w)")


@dataclass
class Opener:
    """How a comment opens at a line: its author and date when the opening line gives them."""

    author: str | None = None
    published: str | None = None
    lines: int = 1  # lines the opening takes (two for a name over a date line)
    weak: bool = False  # a name over indented text: a comment only if a date turns up
    numbered: bool = False
    rest: Line | None = None  # text after a number marker that is the comment's first line


def _after_marker(line: Line) -> tuple[Line, bool, bool]:
    """The line without its list marker, and whether it had a marker, a number."""
    m = LIST_MARKER.match(line.text)
    if not m:
        return line, False, False
    rest = Line(line.start + m.end(), line.end, line.indent + m.end(), line.text[m.end() :])
    return rest, True, bool(NUMBER_MARKER.match(line.text))


def _author_line(text: str) -> tuple[str, str | None] | None:
    """(author, date) of a line that names a commenter the way threads print it."""
    if len(text) > 160:
        return None  # author lines are short; a paragraph is not one
    if text.endswith(" Avatar") and len(text) <= 80:
        return text[: -len(" Avatar")].strip(), None
    lower = text.lower()
    says = _SAYS_WORD.search(lower) and _SAYS.match(text)
    if says and name_like(says.group("name")):
        date = says.group("before") or says.group("after")
        return says.group("name").strip(), date.strip() if date else None
    if not _HAS_DATE_HINT.search(lower):
        return None  # the patterns below all end in a date: no digit, no "ago", no date
    for pattern in (_AUTHOR_DATE, _NAME_STAMP):
        if (m := pattern.match(text)) and name_like(m.group("name").strip()):
            return m.group("name").strip(), m.group("date")
    # a name glued to its date is evidence enough: display names may be any few words
    # ("Rose world", "Rowena @ rolala loves")
    if (m := _GLUED.match(text)) and _display_name(m.group("name").strip()):
        return m.group("name").strip(), m.group("date")
    return None


_SAYS_WORD = re.compile(r"\b(?:says|said|wrote|writes)\b")
_HAS_DATE_HINT = re.compile(r"\d|\bago\b|just now|yesterday|today")


def _display_name(name: str) -> bool:
    return (
        0 < len(name.split()) <= 6
        and re.search(r"\w", name) is not None
        and not re.search(r"[.!?:;]$|https?://", name)
        and not re.match(r"(?i)(?:posted|published|updated|on|at)\b", name)
    )


def _next_content(lines: list[Line], i: int) -> Line | None:
    return next((ln for ln in lines[i + 1 : i + 3] if not ln.blank), None)


def opener_at(lines: list[Line], i: int) -> Opener | None:
    """The comment that opens at line ``i``, if one does."""
    line = lines[i]
    rest, marked, numbered = _after_marker(line)
    if not rest.text or COMMENT_CHROME_LINE.match(rest.text) or THREAD_END_LINE.match(rest.text):
        return None
    found = _author_line(rest.text)
    if found:
        return Opener(author=found[0], published=found[1], numbered=numbered)
    following = _next_content(lines, i)
    plain_name = (
        _NAME_LINE.match(rest.text) is not None
        # a full stop ends sentences, not names, but for an initial ("Anna P.") or a handle
        # cut short ("mike...")
        and (not rest.text.endswith(".") or re.search(r"\b[A-Z]\.$|\.\.\.$", rest.text) is not None)
        and name_like(rest.text)
        and not DATE_LINE.match(rest.text)
        and len(rest.text.split()) <= 5
    )
    if plain_name and following is not None and following.indent >= line.indent:
        date_text = _after_marker(following)[0].text
        if DATE_LINE.match(date_text):
            return Opener(author=rest.text, published=date_text, lines=2, numbered=numbered)
        if (
            following.indent > line.indent
            and not marked
            and not LIST_MARKER.match(following.text)
            and not COMMENT_CHROME_LINE.match(following.text)
        ):
            return Opener(author=rest.text, weak=True)
    if numbered:
        return Opener(numbered=True, rest=rest)
    return None


@dataclass
class _Node:
    key: str
    indent: int
    parent: str | None
    author: str | None = None
    published: str | None = None
    weak: bool = False
    lines: list[Line] = field(default_factory=list)


def find_header(lines: list[Line], standalone: set[int]) -> int | None:
    """Index of the thread's header line: the first header ("6 responses to …", "Comments
    (12)", a bare "Comments") with comments opening in the lines after it; else the first
    header with a count that stands alone between blank lines (``standalone``), not one
    glued to a teaser ("… 15 comments" under another story's blurb)."""
    counted: int | None = None
    for i, line in enumerate(lines):
        count = comment_header_count(line.text)
        if count is None and not _BARE_HEADER.match(line.text):
            continue
        if count is not None and counted is None and i in standalone:
            counted = i
        window = [j for j in range(i + 1, min(len(lines), i + 60)) if not lines[j].blank][:25]
        # a bare "Comments" needs a comment that opens unmistakably after it
        openers = [op for j in window if (op := opener_at(lines, j))]
        if any(count is not None or not op.weak for op in openers):
            return i
    return counted


def read_thread(text: str, lines: list[Line], out: Builder) -> list[Comment]:
    """The comments of the lines under the header, as a tree."""
    lines = [ln for ln in lines if not ln.blank]
    openers = {i: op for i in range(len(lines)) if (op := opener_at(lines, i))}
    first = min(openers, default=None)
    nodes: list[_Node] = []
    stack: list[_Node] = []
    skip = 0
    ended = False
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if ended or (THREAD_END_LINE.match(line.text) and (nodes or first is None)):
            ended = True
            out.add("boilerplate", line.start, line.end)
            continue
        if first is not None and i < first:
            out.add("boilerplate", line.start, line.end)  # the form before the first comment
            continue
        op = openers.get(i)
        if not op and first is not None and line.indent < lines[first].indent:
            ended = True  # text left of every comment: the page's footer, not the thread
            out.add("boilerplate", line.start, line.end)
            continue
        if op and stack and not stack[-1].lines and not op.numbered:
            op = None  # more about the comment just opened ("Jane Roe" under "Jane Roe Avatar")
        if op:
            while stack and stack[-1].indent >= line.indent:
                stack.pop()
            node = _Node(str(len(nodes)), line.indent, stack[-1].key if stack else None)
            node.author, node.published, node.weak = op.author, op.published, op.weak
            if node.author:
                # Disqus prints a reply as "Name ParentName • time": the last words name the parent
                for earlier in reversed(nodes):
                    if earlier.author and node.author.endswith(" " + earlier.author):
                        node.author = node.author[: -len(earlier.author)].strip()
                        node.parent = node.parent or earlier.key
                        break
            nodes.append(node)
            stack.append(node)
            if op.rest is not None:
                _comment_line(op.rest, node, out)
            else:
                for opened in lines[i : i + op.lines]:
                    out.add("boilerplate", opened.start, opened.end)
                skip = op.lines - 1
            continue
        while len(stack) > 1 and line.indent < stack[-1].indent:
            stack.pop()
        if not stack:  # no comment opens anywhere: a flat thread of paragraphs
            node = _Node(str(len(nodes)), line.indent, None)
            nodes.append(node)
            stack.append(node)
        _comment_line(line, stack[-1], out)
    return _comments(text, nodes, out)


def _comments(text: str, nodes: list[_Node], out: Builder) -> list[Comment]:
    comments: list[Comment] = []
    kept: set[str] = set()
    for node in nodes:
        if not node.lines:
            continue
        if node.weak and not node.published:
            for line in node.lines:  # a name over indented text with no date: page chrome
                out.add("boilerplate", line.start, line.end)
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


def _comment_line(line: Line, node: _Node, out: Builder) -> None:
    """Author, date and chrome lines around a comment's text are metadata, not text."""
    rest, _, _ = _after_marker(line)
    if not node.lines:
        found = _author_line(line.text)
        if found and (node.author is None or found[0] == node.author):
            node.author = found[0]
            node.published = node.published or found[1]
            out.add("boilerplate", line.start, line.end)
            return
        if node.author and line.text == node.author:
            out.add("boilerplate", line.start, line.end)
            return
    if DATE_LINE.match(rest.text) and not node.published:
        node.published = rest.text  # before the text, or after it as Drupal prints it
        out.add("boilerplate", line.start, line.end)
        return
    if TIME_LINE.match(rest.text) and node.published and node.lines:
        node.published = f"{node.published} {rest.text}"
        out.add("boilerplate", line.start, line.end)
        return
    if COMMENT_CHROME_LINE.match(rest.text):
        out.add("boilerplate", line.start, line.end)
        return
    node.lines.append(line)


__all__ = ["find_header", "opener_at", "read_thread"]
