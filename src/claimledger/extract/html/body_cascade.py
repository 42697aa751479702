"""trafilatura's extraction cascade, run from its own pieces so no work is done twice.

``bare_extraction`` is trafilatura's entry point; we call it twice on some pages (fast mode,
then the full cascade when the fast body is not plainly a whole article). Run from its
pieces, the two passes share their first steps (the copy of the page, the forum check and
the raw-tree pruning, a third of the work), and the escalation gate's measure of the page's
text (``html2txt``, whose cleaning runs an EXSLT regular expression over every element in a
Python callback) is computed once, by an equivalent walk in plain Python.

The steps and their order are those of ``trafilatura.core.trafilatura_sequence`` for our
settings (comments off, tables on, balanced focus, no metadata, text output). Only the
trafilatura version this was checked against takes this path (``AVAILABLE``); any other falls
back to ``bare_extraction``, so an upgrade can cost speed but never change a body silently.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import copy

from lxml import etree
from lxml import html as lxml_html

# the trafilatura release whose trafilatura_sequence, bare_extraction and BASIC_CLEAN_XPATH
# this module mirrors, and the jusText release whose paragraph internals _Paragraph mirrors
_CHECKED_VERSION = "2.3.1"
_CHECKED_JUSTEXT = "3.0.2"

try:
    import trafilatura
    from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
    from justext.paragraph import Paragraph
    from justext.utils import get_stoplist, normalize_whitespace
    from trafilatura import external, main_extractor
    from trafilatura.baseline import _BLOCK_ELEMS, _spaced_text, baseline
    from trafilatura.core import (
        ESCALATION_ACCEPT_RATIO,
        ESCALATION_JUSTEXT_RATIO,
        ESCALATION_MAX_LENGTH,
        ESCALATION_PAGE_SHARE,
        _forum_thread_page,
    )
    from trafilatura.external import compare_extraction, justext_rescue
    from trafilatura.htmlprocessing import (
        convert_tags,
        is_paragraph_listing,
        link_density_test_tables,
        prune_unwanted_nodes,
        tree_cleaning,
    )
    from trafilatura.main_extractor import _elem_text, _extract, extract_content
    from trafilatura.settings import (
        _COOKIE_CONSENT_RE,
        BASIC_CLEAN_XPATH,
        JUSTEXT_LANGUAGES,
        MIN_DUPLICATE_LENGTH,
        Extractor,
    )
    from trafilatura.utils import LINK_FARM_RATIO, SPACING_PROTECTED, text_chars_test
    from trafilatura.xml import delete_element
    from trafilatura.xpaths import (
        BODY_XPATH,
        DISCARD_IMAGE_ELEMENTS,
        OVERALL_DISCARD_XPATH,
        PRECISION_DISCARD_XPATH,
        RAW_TREE_PRUNE_XPATH,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        TEASER_DISCARD_XPATH,
    )

    # the module (the package's own `baseline` name is the function)
    trafilatura_baseline = importlib.import_module("trafilatura.baseline")
    AVAILABLE = getattr(trafilatura, "__version__", None) == _CHECKED_VERSION
    # jusText's own run is kept for any other jusText: a paragraph missing a field the new
    # release reads would fail inside trafilatura's catch-all and silently give no body
    _MIRRORS_JUSTEXT = AVAILABLE and importlib.metadata.version("jusText") == _CHECKED_JUSTEXT
except ImportError:  # pragma: no cover - another trafilatura layout
    AVAILABLE = _MIRRORS_JUSTEXT = False

# set at the end once the installed expressions are checked against those mirrored here
_MIRRORS_BASIC_CLEAN = False
_MIRRORS_RAW_PRUNE = False
_MIRRORS_DISCARD = False
_MIRRORS_CONTAINERS = False
_MIRRORS_BLOCK_PRUNES = False


class _Matches(dict[str, bool]):
    """Whether a pattern matches anywhere in a value, remembered by value.

    Pages repeat their class and id values (menu items, cards, grid cells), and the walks
    below test the same page several times (fast and full passes, the recall retry): each
    distinct value is searched once, a repeat is one dict look-up. Bounded: cleared when full.
    """

    def __init__(self, pattern: re.Pattern[str], limit: int = 20_000) -> None:
        super().__init__()
        self.pattern = pattern
        self.limit = limit

    def __missing__(self, value: str) -> bool:
        if len(self) >= self.limit:
            self.clear()
        hit = self[value] = self.pattern.search(value) is not None
        return hit


class BodyCascade:
    """One page's trafilatura extraction, fast and full, sharing their common first steps.

    ``tree`` is left untouched (trafilatura works on a copy, as ``bare_extraction`` does).
    """

    def __init__(self, tree: lxml_html.HtmlElement, url: str | None) -> None:
        self.url = url
        self._tree = tree
        # the page copied and pruned, shared by both passes; None once the main extractor
        # consumed it (most pages never need it again: it is made again when one does)
        self._work: lxml_html.HtmlElement | None = None
        self._is_forum: bool | None = None
        self._page_length: int | None = None
        # stage 1 (the main extractor) by focus, kept when it is the same in both modes
        self._main: dict[str, tuple[etree._Element, str]] = {}

    def body(self, fast: bool) -> etree._Element | None:
        """trafilatura's body element (its XML vocabulary), or None as bare_extraction gives."""
        options = _options(fast, self.url)
        try:
            with _python_discard_tests():
                body, text = self._cascade(options)
        except (ValueError, TypeError, RecursionError):  # bare_extraction's "discarding data"
            return None
        if options.max_tree_size and len(body) > options.max_tree_size:
            etree.strip_tags(body, "hi")
            self._main.clear()  # the body may be a kept stage-1 result: keep it no more
            if len(body) > options.max_tree_size:
                return None
        if len(text) < options.min_output_size and options.min_output_comm_size > 0:  # no comments
            return None
        return body

    def _pruned(self) -> lxml_html.HtmlElement:
        """The page copied, its infinite-scroll and comment sections pruned (both passes);
        callers only read it."""
        if self._work is None:
            self._work = self._prune(copy(self._tree))
        return self._work

    def _take_pruned(self) -> lxml_html.HtmlElement:
        """The pruned page for a caller that changes it: the shared one, forgotten."""
        work = self._pruned()
        self._work = None
        return work

    def _prune(self, work: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
        if self._is_forum is None:
            self._is_forum = _forum_thread_page(work)
        if _MIRRORS_RAW_PRUNE:
            scroll, share, comments = _raw_prune_sections(work)
            _delete_all(scroll)
            _delete_all(share)
            # comments off: the comment sections go from the raw tree (not on forum threads)
            if not self._is_forum:
                _delete_all(comments)
        else:
            work = prune_unwanted_nodes(work, RAW_TREE_PRUNE_XPATH)
            if not self._is_forum:
                work = prune_unwanted_nodes(work, REMOVE_COMMENTS_AND_LISTS_XPATH)
        return work

    def _cascade(self, options: Extractor) -> tuple[etree._Element, str]:
        """Stages 1-4 of trafilatura_sequence on the pruned page."""
        postbody, temp_text = self._stages_1_2(options)
        # 3. rescue: baseline on the pruned raw tree, accepted only if it adds text
        if len(temp_text) < options.min_extracted_size:
            b_body, b_text, b_len = baseline(self._pruned())
            if b_len > len(temp_text):
                postbody, temp_text = b_body, b_text
        # 4. recall escalation: a short extraction covering little of the page
        if (
            0 < len(temp_text) < ESCALATION_MAX_LENGTH
            # the cheap upper bound settles most pages; the exact length only when it cannot
            # (read on the page itself, no pruned copy needed: pruning only removes text)
            and len(temp_text) < ESCALATION_PAGE_SHARE * _page_text_bound(self._tree)
            and len(temp_text) < ESCALATION_PAGE_SHARE * self._page_text_length()
        ):
            r_options = copy(options)
            r_options.focus = "recall"
            r_text = ""
            try:
                r_body, r_text = self._stages_1_2(r_options)
            except Exception:  # pragma: no cover - as trafilatura: a failed retry is no result
                r_text = ""
            j_text = ""
            if not options.fast:
                try:
                    j_body, j_text = justext_rescue(copy(self._pruned()), options)
                except Exception:  # pragma: no cover
                    j_text = ""
            len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
            if j_len > r_len and j_len > ESCALATION_JUSTEXT_RATIO * len_text:
                postbody, temp_text = j_body, j_text
            elif r_len >= options.min_extracted_size and r_len > ESCALATION_ACCEPT_RATIO * len_text:
                postbody, temp_text = r_body, r_text
        return postbody, temp_text

    def _stages_1_2(self, options: Extractor) -> tuple[etree._Element, str]:
        """The main extractor, then (full mode) the comparison with readability and jusText:
        trafilatura's ``_extract_and_compare`` on the cleaned and converted tree.

        The main extractor reads ``options.fast`` only in its wild-text recovery, and then
        only in balanced focus; otherwise the fast pass's result is the full pass's too, and
        the full pass only adds the comparison (nothing mutates a stage-1 body: the
        comparison, the rescues and our readers only read it).
        """
        main = self._main.get(options.focus)
        if main is None:
            main, recovered = _main_extraction(self._take_pruned, options, self.url)
            if options.focus == "recall" or not recovered:
                self._main[options.focus] = main
        postbody, temp_text = main
        # compare_extraction's own first test, so a recall retry that passes it cleans no
        # backup tree for nothing
        if options.fast or (
            options.focus == "recall" and len(temp_text) > options.min_extracted_size * 10
        ):
            return postbody, temp_text
        # the cleaned tree before tag conversion (justext's input), the raw one (readability's)
        backup = tree_cleaning(copy(self._pruned()), options)
        return compare_extraction(backup, copy(self._pruned()), postbody, temp_text, options)

    def _page_text_length(self) -> int:
        """``len(html2txt(tree))`` of the pruned page, computed once per page."""
        if self._page_length is None:
            self._page_length = len(page_text(self._pruned()))
        return self._page_length


def _page_text_bound(tree: lxml_html.HtmlElement) -> int:
    """An upper bound of ``len(page_text(tree))`` without copying the page: the body's words
    joined by single spaces, plus two for each block element (``_spaced_text`` puts a space
    before its text and its tail, each splitting at most one word in two); the boilerplate
    that ``page_text`` deletes and the control characters it drops only shorten the text.
    Deleting elements (their tails kept) never lengthens the words joined by single spaces,
    so the bound of a page holds for the page pruned too."""
    body = tree.find(".//body")
    body = tree if body is None else body
    blocks = sum(1 for _ in body.iter(*_BLOCK_ELEMS))  # a walk in C; an XPath count is slower
    return len(" ".join(body.text_content().split())) + 2 * blocks


def _main_extraction(
    take_tree: Callable[[], lxml_html.HtmlElement], options: Extractor, url: str | None
) -> tuple[tuple[etree._Element, str], bool]:
    """trafilatura's ``extract_content`` on the pruned page (from ``take_tree``, which hands
    over a tree the caller may change) cleaned and converted, and whether its wild-text
    recovery ran.

    ``extract_content`` deep-copies the converted tree and lists its elements before the main
    pass, for a recovery that runs on a few pages in a hundred; here the main pass runs first
    and, when the recovery is due, ``extract_content`` itself runs on the tree cleaned and
    converted again (both steps are deterministic: the same tree as the one the main pass
    consumed).
    """

    def converted() -> lxml_html.HtmlElement:
        return convert_tags(tree_cleaning(take_tree(), options), options, url)

    result_body, temp_text, _ = _extract(converted(), options)
    if len(result_body) == 0 or len(temp_text) < options.min_extracted_size:
        return extract_content(converted(), options), True
    # the rest of extract_content, for a body the recovery did not touch
    previous = None
    for element in list(result_body):
        current = _elem_text(element)
        if current and current == previous and len(current) > MIN_DUPLICATE_LENGTH:
            delete_element(element, keep_tail=False)
        else:
            previous = current
    etree.strip_elements(result_body, "done")
    etree.strip_tags(result_body, "div")
    for linebreak in result_body.iter("lb"):
        if (
            linebreak.tail
            and not text_chars_test(linebreak.tail)
            and not any(a.tag in SPACING_PROTECTED for a in linebreak.iterancestors())
        ):
            linebreak.tail = None
    return (result_body, temp_text), False


_TEMPLATES: dict[bool, Extractor] = {}


def _options(fast: bool, url: str | None) -> Extractor:
    """bare_extraction's options for our call (built once per mode, the url set per page)."""
    template = _TEMPLATES.get(fast)
    if template is None:
        template = _TEMPLATES[fast] = Extractor(
            output_format="txt", fast=fast, comments=False, tables=True
        )
    options = copy(template)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


# -- html2txt without the EXSLT callback ----------------------------------------------------

# trafilatura's BASIC_CLEAN_XPATH, which ``_basic_clean_targets`` mirrors
_BASIC_CLEAN_PATH = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
    "|.//style|.//svg|.//template"
    "|.//*[re:test(@class, '{re}', 'i') or re:test(@id, '{re}', 'i')]"
)
_BASIC_CLEAN_TAGS = frozenset(
    ["aside", "fencedframe", "footer", "script", "style", "svg", "template"]
)


def page_text(tree: lxml_html.HtmlElement) -> str:
    """``trafilatura.html2txt(tree)``: the page body's text, boilerplate sections left out."""
    if not _MIRRORS_BASIC_CLEAN:
        from trafilatura.baseline import html2txt

        return html2txt(tree)
    body = tree.find(".//body")
    body = copy(tree if body is None else body)
    for node in _basic_clean_targets(body):
        delete_element(node)
    return _spaced_text(body)


def _basic_cleaning(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """trafilatura's ``basic_cleaning`` (BASIC_CLEAN_XPATH's elements deleted), by the walk
    below."""
    for node in _basic_clean_targets(tree):
        delete_element(node)
    return tree


# the elements a walk below can select at all, picked in C (document order) so the Python loop
# sees only those
_CLEANABLE = etree.XPath(
    "descendant::*[self::aside or self::fencedframe or self::footer or self::script"
    " or self::style or self::svg or self::template or @class or @id]"
)
_DISCARDABLE = etree.XPath(
    "descendant::*[self::div or self::item or self::list or self::p or self::section"
    " or self::span][@*]"
)
_HIDEABLE = etree.XPath("descendant::*[@class or @id or @style or @aria-hidden]")


def _basic_clean_targets(body: etree._Element) -> list[etree._Element]:
    """The elements BASIC_CLEAN_XPATH selects under ``body`` (or the page's root), in
    document order."""
    consent = _CONSENT_HIT
    out = []
    for node in _CLEANABLE(body):
        tag = node.tag
        if tag in _BASIC_CLEAN_TAGS:
            out.append(node)
            continue
        css, ident = node.get("class"), node.get("id")
        # XPath reads `@class|@id` as the first of the two in attribute order (asked only
        # when either names a footer)
        if (
            tag == "div"
            and ("footer" in (css or "") or "footer" in (ident or ""))
            and "footer" in _first_of(node, _ID_CLASS)
        ):
            out.append(node)
            continue
        if (css and consent[css]) or (ident and consent[ident]):
            out.append(node)
    return out


# -- the raw-tree prunes without the EXSLT callback ------------------------------------------
#
# trafilatura's RAW_TREE_PRUNE_XPATH and REMOVE_COMMENTS_AND_LISTS_XPATH test class and id
# with EXSLT regular expressions, each test a Python callback: four times slower than the same
# tests in a walk over the few tags they select. Each function returns what its expression
# selects, in document order (``re:test`` is ``re.search``; a missing attribute reads as "").

_RAW_PRUNE_PATHS = (
    ".//*[self::div or self::section or self::aside][ re:test(@id, 'mvp-post-add-(?:box|wrap)"
    "|infinite-?scroll') or re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ "
    "not(.//h1) or re:test(@id, 'mvp-post-add-(?:box|wrap)') or re:test(@class, "
    "'mvp-post-add-(?:box|wrap)')]",
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]",
)
_COMMENT_PRUNE_PATH = (
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ "
    "re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or self::ul) or re:test(@id, "
    "'^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-"
    "comments')]"
)
_SECTION_TAGS = frozenset(["div", "section", "aside"])
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED_POST = re.compile(r"mvp-post-add-(?:box|wrap)")
_COMMENT_TAGS = frozenset(["div", "list", "section", "details", "ol", "ul"])
_COMMENT_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENT_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
_PRUNABLE_TAGS = tuple(sorted(_SECTION_TAGS | _COMMENT_TAGS))
# plain-substring pre-tests: a value failing one can match no pattern it guards
# (the id pattern's alternatives all open with one of these letters; each class alternative
# holds "omment")
_COMMENT_ID_FIRST = frozenset("Ccd")


def _raw_prune_sections(
    tree: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element], list[etree._Element]]:
    """The raw-tree prunes' selections from one walk over the page's sections: [0] and [1]
    are RAW_TREE_PRUNE_XPATH's (infinite-scroll containers unless holding the h1,
    Elementor share-button blocks), [2] REMOVE_COMMENTS_AND_LISTS_XPATH's (comment sections
    and comment lists).

    Each test reads only the element's own tag and attributes (and, for a scroll container,
    its descendants' tags), so selecting all three before deleting any gives what each
    expression selects after the deletions before it: an element inside a removed section
    is deleted from the removed part only, the page is unchanged.
    """
    scroll, share, comments = [], [], []
    for node in tree.iterdescendants(*_PRUNABLE_TAGS):
        get = node.get
        ident, css = get("id", ""), get("class", "")
        if not (ident or css):
            continue
        tag = node.tag
        if tag in _SECTION_TAGS:
            if "elementor-share-buttons" in css:
                share.append(node)
            scrolls = (
                "mvp-post-add-" in ident
                or "infinite" in ident
                or "mvp-post-add-" in css
                or "infinite" in css
            ) and (_SCROLL.search(ident) or _SCROLL.search(css))
            if scrolls and (
                next(node.iterdescendants("h1"), None) is None
                or _APPENDED_POST.search(ident)
                or _APPENDED_POST.search(css)
            ):
                scroll.append(node)
        if tag not in _COMMENT_TAGS:
            continue
        id_hit = ident and ident[0] in _COMMENT_ID_FIRST and _COMMENT_ID.search(ident)
        class_hit = "omment" in css and _COMMENT_CLASS.search(css)
        if (id_hit or class_hit) and (
            tag not in ("ol", "ul") or class_hit or _COMMENT_LIST_ID.search(ident)
        ):
            comments.append(node)
    return scroll, share, comments


def _delete_all(nodes: list[etree._Element]) -> None:
    """prune_unwanted_nodes for one expression's selection: each removed, its tail kept."""
    for node in nodes:
        delete_element(node)


# -- the boilerplate discard without the EXSLT callback ---------------------------------------
#
# OVERALL_DISCARD_XPATH runs inside trafilatura's main extractor, on every candidate body:
# the most expensive of its expressions. While our cascade runs, its two expressions are
# stood in for by walks selecting the same elements (restored after; tested on every dev
# page). ``@id|@class`` in XPath reads the first of the two in attribute order.

_DISCARD_ID_RE = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
    "|^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related"
    "|message-container|premium|^ad-"
)
_DISCARD_CLASS_RE = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
    "|^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-"
    "|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-"
    "|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated|next-|-stories"
    "|most-popular|more-on|meta|rating|attachment|timestamp|user-info|user-profile|-icon"
    "|article-infos|message-container|slide|viewport|overlay|options|expand|obfuscated|blurred"
    "|mol-factbox|yin|zlylin|nfoline"
)
_HIDDEN_ID_RE = "reader-comments|akismet"
_HIDDEN_CLASS_RE = (
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
    "| hidden| hide|noprint|notloaded"
)
_DISCARD_PATHS = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
    "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, 'cookie') or "
    f"re:test(@id, '{_DISCARD_ID_RE}') or re:test(@class, '{_DISCARD_CLASS_RE}')]",
    ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
    "re:test(@id|@style, 'hidden') or contains(@style, 'display:none') or "
    "contains(@style, 'display: none') or "
    f"re:test(@id, '{_HIDDEN_ID_RE}') or re:test(@class, '{_HIDDEN_CLASS_RE}') or "
    "@aria-hidden='true']",
)
_DISCARD_ID_HIT = _Matches(re.compile(_DISCARD_ID_RE))
_DISCARD_CLASS_HIT = _Matches(re.compile(_DISCARD_CLASS_RE))
_HIDDEN_ID_HIT = _Matches(re.compile(_HIDDEN_ID_RE))
_HIDDEN_CLASS_HIT = _Matches(re.compile(_HIDDEN_CLASS_RE))


_ID_CLASS = ("id", "class")
_ID_STYLE = ("id", "style")


def _first_of(node: etree._Element, names: tuple[str, str]) -> str:
    """XPath's string value of ``@a|@b``: the first of the two in attribute order, or ""."""
    for key, value in node.items():
        if key in names:
            return value
    return ""


def _boilerplate_sections(tree: etree._Element) -> list[etree._Element]:
    """OVERALL_DISCARD_XPATH[0]: navigation, sharing, ads, related stories and the like."""
    out = []
    for node in _DISCARDABLE(tree):
        get = node.get
        ident, css = get("id", ""), get("class", "")
        if (
            get("data-lp-replacement-content") is not None
            or "nav" in get("role", "").replace("N", "n")
            or "MostPopularStories" in get("data-component", "")
            # `@id|@class` is one of the two: only a page naming a cookie needs to know which
            or (("cookie" in ident or "cookie" in css) and "cookie" in _first_of(node, _ID_CLASS))
            or _DISCARD_ID_HIT[ident]
            or _DISCARD_CLASS_HIT[css]
        ):
            out.append(node)
    return out


def _hidden_parts(tree: etree._Element) -> list[etree._Element]:
    """OVERALL_DISCARD_XPATH[1]: hidden elements, reply links, comment titles."""
    out = []
    for node in _HIDEABLE(tree):
        get = node.get
        css, ident, style = get("class"), get("id", ""), get("style", "")
        # `@id|@class` and `@id|@style` are one of their two: which one is asked only when
        # either could pass
        if (
            css == "comments-title"
            or (
                (ident.startswith("reply-") or (css or "").startswith("reply-"))
                and _first_of(node, _ID_CLASS).startswith("reply-")
            )
            or (("hidden" in ident or "hidden" in style) and "hidden" in _first_of(node, _ID_STYLE))
            or "display:none" in style
            or "display: none" in style
            or _HIDDEN_ID_HIT[ident]
            or _HIDDEN_CLASS_HIT[css or ""]
            or get("aria-hidden") == "true"
        ):
            out.append(node)
    return out


_DISCARD_WALKS = [_boilerplate_sections, _hidden_parts]

# BODY_XPATH[0], the first place trafilatura looks for the article: of what it selects, the
# extractor only ever takes the first element in document order, which is the first element
# matching its test (the `[1]` keeps the first match under each parent)
_ARTICLE_ID_RE = (
    "(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
)
_ARTICLE_CLASS_RE = (
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper"
    "|article-?text|articleText|(?:entry|page|text|article|art)-content|article__content"
    "|article(?:-|__)?body|articleBody|ArticleContent|body-text|article__container"
)
_ARTICLE_PATH = (
    ".//*[self::article or self::div or self::main or self::section][ @class='post' or "
    "@class='entry' or @itemprop='articleBody' or @id='articleContent' or "
    f"re:test(@id, '{_ARTICLE_ID_RE}') or re:test(@class, '{_ARTICLE_CLASS_RE}') ][1]"
)
_ARTICLE_ID_HIT = _Matches(re.compile(_ARTICLE_ID_RE))
_ARTICLE_CLASS_HIT = _Matches(re.compile(_ARTICLE_CLASS_RE))
_CONTAINER_TAGS = ("article", "div", "main", "section")


def _first_article_container(tree: etree._Element) -> list[etree._Element]:
    """BODY_XPATH[0]'s first element: a container named as the article's content.

    A lazy walk over the four tags (picked in C): it stops at the first hit instead of
    listing every candidate first."""
    for node in tree.iterdescendants(*_CONTAINER_TAGS):
        css, ident = node.get("class"), node.get("id")
        if (
            css in ("post", "entry")
            or (ident is not None and (ident == "articleContent" or _ARTICLE_ID_HIT[ident]))
            or (css is not None and _ARTICLE_CLASS_HIT[css])
            or node.get("itemprop") == "articleBody"
        ):
            return [node]
    return []


# BODY_XPATH[2] and [3], the story and main-content containers trafilatura falls back to when
# the first two find nothing usable (their EXSLT tests call back into Python for every
# container on the page); each selects the first match in document order
_STORY_ID_RE = "^primary|story-body"
_STORY_CLASS_RE = (
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post"
    "|main-column|wpb_text_column|story-body|field-body"
)
_STORY_PATH = (
    "(.//*[self::article or self::div or self::main or self::section][ @role='article' or "
    "@id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or "
    "@class='text' or @class='cell' or @class='story' or "
    f"re:test(@id, '{_STORY_ID_RE}') or re:test(@class, 'fulltext', 'i') or "
    f"re:test(@class, '{_STORY_CLASS_RE}') ])[1]"
)
_MAIN_ID_RE = "content-main|content-body|contentBody"
_MAIN_CLASS_RE = "content[-_]main|content(?:-|__)body"
_MAIN_PATH = (
    "(.//*[self::article or self::div or self::main or self::section][ @id='content' or "
    f"@class='content' or re:test(@id, '{_MAIN_ID_RE}') or re:test(@class, '{_MAIN_CLASS_RE}') "
    "or contains(translate(@id, 'CM','cm'), 'main-content') or contains(translate(@class, "
    "'CM','cm'), 'main-content') or contains(translate(@class, 'CP','cp'), 'page-content') ])[1]"
)
_STORY_ID = re.compile(_STORY_ID_RE)
_STORY_CLASS_HIT = _Matches(re.compile(_STORY_CLASS_RE))
_FULLTEXT = re.compile("fulltext", re.IGNORECASE)
_MAIN_ID = re.compile(_MAIN_ID_RE)
_MAIN_CLASS = re.compile(_MAIN_CLASS_RE)


def _first_story_container(tree: etree._Element) -> list[etree._Element]:
    """BODY_XPATH[2]: the first container named as a story (role, id or class)."""
    for node in tree.iterdescendants(*_CONTAINER_TAGS):
        get = node.get
        ident, css = get("id"), get("class")
        if (
            (ident is not None and (ident in ("article", "story") or _STORY_ID.search(ident)))
            or (
                css is not None
                and (
                    css in ("postarea", "art-postcontent", "text", "cell", "story")
                    or _FULLTEXT.search(css)
                    or _STORY_CLASS_HIT[css]
                )
            )
            or get("role") == "article"
        ):
            return [node]
    return []


def _first_main_container(tree: etree._Element) -> list[etree._Element]:
    """BODY_XPATH[3]: the first container named as the page's main content."""
    for node in tree.iterdescendants(*_CONTAINER_TAGS):
        ident, css = node.get("id"), node.get("class")
        if (
            ident is not None
            and (
                ident == "content"
                or _MAIN_ID.search(ident)
                or "main-content" in ident.replace("C", "c").replace("M", "m")
            )
        ) or (
            css is not None
            and (
                css == "content"
                or _MAIN_CLASS.search(css)
                or "main-content" in css.replace("C", "c").replace("M", "m")
                or "page-content" in css.replace("C", "c").replace("P", "p")
            )
        ):
            return [node]
    return []


# -- the section prune with one link-density round less when it can change nothing ------------

_COUNT_ELEMENTS = etree.XPath("count(descendant-or-self::*)")


def _prune_unwanted_sections(
    tree: lxml_html.HtmlElement,
    potential_tags: set[str],
    options: Extractor,
    keep_teasers: bool = False,
) -> lxml_html.HtmlElement:
    """trafilatura's ``prune_unwanted_sections`` (the main extractor's pruning of each
    candidate body), step for step, but for one thing: its two rounds of link-density
    deletions run the second only when the first deleted something. The tests read the tree
    and only the tree, and a round deletes what they pick once all are read, so a round that
    deleted nothing leaves the second the very tree the first saw: it would delete nothing
    either (the element count, read in C, tells whether anything went)."""
    favor_precision = options.focus == "precision"
    tree = prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH, with_backup=True)
    drop_captions = "graphic" not in potential_tags
    drop_teasers = options.focus != "recall" and not keep_teasers
    if _MIRRORS_BLOCK_PRUNES:
        # both selections from one walk before either deletion: each test reads only the
        # element's own tag and attributes, and a teaser inside a removed caption block is
        # deleted from the removed part only
        captions, teasers = _caption_and_teaser_blocks(tree)
        _delete_all(captions if drop_captions else [])
        _delete_all(teasers if drop_teasers else [])
    else:
        if drop_captions:
            tree = prune_unwanted_nodes(tree, DISCARD_IMAGE_ELEMENTS)
        if drop_teasers:
            tree = prune_unwanted_nodes(tree, TEASER_DISCARD_XPATH)
    if options.focus != "recall" and favor_precision:
        tree = prune_unwanted_nodes(tree, PRECISION_DISCARD_XPATH)
    for _ in range(2):
        before = _COUNT_ELEMENTS(tree)
        _delete_by_link_density(tree, "div", backtracking=True, favor_precision=favor_precision)
        _delete_by_link_density(tree, "list", backtracking=False, favor_precision=favor_precision)
        _delete_by_link_density(tree, "p", backtracking=False, favor_precision=favor_precision)
        if _COUNT_ELEMENTS(tree) == before:
            break
    if "table" in potential_tags or favor_precision:
        boilerplate_tables = [
            elem for elem in tree.iter("table") if link_density_test_tables(elem) is True
        ]
        for elem in boilerplate_tables:
            delete_element(elem, keep_tail=False)
    if favor_precision:
        while len(tree) > 0 and (tree[-1].tag == "head"):
            delete_element(tree[-1], keep_tail=False)
        _delete_by_link_density(tree, "head", backtracking=False, favor_precision=True)
        _delete_by_link_density(tree, "quote", backtracking=False, favor_precision=True)
    etree.strip_tags(tree, "span", *(() if "ref" in potential_tags else ("ref",)))
    return tree


# -- jusText's paragraphs without recomputing their text -----------------------------------
#
# jusText's Paragraph joins and normalises its text anew on every read (a classification
# reads it about ten times) and formats an XPath of its place that trafilatura never reads.
# The paragraph below reads the text once, after the last piece came; the maker and the
# classification are jusText's own.


# (jusText is trafilatura's dependency; the classes exist where trafilatura's layout is ours)
if AVAILABLE:

    class _Paragraph(Paragraph):  # type: ignore[misc]
        """jusText's paragraph, its text joined once (after the last ``append_text``)."""

        def __init__(self, path: object) -> None:
            self.dom_path = path.dom  # type: ignore[attr-defined]
            self.text_nodes: list[str] = []
            self.chars_count_in_links = 0
            self.tags_count = 0
            self.class_type = ""
            self._text: str | None = None

        @property
        def text(self) -> str:
            if self._text is None:
                self._text = normalize_whitespace("".join(self.text_nodes).strip())
            return self._text

        def append_text(self, text: str) -> str:
            self._text = None
            return super().append_text(text)

    class _ParagraphMaker(ParagraphMaker):  # type: ignore[misc]
        def _start_new_pragraph(self) -> None:
            if self.paragraph and self.paragraph.contains_text():
                self.paragraphs.append(self.paragraph)
            self.paragraph = _Paragraph(self.path)


def _try_justext(
    tree: lxml_html.HtmlElement, url: str | None, target_language: str | None
) -> etree._Element:
    """trafilatura's ``try_justext`` with the paragraphs above."""
    result_body = etree.Element("body")
    if target_language in JUSTEXT_LANGUAGES:
        stoplist = get_stoplist(JUSTEXT_LANGUAGES[target_language])
    else:
        stoplist = external.JT_STOPLIST or external.jt_stoplist_init()
    try:
        paragraphs = _ParagraphMaker.make_paragraphs(tree)
        classify_paragraphs(paragraphs, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
        revise_paragraph_classification(paragraphs, 150)
    except Exception:  # pragma: no cover - as trafilatura: jusText failing is no result
        return result_body
    for paragraph in paragraphs:
        if not paragraph.is_boilerplate:
            etree.SubElement(result_body, "p").text = paragraph.text
    return result_body


_BLOCK_TAGS = ("div", "item", "list", "p", "section", "span")
_CAPTION_BLOCK_PATH = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "contains(@id, 'caption') or contains(@class, 'caption')]"
)
_TEASER_BLOCK_PATH = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "contains(translate(@id, 'T', 't'), 'teaser') or contains(translate(@class, 'T', 't'), "
    "'teaser')]"
)


def _caption_and_teaser_blocks(
    tree: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element]]:
    """DISCARD_IMAGE_ELEMENTS's and TEASER_DISCARD_XPATH's selections from one walk (libxml2's
    string tests on every block cost five times the walk)."""
    captions, teasers = [], []
    for node in tree.iterdescendants(*_BLOCK_TAGS):
        get = node.get
        ident, css = get("id"), get("class")
        if ident is None and css is None:
            continue
        ident, css = ident or "", css or ""
        if "caption" in ident or "caption" in css:
            captions.append(node)
        if "teaser" in ident.replace("T", "t") or "teaser" in css.replace("T", "t"):
            teasers.append(node)
    return captions, teasers


# -- trafilatura's link-density deletions, each text length read once ------------------------
#
# ``delete_by_link_density`` reads an element's trimmed text for its test and again for the
# backtracking condition, and the text of every link once per enclosing element tested (a
# page's nested containers read the same links over and over); its tests only ever use the
# lengths. Nothing changes while a call tests (its deletions come after), so each length is
# read once per call.


def _trimmed_length(text: str) -> int:
    """``len(trim(text))``: the words joined by single spaces."""
    words = text.split()
    return sum(map(len, words)) + len(words) - 1 if words else 0


def _delete_by_link_density(
    subtree: etree._Element, tagname: str, backtracking: bool, favor_precision: bool
) -> None:
    """trafilatura's ``delete_by_link_density`` with its ``link_density_test`` and
    ``collect_link_info``, step for step, text lengths remembered for the call."""
    lengths: dict[etree._Element, int] = {}

    def length(element: etree._Element) -> int:
        n = lengths.get(element)
        if n is None:
            n = lengths[element] = _trimmed_length(element.text_content())
        return n

    def link_info(links: list[etree._Element]) -> tuple[int, int, int]:
        found = [n for n in map(length, links) if n]
        return sum(found), len(found), sum(1 for n in found if n < 10)

    def density_test(element: etree._Element) -> tuple[bool, bool]:
        # (findall(".//ref") and find(".//graphic") on elements that are neither: the same
        # descendants, picked in C without an ElementPath)
        links = list(element.iterdescendants("ref"))
        if not links or next(element.iterdescendants("graphic"), None) is not None:
            return False, False
        elemlen = length(element)
        if len(links) == 1:
            link_len = length(links[0])
            if link_len > (10 if favor_precision else 100) and link_len > elemlen * 0.9:
                return True, False
        if element.tag == "p":
            limitlen = 60 if element.getnext() is None else 30
        elif element.getnext() is None:
            limitlen = 300
        else:
            limitlen = 100
        if elemlen < limitlen:
            linklen, elemnum, shortelems = link_info(links)
            if elemnum == 0:
                return True, False
            return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
        if len(links) > 4:
            linklen, elemnum, _ = link_info(links)
            if (
                linklen > elemlen * LINK_FARM_RATIO
                and linklen < 100 * elemnum
                and not is_paragraph_listing(links)
            ):
                return True, False
        return False, False

    deletions = []
    len_threshold = 200 if favor_precision else 100
    depth_threshold = 1 if favor_precision else 3
    for elem in subtree.iter(tagname):
        result, short_with_links = density_test(elem)
        if result or (
            backtracking
            and short_with_links
            and len(elem) >= depth_threshold
            and length(elem) < len_threshold
        ):
            parent = elem.getparent()
            if tagname == "p" and parent is not None and parent.tag in ("item", "td", "th"):
                continue
            deletions.append(elem)
    for elem in dict.fromkeys(deletions):
        delete_element(elem)


_SWAP = threading.RLock()


@contextmanager
def _python_discard_tests() -> Iterator[None]:
    """For the block: OVERALL_DISCARD_XPATH's expressions and BODY_XPATH's first, third and
    fourth replaced by the walks above, the main extractor's section prune, jusText's run and
    trafilatura's basic cleaning by the ones above."""
    with _SWAP:
        saved = (
            OVERALL_DISCARD_XPATH[:],
            BODY_XPATH[:],
            main_extractor.prune_unwanted_sections,
            external.try_justext,
            external.basic_cleaning,
            trafilatura_baseline.basic_cleaning,
        )
        if _MIRRORS_DISCARD:
            OVERALL_DISCARD_XPATH[:] = _DISCARD_WALKS
            BODY_XPATH[0] = _first_article_container
        if _MIRRORS_CONTAINERS:
            BODY_XPATH[2], BODY_XPATH[3] = _first_story_container, _first_main_container
        main_extractor.prune_unwanted_sections = _prune_unwanted_sections
        if _MIRRORS_JUSTEXT:
            external.try_justext = _try_justext
        if _MIRRORS_BASIC_CLEAN:
            external.basic_cleaning = trafilatura_baseline.basic_cleaning = _basic_cleaning
        try:
            yield
        finally:
            (
                OVERALL_DISCARD_XPATH[:],
                BODY_XPATH[:],
                main_extractor.prune_unwanted_sections,
                external.try_justext,
                external.basic_cleaning,
                trafilatura_baseline.basic_cleaning,
            ) = saved


def _normal(path: str) -> str:
    return " ".join(path.split())


if AVAILABLE:
    _CONSENT_HIT = _Matches(re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE))
    _MIRRORS_BASIC_CLEAN = BASIC_CLEAN_XPATH.path == _BASIC_CLEAN_PATH.replace(
        "{re}", _COOKIE_CONSENT_RE
    )
    _MIRRORS_RAW_PRUNE = [_normal(x.path) for x in RAW_TREE_PRUNE_XPATH] == list(
        _RAW_PRUNE_PATHS
    ) and [_normal(x.path) for x in REMOVE_COMMENTS_AND_LISTS_XPATH] == [_COMMENT_PRUNE_PATH]
    _MIRRORS_DISCARD = [_normal(x.path) for x in OVERALL_DISCARD_XPATH] == list(
        _DISCARD_PATHS
    ) and _normal(BODY_XPATH[0].path) == _ARTICLE_PATH
    _MIRRORS_CONTAINERS = [_normal(x.path) for x in BODY_XPATH[2:4]] == [
        _STORY_PATH,
        _MAIN_PATH,
    ]
    _MIRRORS_BLOCK_PRUNES = [
        _normal(x.path) for x in (*DISCARD_IMAGE_ELEMENTS, *TEASER_DISCARD_XPATH)
    ] == [_CAPTION_BLOCK_PATH, _TEASER_BLOCK_PATH]
