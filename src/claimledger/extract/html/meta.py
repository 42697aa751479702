"""Page metadata for the article side: title, byline, publication date and language.

Written for this project rather than taken from ``trafilatura.extract_metadata``: that one
also collects categories, tags, licence and site name we do not use, and its author search
walks the whole tree, which costs about as much as the body extraction itself. Here one pass
over ``<meta>`` tags and JSON-LD gives most fields; a few cheap XPath lookups fill the gaps;
the date comes from htmldate, which knows far more date markup than we would write by hand.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

_WS = re.compile(r"\s+")
# " | Site", " - Site", " — Site", " :: Site", " » Site" (spaces around the mark are required,
# so hyphenated words and times like "9-5" are never split)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»·•/]{1,2}\s+")
_LANG_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|door)\s*:?\s+", re.IGNORECASE)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "socialmediaposting",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "posting",
}
# one walk over the tree for every author-ish element; Python then keeps the name-like ones
# (each test on the attribute axis: libxml2 then reads only the elements that carry the
# attribute, a third faster than testing every element's; the union is in document order)
_AUTHOR_XPATH = etree.XPath(
    "descendant-or-self::*/@itemprop[. = 'author']/.."
    " | descendant-or-self::*/@rel[. = 'author']/.."
    " | descendant-or-self::*/@class[contains(., 'byline') or contains(., 'author')]/.."
)
# Whole-page look-ups compiled once and run on the root element: `descendant-or-self::x`
# selects what `//x` does (the root is the one element at the top) and libxml2 walks it faster.
_H1 = etree.XPath("descendant-or-self::h1")
_TITLE = etree.XPath("descendant-or-self::head/title | descendant-or-self::title")
_JSONLD = etree.XPath("descendant-or-self::script[@type='application/ld+json']")
_ITEM_NAME = etree.XPath("descendant::*[@itemprop='name']")
_AUTHOR_CLASS = re.compile(r"^(?:byline|author|author-name|byline__name|byline-name)$", re.I)


@dataclass
class PageMeta:
    """What the head and the structured data say about the article."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    site_name: str | None = None
    # every headline the page states (JSON-LD, og, <title>, h1), to recognise it in the body
    headlines: tuple[str, ...] = ()


def norm(text: str | None) -> str:
    """Collapse whitespace and trim; '' for None. Entities left escaped twice are decoded."""
    text = text or ""
    if "&" in text and ";" in text:
        text = html.unescape(text)
    return _WS.sub(" ", text).strip()


def read_metadata(tree: lxml_html.HtmlElement, uri: str, thorough: bool = True) -> PageMeta:
    """Title, byline, date and language from meta tags, JSON-LD and a few visible elements.

    ``thorough=False`` skips htmldate's free-text date search (for very large pages).
    """
    root = tree.getroottree().getroot()
    tags = _meta_tags(tree)
    ld = _json_ld_article(root)
    site = norm(tags.get("og:site_name") or tags.get("application-name") or ld.get("publisher"))
    h1s = [t for node in _H1(root)[:5] if (t := norm(node.text_content()))]
    h1 = h1s[0] if h1s else ""
    candidates = (
        norm(ld.get("headline")),
        norm(tags.get("og:title")),
        norm(tags.get("twitter:title")),
        _first_text(_TITLE(root)),
        h1,
    )
    raw_title = next((c for c in candidates if c), "")
    title = clean_title(raw_title, site, h1s) or None
    headlines = tuple(dict.fromkeys(c for c in (title, *candidates, *h1s) if c))
    return PageMeta(
        title=title,
        byline=_byline(root, tags, ld),
        published=_published(tree, tags, uri, thorough),
        language=_language(tree, tags, ld),
        site_name=site or None,
        headlines=headlines,
    )


def clean_title(title: str, site: str, h1s: Iterable[str] = ()) -> str:
    """Drop a " | Site name" part when we can tell it is the site's, not the headline's.

    Safe cases only: an end part is the site name, or one of the page's h1s (not the site
    logo's) equals a part. Otherwise the title is kept whole (a headline may hold " - ").
    """
    title = norm(title)
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    key = _site_key(site) if site else ""
    if key and _site_key(parts[-1]) == key:
        return _strip_last(title)
    if key and _site_key(parts[0]) == key:
        return title[len(parts[0]) :].lstrip(" |-–—:»·•/")
    folded = title.casefold()
    h1s = [h for h in h1s if h and not (key and _site_key(h) == key)]
    # the headline usually leads the title: an h1 matching the first part wins, then a longer
    # prefix (an h1 holding a separator itself), then any other part
    for h1 in h1s:
        if parts[0].casefold() == h1.casefold():
            return h1
    for h1 in h1s:
        if folded.startswith(h1.casefold()) and len(h1) > 15:
            return h1
    for h1 in h1s:
        if any(part.casefold() == h1.casefold() for part in parts[1:]):
            return h1
    return title


def _strip_last(title: str) -> str:
    matches = list(_TITLE_SEPARATOR.finditer(title))
    return title[: matches[-1].start()] if matches else title


def _site_key(text: str) -> str:
    text = text.casefold()
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text)
    text = re.sub(r"\.(?:com|org|net|co\.uk|de|fr|info|io)$", "", text)
    return re.sub(r"[\W_]+", "", text)


def _first_text(nodes: list[etree._Element]) -> str:
    for node in nodes:
        text = norm(node.text_content())
        if text:
            return text
    return ""


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """First value of each <meta name|property|itemprop|http-equiv>, keys lower-cased."""
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (
            node.get("property")
            or node.get("name")
            or node.get("itemprop")
            or node.get("http-equiv")
            or ""
        )
        key = key.strip().lower()
        value = node.get("content")
        if key and value and value.strip() and key not in tags:
            tags[key] = value.strip()
    return tags


def _json_ld_article(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """headline, author names, datePublished, inLanguage and publisher of the article object."""
    found: dict[str, Any] = {}
    for script in _JSONLD(tree):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                continue
            if isinstance(item.get("headline"), str) and "headline" not in found:
                found["headline"] = item["headline"]
            names = _ld_names(item.get("author"))
            if names and "author" not in found:
                found["author"] = names
            if isinstance(item.get("inLanguage"), str) and "language" not in found:
                found["language"] = item["inLanguage"]
            publisher = _ld_names(item.get("publisher"))
            if publisher and "publisher" not in found:
                found["publisher"] = publisher[0]
    return found


def _ld_items(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Objects of a JSON-LD block, through lists and @graph (bounded depth)."""
    if depth > 4:
        return []
    if isinstance(data, list):
        return [i for d in data for i in _ld_items(d, depth + 1)]
    if isinstance(data, dict):
        items = [data]
        if "@graph" in data:
            items += _ld_items(data["@graph"], depth + 1)
        return items
    return []


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [norm(value)] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return [norm(name)] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for v in value[:10] for n in _ld_names(v)]
    return []


def _clean_name(text: str) -> str:
    text = _BY_PREFIX.sub("", norm(text))
    return text.strip(" ,;|-–—")


def _is_author_node(node: etree._Element) -> bool:
    if node.get("itemprop") == "author" or node.get("rel") == "author":
        return True
    return any(_AUTHOR_CLASS.match(token) for token in (node.get("class") or "").split())


def _byline(tree: lxml_html.HtmlElement, tags: dict[str, str], ld: dict[str, Any]) -> str | None:
    """Author names joined by ", "; None when nothing name-like is found."""
    names: list[str] = list(ld.get("author", []))
    if not names:
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"):
            value = tags.get(key, "")
            if value and not value.startswith("http"):
                names = [value]
                break
    if not names:
        for node in _AUTHOR_XPATH(tree):
            if not _is_author_node(node):
                continue
            named = _ITEM_NAME(node)
            text = _clean_name((named[0] if named else node).text_content())
            if 2 < len(text) <= 60:
                names = [text]
                break
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        name = _clean_name(name)
        if name and len(name) <= 100 and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return ", ".join(kept) or None


def _published(
    tree: lxml_html.HtmlElement, tags: dict[str, str], uri: str, thorough: bool = True
) -> str | None:
    """Original publication date (YYYY-MM-DD) via htmldate: meta, JSON-LD, URL, visible dates."""
    from htmldate import find_date

    url = uri if uri.startswith(("http://", "https://")) else None
    url = url or tags.get("og:url")
    try:
        return find_date(tree, extensive_search=thorough, original_date=True, url=url)
    except (ValueError, TypeError, RecursionError):
        return None


def _language(tree: lxml_html.HtmlElement, tags: dict[str, str], ld: dict[str, Any]) -> str | None:
    """Primary language subtag from <html lang>, Content-Language, og:locale or JSON-LD."""
    for value in (
        tree.get("lang"),
        tree.get("xml:lang"),
        tags.get("content-language"),
        tags.get("og:locale"),
        tags.get("language"),
        ld.get("language"),
    ):
        if value and (m := _LANG_CODE.match(value.strip().lower().split(",")[0].strip())):
            return m.group(1)
    return None
