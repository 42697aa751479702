"""Text helpers for the comment extractor: paragraphs from elements, chrome lines, dates, counts.

Kept apart from the markup detectors in ``comments.py`` so each file says one thing: here is how
text is read out of a comment once its element is known, and which words are chrome.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

# Elements that end a line of text; everything else flows inline.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "dd",
        "dt",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "ul",
        "ol",
        "dl",
        "table",
        "figure",
        "figcaption",
        "header",
        "footer",
        "aside",
        "address",
        "hr",
    ]
)
# Elements whose text is never reader text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "svg",
        "img",
        "video",
        "audio",
        "iframe",
        "object",
        "embed",
        "canvas",
        "map",
        "head",
        "title",
        "meta",
        "link",
        "nav",
    ]
)

_WS = re.compile(r"\s+")

# Lines that are widget chrome, in the languages the thread's systems ship with.
_CHROME_LINE = re.compile(
    r"^(?:reply|replies|report|like|likes|unlike|delete|edit|share|flag|permalink|quote|vote|"
    r"upvote|downvote|log ?in to reply|reply to this comment|reply ↓|↓|report abuse|"
    r"responder|répondre|antworten|rispondi|beantwoorden|odpowiedz|svara|svar|"
    r"\(edit\)|\[edit\]|\d+ (?:likes?|votes?|points?)|your comment is awaiting moderation\.?|"
    r"comment awaiting moderation\.?|this comment is awaiting moderation\.?|"
    r"tu comentario está pendiente de moderación\.?|"
    r"votre commentaire est en attente de modération\.?|"
    r"dein kommentar muss noch freigegeben werden\.?|"
    r"ihr kommentar muss noch freigegeben werden\.?)$",
    re.I,
)

# Author chrome: trailing "says:", "dijo:" …; leading "by".
_AUTHOR_TAIL = re.compile(
    r"\s*(?:says|said|say|wrote|writes|dijo|escribió|disse|a dit|a écrit|sagt|schrieb|"
    r"schreibt|ha detto|ha scritto|zegt|schreef|napisał|napisała|skrev|sanoo|kirjoitti|"
    r"пишет|написал|написала)\s*(?:\.\.\.|…|:)?\s*$",
    re.I,
)
_AUTHOR_HEAD = re.compile(r"^(?:by|von|par|por|di|door|av|от)\s+", re.I)

_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|"
    r"dez|janv|févr|mars|avr|juin|juil|août|sept|déc|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|"
    r"maart|mei|okt"
)
_DATE_LIKE = re.compile(
    r"(?:\b(?:1[89]|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"\b(?:ago|yesterday|today|hace|il y a|vor|fa|geleden|temu|sedan)\b|"
    r"\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|h|d|w)\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})|\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b)",
    re.I,
)

# "12 comments", "3 thoughts on", "91 Ergänzungen", "View comments (27)", "One thought on …".
_COUNT_WORDS = (
    r"comments?|responses?|replies|reply|thoughts?|reactions?|opinions?|discussions?|"
    r"kommentare?|kommentaren|ergänzungen|antworten|reaktionen|beiträge|"
    r"commentaires?|réponses?|réactions?|comentarios?|comentários?|respuestas?|respostas?|"
    r"commenti|risposte|reacties|reactie|opmerkingen|komentarz[ey]?|komentarzy|odpowiedzi|"
    r"kommentarer|kommentar|kommenttia?|yorum|yorumlar|комментари[йяев]?|ответ(?:ов|а)?|"
    r"コメント|评论|評論|댓글"
)
_NUMBER_FIRST = re.compile(rf"(\d[\d,.\u00a0 ]*)\s*(?:{_COUNT_WORDS})\b", re.I)
_WORD_FIRST = re.compile(rf"(?:{_COUNT_WORDS})\s*[:(\[]\s*(\d[\d,.]*)\s*[)\]]?", re.I)
_ONE_FIRST = re.compile(
    rf"^\s*(one|un|une|uno|una|ein|eine|één|jeden|jedna|um|uma|no|kein|keine|aucun|ningún)\s+"
    rf"(?:{_COUNT_WORDS})\b",
    re.I,
)
_ONES = {"no": 0, "kein": 0, "keine": 0, "aucun": 0, "ningún": 0}


def collapse(text: str) -> str:
    """One space for every whitespace run, trimmed."""
    return _WS.sub(" ", text).strip()


def looks_like_date(text: str) -> bool:
    """A short string with a year, a clock time, a day-month or an "ago": how dates are shown."""
    return 0 < len(text) <= 80 and bool(_DATE_LIKE.search(text))


def is_chrome_line(text: str) -> bool:
    """Action labels and moderation notices that sit between a comment's lines."""
    return bool(_CHROME_LINE.match(text.strip()))


def clean_author(text: str | None) -> str | None:
    """The name as displayed: no "says:", no leading "by", no stray punctuation."""
    if not text:
        return None
    name = collapse(text)
    for _ in range(2):
        name = _AUTHOR_TAIL.sub("", name)
        name = _AUTHOR_HEAD.sub("", name)
        name = name.strip(" :|·•-–—,")
    if not name or len(name) > 80:
        return None
    return name


def parse_count(text: str) -> int | None:
    """The number of comments a heading or link states, in several languages; None if none."""
    text = collapse(text)
    if len(text) > 300:
        return None
    if m := _ONE_FIRST.match(text):
        return _ONES.get(m.group(1).lower(), 1)
    for rx in (_NUMBER_FIRST, _WORD_FIRST):
        if m := rx.search(text):
            digits = re.sub(r"[^\d]", "", m.group(1))
            if digits and len(digits) <= 7:
                return int(digits)
    return None


def paragraphs(root: etree._Element, skip: Iterable[etree._Element] = ()) -> list[str]:
    """The text of ``root`` split at block elements, without the ``skip`` subtrees and chrome.

    ``<br>`` keeps a line break inside a paragraph; source whitespace collapses as a browser
    renders it; widget labels ("Reply", "Report", moderation notes) are dropped.
    """
    skipped = set(skip)
    blocks: list[list[str]] = [[]]

    def new_block() -> None:
        if blocks[-1]:
            blocks.append([])

    # Iterative walk: (element, entering?) so deep threads never hit the recursion limit.
    stack: list[tuple[etree._Element, bool]] = [(root, True)]
    while stack:
        el, entering = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if entering:
            if el is not root and (el in skipped or tag in SKIP_TAGS or not tag):
                if el.tail:
                    blocks[-1].append(el.tail)
                continue
            if tag == "br":
                blocks[-1].append("\n")
                if el.tail:
                    blocks[-1].append(el.tail)
                continue
            if tag in BLOCK_TAGS:
                new_block()
            if el.text:
                blocks[-1].append(el.text)
            stack.append((el, False))
            stack.extend((child, True) for child in reversed(el))
        else:
            if tag in BLOCK_TAGS:
                new_block()
            if el is not root and el.tail:
                blocks[-1].append(el.tail)
    out: list[str] = []
    for parts in blocks:
        lines = [collapse(line) for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text and not is_chrome_line(text):
            out.append(text)
    return out


def element_text(el: etree._Element) -> str:
    """Collapsed visible text of one element (no scripts or styles)."""
    return collapse(" ".join(paragraphs(el)))
