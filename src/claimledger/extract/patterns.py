"""Words of page chrome shared by the extractors: comment headers, reply forms, share bars.

Markup finds a thread first; these patterns are the fallback for scraped text and headings,
so they cover the wording of the common blog and news systems in several languages.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "no": 0, "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "un": 1, "une": 1, "uno": 1, "una": 1, "ein": 1, "eine": 1, "einen": 1, "um": 1, "uma": 1,
}  # fmt: skip
_COUNT = r"(?P<n>\d[\d,.\u00a0 ]*|[A-Za-zÀ-ÿ]+)"
_NOUNS = (
    r"(?:responses?|repl(?:y|ies)|comments?|thoughts?|reactions?|opinions?|discussions?|"
    r"kommentare?|ergänzungen|antworten|reaktionen|commentaires?|réponses?|réactions?|"
    r"comentarios?|respuestas?|comentários?|respostas?|commenti|risposte|reacties|"
    r"kommentarer?|kommentit|komentarze|komentáře|yorum(?:lar)?|σχόλια|комментари[йяев]+|"
    r"отзыв(?:ов|а)?)"
)
_HEADER = re.compile(
    rf"^\s*{_COUNT}\s+{_NOUNS}\b(?:\s+(?:to|on|for|zu|à|a|sur|en|em|su|op|till|til|para)\b.*|"
    r"\s*[:.]?\s*)$",
    re.IGNORECASE,
)
_HEADER_PAREN = re.compile(
    rf"^\s*(?:view\s+|show\s+|read\s+)?(?:all\s+)?{_NOUNS}\s*[(\[:]\s*(?P<n>\d[\d,.]*)\s*[)\]]?\s*$",
    re.IGNORECASE,
)


def comment_header_count(line: str) -> int | None:
    """The declared count of a thread header ("6 responses to “…”", "Comments (12)"), or None."""
    if len(line) > 300:
        return None
    m = _HEADER.match(line) or _HEADER_PAREN.match(line)
    if not m:
        return None
    raw = m.group("n").strip()
    digits = re.sub(r"[,.\u00a0 ]", "", raw)
    if digits.isdigit():
        return int(digits)
    return _NUMBER_WORDS.get(raw.lower())


THREAD_END_LINE = re.compile(
    r"^(?:leave a (?:reply|comment|response)|post (?:a|your) comment|add (?:a|your) comment|"
    r"comments are closed\.?|share your thoughts|"
    r"(?:recent|popular|latest|related)(?: posts| comments| articles| stories)?\s*:?$|"
    r"write a comment|join the discussion|submit a comment|kommentar (?:schreiben|hinterlassen)|"
    r"schreibe einen kommentar|laisser un commentaire|laisser une réponse|deja un comentario|"
    r"deixe um comentário|lascia un commento)\b.*$",
    re.IGNORECASE,
)
_CHROME_WORD = (
    r"(?:reply|répondre|antworten|responder|rispondi|report|flag|like|upvote|downvote|edit|"
    r"delete|share|permalink|link|hide replies|show (?:more )?replies|view replies|"
    r"load more comments|show more comments|sort by (?:best|newest|oldest|top|popular)|"
    r"newest|oldest|\d+\s+(?:likes?|replies|upvotes?|points?)|\d{1,5}|"
    r"ответить|пожаловаться|antworten|melden|signaler|denunciar|segnala)"
)
COMMENT_CHROME_LINE = re.compile(
    rf"^(?:(?:{_CHROME_WORD}\s*[•·|›»]*\s*)+|"
    r"log in to reply|cancel reply|your comment is awaiting moderation\.?|"
    r"like or dislike:.*|loading\.\.\.|rating:\s*-?\d+(?:\s+votes?)?|\(?view all\)?)$",
    re.IGNORECASE,
)
BOILERPLATE_LINE = re.compile(
    r"^(?:share on (?:facebook|twitter|x)|click to share on .*|tweet|"
    r"advertisement|related(?: posts| articles| stories| content| coverage)?:?|"
    r"share this(?: article| story| page| post)?:?|share (?:on|via) .*|"
    r"(?:related|read more|see also|also read|read also|more on this|more from)\s*:.*|"
    r"like this:?|loading\.\.\.|"
    r"subscribe(?: now)?|sign up for .*newsletter.*|read more:?|continue reading.*|"
    r"follow us on .*|posted in .*|tags?:.*|filed under:?.*)$",
    re.IGNORECASE,
)

# a heading over a list of other stories: the heading and the list are page chrome
CHROME_HEADING = re.compile(
    r"^(?:most (?:read|popular|viewed|shared)|trending(?: now| stories)?|recommended(?: for you)?|"
    r"(?:more|top|latest|related) (?:stories|news|headlines|articles)|you (?:may|might) also like|"
    r"read (?:next|more)|editor'?s picks|more from [\w .]+|popular (?:now|stories)|"
    r"related topics|more on this story)\s*:?$",
    re.IGNORECASE,
)
