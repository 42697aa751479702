"""Comment side of an HTML page: the reader-comment tree, found from the page's markup.

Markup first, words second: every detector keys on structure (WordPress/Drupal/Blogger classes,
schema.org microdata and JSON-LD, microformats, Discourse's crawler view, or a generic nest of
repeated items inside a container named for comments), so pages in any language get the same
tree. The reply-to parent always comes from the page's own threading (nesting, reply
containers, ``depth-N`` classes, ``parentItem``, ``in-reply-to``), never from "@name" in text.
All searches are precompiled XPath on the tree the HTML path already parsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from lxml import etree
from lxml import html as lxml_html

from claimledger.extract.html.comments_text import (
    clean_author,
    collapse,
    element_text,
    looks_like_date,
    paragraphs,
    parse_count,
)
from claimledger.extract.parts import CommentDraft, CommentParts

_NS = {"re": "http://exslt.org/regular-expressions"}


def _xp(expr: str) -> etree.XPath:
    return etree.XPath(expr, namespaces=_NS)


# --- one cheap pass over the page collects every element that may matter ----------------

# Substring tests only (fast in libxml2); the exact class tokens are checked in Python.
_CANDIDATES = _xp(
    "//*[(@class or @id) and (contains(concat(@class, '|', @id), 'omment')"
    " or contains(concat(@class, '|', @id), 'respond') or contains(@class, 'back')"
    " or contains(concat(@class, '|', @id), 'iscussion') or contains(@class, 'esponses')"
    " or contains(concat(@class, '|', @id), 'eplies') or contains(@class, 'thread')"
    " or contains(@class, 'h-') or contains(@class, 'crawler') or contains(@class, 'viafoura')"
    " or contains(@class, 'livefyre') or @id='disqus_thread' or contains(@id, 'coral'))]"
    " | //*[@itemscope or @itemprop='commentCount']"
)


# The attributes ``_CANDIDATES`` tests, in document order (an element's attributes come right
# after it, before its children). Strings are cheap to hand to Python, element proxies are not.
_MARKABLE_ATTRIBUTES = _xp("//@class | //@id | //@itemscope | //@itemprop")
_SHARED_MARKS = "omment|respond|iscussion|eplies"  # in the class or the id
_CLASS_MARK = re.compile(f"{_SHARED_MARKS}|back|esponses|thread|h-|crawler|viafoura|livefyre")
_ID_MARK = re.compile(rf"{_SHARED_MARKS}|coral|^disqus_thread\Z")


def _candidates(tree: etree._Element) -> list[etree._Element]:
    """What ``_CANDIDATES`` selects, in document order (see ``marked_elements``)."""
    return marked_elements(tree)[0]


def marked_elements(
    tree: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element]]:
    """What ``_CANDIDATES`` selects, in document order, and the elements whose class holds
    'caption' or whose itemprop is 'caption' (the article's caption candidates, read from the
    same values).

    libxml2 evaluating that XPath's dozen string tests on every element costs more than
    parsing the page, so the attribute values come out as strings, are tested here, and only
    a hit's element is looked up.
    """
    found: list[etree._Element] = []
    captions: list[etree._Element] = []
    last = last_caption = None
    # a page repeats its class values (menu items, cards): each distinct one is searched once
    class_hits: dict[str, bool] = {}
    for value in _MARKABLE_ATTRIBUTES(tree):
        name = value.attrname
        if name == "class":
            hit = class_hits.get(value)
            if hit is None:
                hit = class_hits[value] = _CLASS_MARK.search(value) is not None
            caption = "caption" in value
        elif name == "id":
            hit = _ID_MARK.search(value) is not None
            caption = False
        else:
            hit = name == "itemscope" or value == "commentCount"
            caption = name == "itemprop" and value == "caption"
        if hit:
            element = value.getparent()
            if element is not last:  # one element's attributes are adjacent
                found.append(element)
                last = element
        if caption:
            element = value.getparent()
            if element is not last_caption:
                captions.append(element)
                last_caption = element
    return found, captions


# Whole-page look-ups, run on the root element: `descendant-or-self::x` selects what `//x`
# does (nothing but the root element stands at the top of a parsed page) and libxml2 walks it
# faster; the count links first pass the one test all four of theirs share (a '#').
_JSONLD = _xp("descendant-or-self::script[@type='application/ld+json']")
_COUNT_LINKS = _xp(
    "descendant-or-self::a[contains(@href, '#')][contains(@href, '#comments')"
    " or contains(@href, '#respond') or contains(@href, '#disqus_thread')"
    " or contains(@href, '#reply')]"
)
_CANONICAL = _xp(
    "descendant-or-self::link[@rel='canonical']/@href"
    " | descendant-or-self::meta[@property='og:url']/@content"
)
_PARAGRAPH_COUNT = _xp("count(.//p)")

_ITEM_TOKENS = frozenset(
    ["comment", "pingback", "trackback", "wp-block-comment", "comment-item", "dsq-comment"]
)
_ITEM_TAGS = frozenset(["li", "article", "div", "section"])
_FORM_IDS = frozenset(["respond", "commentform", "comment-form", "reply-form"])
_FORM_TOKENS = frozenset(["comment-respond", "comment-form"])
_WIDGET_IDS = frozenset(["disqus_thread", "coral_thread", "coral-thread"])
_WIDGET_TOKENS = frozenset(["fb-comments", "viafoura", "vf-comments", "livefyre"])
_HEADER_CLASS = re.compile(r"comments?[-_](?:title|header|count|head)\b", re.I)
_COMMENT_TYPE = re.compile(r"schema\.org/(?:Comment|UserComments)$", re.I)
_FORUM_TYPE = re.compile(r"schema\.org/DiscussionForumPosting$", re.I)
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])

# Containers that hold other things than this page's thread.
_NOT_THREAD = re.compile(
    r"(?:^|\s)(?:widget\S*|\S*sidebar\S*|\S*recent\S*|\S*popular\S*|most[-_]\S*|"
    r"\S*latest\S*|\S*related\S*|\S*trending\S*|\S*menu\S*|navbar\S*|nav-\S*|"
    r"\S*teaser\S*)(?:$|\s)",
    re.I,
)
_THREADISH = re.compile(r"comment|discussion|responses|replies|reactions|thread|respond", re.I)
_REPLY_BOX = re.compile(
    r"(?:^|\s)(?:children|replies|indented|comment-replies|inline-thread|sub-?comments|"
    r"comment-children|child-comments|replies-list|comment-thread-replies)(?:$|\s)",
    re.I,
)
_DEPTH = re.compile(r"\bdepth-(\d+)\b")

# --- the roles an element plays inside one comment ---------------------------------------

# Author roles, best first; the first role with a usable name wins.
_AUTHOR_ROLES = (
    "ip-author",
    "p-author",
    "fn",
    "cite-user",
    "block-author",
    "dsq-author",
    "comment-author",
    "username",
    "name",
    "cite",
)
_DATE_ROLES = ("ip-date", "meta-date", "time", "permalink", "date", "abbr")
_CONTENT_ROLES = ("ip-text", "content", "content-weak")
_TOKEN_ROLES: dict[str, tuple[str, ...]] = {
    "fn": ("fn",),
    "p-author": ("p-author",),
    "wp-block-comment-author-name": ("block-author", "chrome"),
    "comment-author": ("comment-author", "chrome"),
    "comment-author-name": ("comment-author", "chrome"),
    "username": ("username",),
    "user-name": ("username",),
    "author-name": ("username",),
    "comment-user": ("username",),
    "creator": ("username",),
    "commenter": ("username",),
    "name": ("name",),
    "author": ("name",),
    "user": ("name",),
    "dt-published": ("ip-date",),
    "comment-metadata": ("meta-date", "chrome"),
    "commentmetadata": ("meta-date", "chrome"),
    "comment-meta": ("meta-date", "chrome"),
    "comment-date": ("meta-date",),
    "comment-time": ("meta-date",),
    "datetime": ("meta-date",),
    "timestamp": ("meta-date",),
    "post-time": ("meta-date",),
    "comment-timestamp": ("meta-date",),
    "wp-block-comment-date": ("meta-date", "chrome"),
    "published": ("meta-date",),
    "date": ("date",),
    "time": ("date",),
    "meta": ("date", "chrome"),
    "submitted": ("date", "chrome"),
    "comment-content": ("content",),
    "comment-text": ("content",),
    "comment_text": ("content",),
    "commenttext": ("content",),
    "e-content": ("content",),
    "dsq-comment-message": ("content",),
    "wp-block-comment-content": ("content",),
    "comment-message": ("content",),
    "field-comment-body": ("content",),
    "field-name-comment-body": ("content",),
    "comment-entry": ("content",),
    "cooked": ("content",),
    "entry-content": ("content-weak",),
    "message": ("content-weak",),
    "text": ("content-weak",),
    "comment-body": ("body",),
    "comment-block": ("body",),
    "comment-inner": ("body",),
    "comment-wrap": ("body",),
    "comment-container": ("body",),
    "reply": ("chrome",),
    "comment-reply": ("chrome",),
    "comment-actions": ("chrome",),
    "comment-footer": ("chrome",),
    "comment-header": ("chrome",),
    "vcard": ("chrome",),
    "avatar": ("chrome",),
    "says": ("chrome",),
    "edit-link": ("chrome",),
    "comment-edit-link": ("chrome",),
    "comment-awaiting-moderation": ("chrome",),
    "links": ("chrome",),
    "share": ("chrome",),
    "votes": ("chrome",),
    "like": ("chrome",),
    "rating": ("chrome",),
    "comment-tools": ("chrome",),
    "comment-options": ("chrome",),
    "report": ("chrome",),
    "dsq-comment-header": ("dsq-header",),
}
_TAG_ROLES: dict[str, tuple[str, ...]] = {
    "time": ("time", "chrome"),
    "cite": ("cite",),
    "abbr": ("abbr",),
    "footer": ("chrome",),
    "header": ("chrome",),
}
_ITEMPROP_ROLES: dict[str, tuple[str, ...]] = {
    "author": ("ip-author",),
    "creator": ("ip-author",),
    "datePublished": ("ip-date",),
    "dateCreated": ("ip-date",),
    "commentTime": ("ip-date",),
    "text": ("ip-text",),
    "commentText": ("ip-text",),
    "articleBody": ("ip-text",),
}
_PERMALINK = re.compile(r"#comment|comment-\d|#c\d|showComment=", re.I)


@dataclass
class _Scan:
    """What one pass over a comment's own elements found (nested replies left out)."""

    roles: dict[str, list[etree._Element]]
    nested: list[etree._Element]
    reply_boxes: list[etree._Element]

    def first(self, role: str) -> etree._Element | None:
        found = self.roles.get(role)
        return found[0] if found else None


def _scan(item: etree._Element, item_set: set) -> _Scan:
    roles: dict[str, list[etree._Element]] = {}
    nested: list[etree._Element] = []
    boxes: list[etree._Element] = []

    def add(role: str, el: etree._Element) -> None:
        found = roles.setdefault(role, [])
        if len(found) < 4 or role == "chrome":
            found.append(el)

    stack = list(reversed(item))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if el in item_set:
            nested.append(el)
            continue
        cls = el.get("class")
        if cls:
            tokens = cls.split()
            for token in tokens:
                for role in _TOKEN_ROLES.get(token, ()):
                    add(role, el)
            if _REPLY_BOX.search(cls):
                boxes.append(el)
            if tag == "cite" and "user" in tokens:
                add("cite-user", el)
        for role in _TAG_ROLES.get(tag, ()):
            add(role, el)
        prop = el.get("itemprop")
        if prop:
            for role in _ITEMPROP_ROLES.get(prop, ()):
                add(role, el)
        if tag == "a" and _PERMALINK.search(el.get("href") or ""):
            add("permalink", el)
        if tag in _SKIP_SCAN:
            continue
        stack.extend(reversed(el))
    return _Scan(roles, nested, boxes)


_SKIP_SCAN = frozenset(["script", "style", "noscript", "svg", "form", "textarea", "select"])


def extract_comments(
    tree: lxml_html.HtmlElement, candidates: list[etree._Element] | None = None
) -> CommentParts:
    """Find the comment thread and its tree; an empty CommentParts when there is none.

    ``candidates``: ``marked_elements(tree)[0]`` when the caller read it already.
    """
    parts = CommentParts()
    page = _Page(tree, candidates)
    container_nodes: list = []
    for system, find in _DETECTORS:
        found = find(page)
        if found:
            parts.comments, container_nodes = found
            parts.system = system
            break
    header_el = _thread_header(container_nodes) if container_nodes else None
    if header_el is not None:
        parts.header = element_text(header_el) or None
    parts.declared_count = _declared_count(page, header_el)
    parts.nodes = _thread_nodes(page, container_nodes, header_el)
    return parts


class _Page:
    """The page's candidate elements, sorted once by what they look like."""

    def __init__(
        self, tree: etree._Element, candidates: list[etree._Element] | None = None
    ) -> None:
        self.tree = tree
        self.root = tree.getroottree().getroot()  # the context of the whole-page look-ups
        self.class_items: list[etree._Element] = []
        self.microdata: list[etree._Element] = []
        self.forum_posts: list[etree._Element] = []
        self.hentries: list[etree._Element] = []
        self.blogger_blocks: list[etree._Element] = []
        self.forms: list[etree._Element] = []
        self.widgets: list[etree._Element] = []
        self.headers: list[etree._Element] = []
        self.count_meta: list[etree._Element] = []
        self.threadish: list[etree._Element] = []
        for el in _candidates(tree) if candidates is None else candidates:
            tag = el.tag
            cls = el.get("class") or ""
            tokens = set(cls.split()) if cls else set()
            ident = el.get("id") or ""
            if tag in _ITEM_TAGS and tokens & _ITEM_TOKENS:
                self.class_items.append(el)
            if el.get("itemscope") is not None:
                itemtype = el.get("itemtype") or ""
                if _COMMENT_TYPE.search(itemtype):
                    self.microdata.append(el)
                elif _FORUM_TYPE.search(itemtype):
                    self.forum_posts.append(el)
            if "crawler-post" in tokens and el not in self.forum_posts:
                self.forum_posts.append(el)
            if "h-cite" in tokens or "h-entry" in tokens:
                self.hentries.append(el)
            if tag == "dl" and ident == "comments-block":
                self.blogger_blocks.append(el)
            if ident in _FORM_IDS or tokens & _FORM_TOKENS:
                self.forms.append(el)
            if ident in _WIDGET_IDS or tokens & _WIDGET_TOKENS:
                self.widgets.append(el)
            if (tag in _HEADING_TAGS or tag in ("span", "div", "p")) and (
                ("omment" in ident and tag in _HEADING_TAGS) or _HEADER_CLASS.search(cls)
            ):
                self.headers.append(el)
            if tag in _CONTAINER_TAGS and _THREADISH.search(f"{ident} {cls}"):
                self.threadish.append(el)
            if el.get("itemprop") == "commentCount":
                self.count_meta.append(el)

    @cached_property
    def jsonld_scripts(self) -> list[etree._Element]:
        """The page's JSON-LD scripts, found once for the detector and the count."""
        return _JSONLD(self.root)


# --- detectors: each returns (drafts, container nodes) or None ---------------------------

Found = tuple[list[CommentDraft], list]


def _from_classes(page: _Page) -> Found | None:
    """WordPress, Blogger, Drupal, dsq-comments: items with a ``comment`` class token."""
    items = [el for el in page.class_items if _in_thread(el)]
    items = _drop_inner_wrappers(items)
    return _drafts_from_items(items) if items else None


def _from_microdata(page: _Page) -> Found | None:
    """schema.org Comment / UserComments microdata."""
    items = [el for el in page.microdata if _in_thread(el)]
    if not items:
        return None
    found = _drafts_from_items(items)
    if found:
        _link_by_reference(items, found[0], "parentItem", "replyToUrl")
    return found


def _from_discourse(page: _Page) -> Found | None:
    """Discourse's crawler view: posts in order, flat; the first post is the topic itself."""
    posts = [p for p in page.forum_posts if _has_post_text(p)]
    if len(posts) < 2:
        return None
    if _is_opening_post(posts[0]):
        posts = posts[1:]
    return _drafts_from_items(posts, flat=True)


def _from_microformats(page: _Page) -> Found | None:
    """h-entry / h-cite replies (``p-comment``, ``u-in-reply-to``); the page's own h-entry is
    the article, not a comment."""
    entries = page.hentries
    entry_set = set(entries)
    items = []
    for el in entries:
        tokens = (el.get("class") or "").split()
        inside = _ancestor_in(el, entry_set) is not None
        if (
            "p-comment" in tokens
            or (inside and "h-cite" in tokens)
            or (inside and el.xpath(".//*[contains(@class, 'u-in-reply-to')]"))
        ):
            items.append(el)
    items = [el for el in items if _in_thread(el)]
    if not items:
        return None
    found = _drafts_from_items(items)
    if found:
        _link_by_microformat(items, found[0])
    return found


def _from_blogger_classic(page: _Page) -> Found | None:
    """Classic Blogger: ``dl#comments-block`` of dt author / dd body / dd footer triples."""
    if not page.blogger_blocks:
        return None
    dl = page.blogger_blocks[0]
    drafts: list[CommentDraft] = []
    current: CommentDraft | None = None
    for child in dl:
        if not isinstance(child.tag, str):
            continue
        classes = child.get("class") or ""
        if child.tag == "dt":
            links = [a for a in child.iter("a") if element_text(a)]
            current = CommentDraft(
                id=f"x{len(drafts) + 1}",
                parent=None,
                author=clean_author(element_text(links[0] if links else child)),
                published=None,
                paragraphs=[],
            )
            drafts.append(current)
        elif current is not None and child.tag == "dd":
            if "comment-footer" in classes or "comment-timestamp" in classes:
                texts = [element_text(a) for a in child.iter("a")] + [element_text(child)]
                current.published = next((t for t in texts if looks_like_date(t)), None)
            else:
                current.paragraphs.extend(paragraphs(child))
    drafts = [d for d in drafts if d.paragraphs]
    return (drafts, [dl]) if drafts else None


def _from_jsonld(page: _Page) -> Found | None:
    """JSON-LD ``Comment`` objects (nested ``comment`` lists or ``parentItem`` references)."""
    found: list[tuple[dict, int | None]] = []
    for script in page.jsonld_scripts:
        raw = script.text or ""
        if '"Comment"' not in raw and '"UserComments"' not in raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        _walk_jsonld(data, found)
    if not found:
        return None
    drafts: list[CommentDraft] = []
    ref_to_id: dict[str, str] = {}
    refs: list[str | None] = []
    for n, (obj, nested_parent) in enumerate(found, 1):
        cid = f"x{n}"
        for key in ("@id", "url"):
            if isinstance(obj.get(key), str):
                ref_to_id.setdefault(obj[key], cid)
        text = obj.get("text") or obj.get("commentText") or ""
        author = obj.get("author") or obj.get("creator")
        if isinstance(author, list):
            author = author[0] if author else None
        if isinstance(author, dict):
            author = author.get("name") or author.get("alternateName")
        date = obj.get("datePublished") or obj.get("dateCreated") or obj.get("commentTime")
        parent_ref = obj.get("parentItem") or obj.get("replyToUrl")
        if isinstance(parent_ref, dict):
            parent_ref = parent_ref.get("@id") or parent_ref.get("url")
        refs.append(parent_ref if isinstance(parent_ref, str) else None)
        paras = [collapse(p) for p in re.split(r"\n\s*\n", str(text)) if collapse(p)]
        drafts.append(
            CommentDraft(
                id=cid,
                parent=f"x{nested_parent}" if nested_parent else None,
                author=clean_author(str(author)) if author else None,
                published=str(date) if date else None,
                paragraphs=paras,
            )
        )
    for draft, ref in zip(drafts, refs, strict=True):
        if draft.parent is None and ref and (pid := ref_to_id.get(ref)) and _earlier(pid, draft.id):
            draft.parent = pid
    return (drafts, []) if any(d.paragraphs for d in drafts) else None


_JSONLD_SKIP = frozenset(("author", "creator", "publisher", "image", "parentItem", "isPartOf"))


def _walk_jsonld(data: object, out: list[tuple[dict, int | None]]) -> None:
    """Collect Comment objects in document order, with the number of the one they sit in."""
    stack: list[tuple[object, int | None]] = [(data, None)]
    while stack:
        node, parent = stack.pop()
        if isinstance(node, list):
            stack.extend((x, parent) for x in reversed(node))
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            inner = parent
            if any(k in ("Comment", "UserComments") for k in kinds):
                out.append((node, parent))
                inner = len(out)
            children = [
                v for k, v in node.items() if k not in _JSONLD_SKIP and isinstance(v, (list, dict))
            ]
            stack.extend((v, inner) for v in reversed(children))


_CONTAINER_TAGS = frozenset(["div", "section", "ol", "ul", "aside", "article", "main"])
_GENERIC_ITEM_TAGS = frozenset(["li", "div", "article", "section", "dd"])
_NAME_TAGS = frozenset(["strong", "b", "cite", "a", "span", "h3", "h4", "h5", "h6", "p", "div"])
_MAX_GENERIC_SCAN = 20000


def _from_generic(page: _Page) -> Found | None:
    """Unknown markup: inside a container named for comments, the repeated sibling blocks that
    each carry a date and some text are the comments; the same blocks nested deeper (in reply
    lists) are replies."""
    chosen = set(page.threadish)
    for container in page.threadish:
        if _ancestor_in(container, chosen) is not None or not _in_thread(container):
            continue
        ident = f"{container.get('id') or ''} {container.get('class') or ''}"
        if _NOT_THREAD.search(ident):
            continue
        signature = _repeated_signature(container)
        if signature is None:
            continue
        items = [
            el
            for el in container.iter(signature[0])
            if el is not container and (el.get("class") or "").split()[:1] == signature[1]
        ]
        found = _drafts_from_items(items, guess=True)
        if found and sum(1 for d in found[0] if d.published) * 2 >= len(found[0]):
            return found
    return None


def _repeated_signature(container: etree._Element) -> tuple[str, list[str]] | None:
    """(tag, first class) of the largest group of sibling blocks that look like comments."""
    best: tuple[int, tuple[str, list[str]]] | None = None
    for n, parent in enumerate(container.iter()):
        if n > _MAX_GENERIC_SCAN:
            break
        if not isinstance(parent.tag, str) or len(parent) < 2:
            continue
        groups: dict[tuple[str, str], int] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _GENERIC_ITEM_TAGS:
                key = (child.tag, ((child.get("class") or "").split() or [""])[0])
                groups[key] = groups.get(key, 0) + 1
        for (tag, first_class), count in groups.items():
            if count < 2 or (best is not None and count <= best[0]):
                continue
            members = [
                c
                for c in parent
                if c.tag == tag and ((c.get("class") or "").split() or [""])[0] == first_class
            ]
            dated = sum(1 for c in members if _has_date_line(c))
            if dated * 2 >= count:
                best = (count, (tag, [first_class] if first_class else []))
    return best[1] if best else None


def _has_date_line(el: etree._Element) -> bool:
    for node in el.iter():
        if (
            isinstance(node.tag, str)
            and len(node) == 0
            and looks_like_date(collapse(node.text or ""))
        ):
            return True
        if node.tag == "time":
            return True
    return False


def _guess_fields(
    item: etree._Element,
    scan: _Scan,
    author_el: etree._Element | None,
    author: str | None,
    date_el: etree._Element | None,
    published: str | None,
) -> tuple:
    """Generic markup: the date is the first short date-like line, the name the first short
    line before it (or before the text) that is not a date or a label."""
    nested = set(scan.nested)
    candidates = []
    stack = list(reversed(item))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el in nested or el.tag in _SKIP_SCAN:
            continue
        if len(el) == 0 or el.tag in ("a", "cite", "strong", "b", "time"):
            text = element_text(el)
            if text:
                candidates.append((el, text))
                if len(candidates) > 12:
                    break
                continue
        stack.extend(reversed(el))
    for n, (el, text) in enumerate(candidates):
        if date_el is None and looks_like_date(text):
            date_el, published = el, _strip_date_words(text)
            if author_el is None:
                for prev_el, prev in reversed(candidates[:n]):
                    name = clean_author(prev) if prev_el.tag in _NAME_TAGS else None
                    if name and len(name) <= 60 and not looks_like_date(name):
                        author_el, author = prev_el, name
                        break
            break
    return author_el, author, date_el, published


_DETECTORS: list[tuple[str, Callable[[_Page], Found | None]]] = [
    ("blogger", _from_blogger_classic),
    ("html", _from_classes),
    ("schema.org", _from_microdata),
    ("discourse", _from_discourse),
    ("microformats", _from_microformats),
    ("schema.org", _from_jsonld),
    ("generic", _from_generic),
]


# --- shared item machinery ---------------------------------------------------------------


def _in_thread(el: etree._Element) -> bool:
    """False for look-alikes: items inside sidebars, widgets, menus or 'recent comments'.

    The walk stops at the first ancestor named for comments: past it lies page layout, whose
    class names ("two-col-sidebar", Blogger's "widget Blog") say nothing about the thread.
    """
    node = el.getparent()
    while node is not None:
        if node.tag in ("aside", "nav"):
            return False
        ident = f"{node.get('id') or ''} {node.get('class') or ''}"
        if ident.strip():
            if _NOT_THREAD.search(ident):
                return False
            if _THREADISH.search(ident):
                return True
        node = node.getparent()
    return True


def _ancestor_in(el: etree._Element, chosen: set) -> etree._Element | None:
    node = el.getparent()
    while node is not None:
        if node in chosen:
            return node
        node = node.getparent()
    return None


def _drop_inner_wrappers(items: list[etree._Element]) -> list[etree._Element]:
    """One element per comment: an item directly wrapping another (no list or reply box
    between them) is the same comment twice, so the inner one goes."""
    item_set = set(items)
    kept = []
    for el in items:
        node = el.getparent()
        inner = False
        while node is not None:
            if node in item_set:
                # a reply nested straight inside its parent (WordPress's div walker leaves the
                # parent open) is a comment of its own: the parent has text outside it
                inner = not _own_text(node, item_set)
                break
            if node.tag in ("ol", "ul", "dl") or _REPLY_BOX.search(node.get("class") or ""):
                break
            node = node.getparent()
        if not inner:
            kept.append(el)
    return kept


def _own_text(el: etree._Element, item_set: set[etree._Element]) -> bool:
    """Whether an item holds a paragraph's worth of text outside the items nested in it."""
    own = len((el.text or "").strip())
    stack = list(el)
    while stack and own <= 40:
        node = stack.pop()
        own += len((node.tail or "").strip())  # a node's tail lies outside the node
        if node in item_set or not isinstance(node.tag, str) or node.tag in _SKIP_SCAN:
            continue
        own += len((node.text or "").strip())
        stack.extend(node)
    return own > 40


def _drafts_from_items(
    items: list[etree._Element], flat: bool = False, guess: bool = False
) -> Found | None:
    """Read every item's fields and its reply-to parent; None when nothing holds text."""
    item_index = {el: n for n, el in enumerate(items)}
    item_set = set(items)
    drafts: list[CommentDraft] = []
    for n, el in enumerate(items):
        draft = _read_item(el, _scan(el, item_set), guess)
        draft.id = f"x{n + 1}"
        parent = None if flat else _parent_of(el, n, items, item_index)
        draft.parent = f"x{parent + 1}" if parent is not None else None
        drafts.append(draft)
    with_text = [d for d in drafts if d.paragraphs]
    if not with_text:
        return None
    # A thread's items carry a name or a date; a list of bare links or labels is not one.
    signed = sum(1 for d in with_text if d.author or d.published or d.pingback)
    if signed * 2 < len(with_text):
        return None
    return drafts, [_common_ancestor(items)]


def _read_item(item: etree._Element, scan: _Scan, guess: bool = False) -> CommentDraft:
    tokens = (item.get("class") or "").split()
    if "pingback" in tokens or "trackback" in tokens:
        return _read_pingback(item, "Trackback" if "trackback" in tokens else "Pingback")
    author_el, author = _read_author(scan)
    date_el, published = _read_date(scan)
    if guess and (author_el is None or date_el is None):
        author_el, author, date_el, published = _guess_fields(
            item, scan, author_el, author, date_el, published
        )
    content = None
    for role in _CONTENT_ROLES:
        if (content := scan.first(role)) is not None:
            break
    skip = scan.nested + scan.reply_boxes + [el for el in (author_el, date_el) if el is not None]
    if content is None:
        body = scan.first("body")
        content = body if body is not None and body.getparent() is item else item
        skip += scan.roles.get("chrome", [])
    return CommentDraft(
        id="", parent=None, author=author, published=published, paragraphs=paragraphs(content, skip)
    )


def _read_author(scan: _Scan) -> tuple[etree._Element | None, str | None]:
    for role in _AUTHOR_ROLES:
        for el in scan.roles.get(role, ()):
            if role == "ip-author":
                names = el.xpath(".//*[@itemprop='name']")
                el = names[0] if names else el
            elif role == "p-author":
                names = el.xpath(".//*[contains(@class, 'p-name')]")
                el = names[0] if names else el
            elif role == "dsq-author":
                continue
            el = _name_inside(el)
            text = el.get("content") if el.tag == "meta" else element_text(el)
            author = clean_author(text)
            if author and not looks_like_date(author):
                return el, author
    header = scan.first("dsq-header")
    if header is not None:
        cites = list(header.iter("cite"))
        if cites and (author := clean_author(element_text(cites[0]))):
            return cites[0], author
    return None, None


def _name_inside(el: etree._Element) -> etree._Element:
    """ "<strong>Name</strong> on <a>date</a> said:": the name is the first non-date child."""
    full = element_text(el)
    for child in el.iter("strong", "b", "cite", "a", "span"):
        if child is el:
            continue
        text = element_text(child)
        if text and text == full:
            return el
        if text and not looks_like_date(text) and len(text) + 3 < len(full):
            return child
    return el


def _read_date(scan: _Scan) -> tuple[etree._Element | None, str | None]:
    """The date as displayed: a permalink's text, a <time>, a date/time pair."""
    for role in _DATE_ROLES:
        for box in scan.roles.get(role, ()):
            if box.tag == "meta":
                value = box.get("content") or ""
                if looks_like_date(value):
                    return box, value
                continue
            for link in box.iter("a"):
                text = element_text(link)
                if looks_like_date(text):
                    return box, _strip_date_words(text)
            text = element_text(box)
            if not text and box.get("datetime"):
                text = box.get("datetime") or ""
            if not looks_like_date(text):
                continue
            pair = _time_after(box)
            if pair:
                return box, f"{_strip_date_words(text)} {pair}"
            return box, _strip_date_words(text)
    return None, None


_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _time_after(box: etree._Element) -> str | None:
    """Drupal shows the day and the clock in two list items: join them."""
    nxt = box.getnext()
    if nxt is not None and "time" in (nxt.get("class") or "").split():
        text = element_text(nxt)
        if text and _CLOCK.search(text) and not _CLOCK.search(element_text(box)):
            return text
    return None


_DATE_PREFIX = re.compile(r"^(?:wrote on|posted on|said on|on|le|am|el|il|op|publié le)\s+", re.I)


def _strip_date_words(text: str) -> str:
    text = _DATE_PREFIX.sub("", text.strip())
    return text.strip(" :|·•-–—,")


def _read_pingback(item: etree._Element, label: str) -> CommentDraft:
    links = [a for a in item.iter("a") if element_text(a)]
    title = element_text(links[0]) if links else None
    if not title:
        text = element_text(item)
        title = re.sub(r"^(?:pingback|trackback)\s*:?\s*", "", text, flags=re.I) or None
    paras = [f"{label}: {title}"] if title else []
    return CommentDraft(
        id="", parent=None, author=title, published=None, paragraphs=paras, pingback=True
    )


def _parent_of(
    el: etree._Element, n: int, items: list[etree._Element], item_index: dict
) -> int | None:
    """Reply-to from the page's threading: enclosing item, a reply box after its parent, depth."""
    node = el.getparent()
    while node is not None:
        if node in item_index:
            return item_index[node]
        if _REPLY_BOX.search(node.get("class") or ""):
            before = _item_before(node, item_index)
            if before is not None:
                return before
        node = node.getparent()
    depth = _depth(el)
    if depth and depth > 1:
        for m in range(n - 1, -1, -1):
            d = _depth(items[m])
            if d == depth - 1:
                return m
            if d is not None and d < depth - 1:
                break
    return None


def _item_before(box: etree._Element, item_index: dict) -> int | None:
    """The comment just before a reply box among its siblings (Drupal's div.indented, or a
    ``ul.children`` pushed out of its ``li`` by a stray ``</li>``)."""
    sib = box.getprevious()
    hops = 0
    while sib is not None and hops < 4:
        if sib in item_index:
            return item_index[sib]
        if isinstance(sib.tag, str) and sib.tag != "a":
            if any(x in item_index for x in sib.iter()):
                return None
            hops += 1
        sib = sib.getprevious()
    return None


def _depth(el: etree._Element) -> int | None:
    m = _DEPTH.search(el.get("class") or "")
    return int(m.group(1)) if m else None


def _earlier(a: str, b: str) -> bool:
    return int(a[1:]) < int(b[1:])


def _link_by_reference(items: list, drafts: list[CommentDraft], *props: str) -> None:
    """Microdata ``parentItem`` / ``replyToUrl``: point at an earlier comment's itemid/id/url."""
    ref_to_id: dict[str, str] = {}
    for el, draft in zip(items, drafts, strict=True):
        for ref in (el.get("itemid"), el.get("id") and f"#{el.get('id')}"):
            if ref:
                ref_to_id.setdefault(ref, draft.id)
        for url in el.xpath("./*[@itemprop='url']/@href | ./*[@itemprop='url']/@content"):
            ref_to_id.setdefault(url, draft.id)
    for el, draft in zip(items, drafts, strict=True):
        if draft.parent is not None:
            continue
        for prop in props:
            for ref_el in el.xpath(f".//*[@itemprop='{prop}']"):
                ref = ref_el.get("href") or ref_el.get("content") or ref_el.get("itemid")
                if ref and (pid := ref_to_id.get(ref)) and _earlier(pid, draft.id):
                    draft.parent = pid
                    break


def _link_by_microformat(items: list, drafts: list[CommentDraft]) -> None:
    """``u-in-reply-to`` pointing at another comment's ``u-url``."""
    by_url: dict[str, str] = {}
    for el, draft in zip(items, drafts, strict=True):
        for href in el.xpath(".//*[contains(@class, 'u-url')]/@href"):
            by_url.setdefault(href, draft.id)
    for el, draft in zip(items, drafts, strict=True):
        if draft.parent is None:
            for href in el.xpath(".//*[contains(@class, 'u-in-reply-to')]/@href"):
                if (pid := by_url.get(href)) and _earlier(pid, draft.id):
                    draft.parent = pid
                    break


def _has_post_text(el: etree._Element) -> bool:
    return bool(
        el.xpath(".//*[@itemprop='articleBody' or @itemprop='text' or contains(@class, 'post')]")
    )


def _is_opening_post(el: etree._Element) -> bool:
    if el.get("id") in ("post_1", "post-1"):
        return True
    pos = el.xpath(".//*[@itemprop='position']")
    return bool(pos) and element_text(pos[0]).lstrip("#") == "1"


def _common_ancestor(items: list[etree._Element]) -> etree._Element:
    """Lowest element holding every item (the list the thread is written in)."""
    if len(items) == 1:
        parent = items[0].getparent()
        return parent if parent is not None else items[0]
    chain = []
    node = items[0]
    while node is not None:
        chain.append(node)
        node = node.getparent()
    position = {el: i for i, el in enumerate(chain)}
    lowest = 0
    for el in items[1:]:
        node = el
        while node is not None and node not in position:
            node = node.getparent()
        if node is not None:
            lowest = max(lowest, position[node])
    return chain[lowest]


# --- header, declared count, nodes to exclude --------------------------------------------


def _thread_container(list_el: etree._Element) -> etree._Element:
    """Climb from the list to the widest ancestor still named for comments and not much larger
    (a theme's div#comments holds heading, list and form; the article is never inside)."""
    base = _PARAGRAPH_COUNT(list_el)
    best = list_el
    node = list_el.getparent()
    while node is not None and node.tag not in ("body", "html"):
        ident = f"{node.get('id') or ''} {node.get('class') or ''}"
        if not _THREADISH.search(ident) or _NOT_THREAD.search(ident):
            break
        if _PARAGRAPH_COUNT(node) > base + 8:
            break
        best = node
        node = node.getparent()
    return best


def _thread_header(container_nodes: list) -> etree._Element | None:
    """The thread's heading: inside its container before the list, or just before it."""
    list_el = container_nodes[0]
    container = _thread_container(list_el)
    container_nodes[0] = container
    before_list = []
    for el in container.iter():
        if el is container:
            continue
        if el is list_el or el.get("itemscope") is not None:
            break
        if set((el.get("class") or "").split()) & _ITEM_TOKENS:
            break
        if isinstance(el.tag, str):
            before_list.append(el)
    for wanted in (_HEADING_TAGS, None):
        for el in before_list:
            if wanted is not None and el.tag not in wanted:
                continue
            if wanted is None and not _HEADER_CLASS.search(el.get("class") or ""):
                continue
            text = element_text(el)
            if text and len(text) <= 200:
                return el
    sib = container.getprevious()
    hops = 0
    while sib is not None and hops < 3:
        if isinstance(sib.tag, str):
            # the heading itself, or a small title box holding it ("div.post-title-box > h4")
            heading = sib if sib.tag in _HEADING_TAGS else _boxed_heading(sib)
            if heading is not None:
                text = element_text(heading)
                return heading if text and len(text) <= 200 else None
            hops += 1
        sib = sib.getprevious()
    return None


def _boxed_heading(box: etree._Element) -> etree._Element | None:
    """The one heading of a small box of a few elements, if that is all the box holds."""
    elements = [el for el in box.iter() if isinstance(el.tag, str) and el is not box]
    if not elements or len(elements) > 4:
        return None
    headings = [el for el in elements if el.tag in _HEADING_TAGS]
    return headings[0] if len(headings) == 1 else None


def _declared_count(page: _Page, header: etree._Element | None) -> int | None:
    """The count the page states: thread heading, comment headers, commentCount, own link."""
    if header is not None and (n := parse_count(element_text(header))) is not None:
        return n
    for el in page.headers:
        if _in_thread(el) and (n := parse_count(element_text(el))) is not None:
            return n
    for el in page.count_meta:
        value = (el.get("content") or element_text(el)).strip()
        if value.isdigit():
            return int(value)
    for script in page.jsonld_scripts:
        if m := re.search(r'"commentCount"\s*:\s*"?(\d+)', script.text or ""):
            return int(m.group(1))
    canonical = {_norm_url(u) for u in _CANONICAL(page.root)}
    for link in _COUNT_LINKS(page.root):
        base = (link.get("href") or "").split("#", 1)[0]
        if base and _norm_url(base) not in canonical:
            continue  # a count for another page (front pages, sidebars)
        if _in_thread(link) and (n := parse_count(element_text(link))) is not None:
            return n
    return None


def _norm_url(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?", "", url.strip()).rstrip("/")


def _thread_nodes(page: _Page, container_nodes: list, header: etree._Element | None) -> list:
    """The thread's elements (container, heading, reply form, widget placeholders), outermost
    only, each once: the article extractor leaves them out."""
    nodes: list = list(container_nodes)
    if header is not None:
        nodes.append(header)
    nodes.extend(el for el in page.forms if _in_thread(el))
    nodes.extend(page.widgets)
    chosen = set(nodes)
    out = []
    for el in nodes:
        if _ancestor_in(el, chosen) is None and el not in out:
            out.append(el)
    return out
