"""RSS and Atom feeds → the pages their entries link to, through feedparser (the [feeds] extra).

A feed is recognised by its media type or its first element, not by its name. Each entry's
link is fetched and analyzed as a page; the entry's date is kept so pages that state none can
be dated by the feed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from claimledger.errors import require
from claimledger.sources.page import Page

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
)
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


@dataclass(frozen=True)
class FeedEntry:
    url: str
    published: str | None  # YYYY-MM-DD
    title: str | None


def looks_like_feed(page: Page) -> bool:
    if page.http_media_type in FEED_TYPES:
        return True
    return bool(_ROOT.match(page.data[:4096]))


def feed_entries(page: Page) -> list[FeedEntry]:
    """The entries of a feed with a link, in feed order, each link once."""
    feedparser = require("feedparser", "feedparser", "feeds")
    parsed = feedparser.parse(page.data)
    seen: set[str] = set()
    out: list[FeedEntry] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        url = urljoin(page.uri, link) if page.uri.startswith(("http://", "https://")) else link
        if url in seen:
            continue
        seen.add(url)
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", when) if when else None
        out.append(FeedEntry(url=url, published=published, title=entry.get("title")))
    return out
