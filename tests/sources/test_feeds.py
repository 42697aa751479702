"""RSS/Atom input: a feed served by a local HTTP server the test starts; each entry's page
is fetched, analyzed and stored, dated by the feed when the page states no date."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimledger.run.ingest import ingest
from claimledger.sources.feeds import feed_entries, looks_like_feed
from claimledger.sources.page import Page
from claimledger.store import ClaimQuery, Ledger
from tests.store import helpers

# The ledger fixtures of tests/store (SQLite, and PostgreSQL when CLAIMLEDGER_TEST_PG is set).
ledger_url = helpers.ledger_url
ledger = helpers.ledger

PAGES = ("lemire-json-parsing.html", "mozhacks-fetch-api.html")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path, corpus: Path) -> Iterator[str]:
    """A local web server with two real pages, a raw-text page, an RSS and an Atom feed."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    for name in PAGES:
        shutil.copy(corpus / "comments-dev" / "html" / name, root / "news" / name)
    shutil.copy(corpus / "seed" / "raqqa-falls.txt", root / "news" / "raqqa.txt")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = "".join(
        f"<item><title>{n}</title><link>{base}/news/{n}</link>"
        f"<pubDate>Tue, 17 Oct 2017 10:00:00 GMT</pubDate></item>"
        for n in (*PAGES, "raqqa.txt")
    )
    items += f"<item><title>gone</title><link>{base}/news/gone.html</link></item>"
    (root / "feed.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{base}</link>'
        f"<description>d</description>{items}</channel></rss>",
        "utf-8",
    )
    (root / "feed.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><id>urn:x</id><updated>2017-10-18T00:00:00Z</updated>"
        f'<entry><title>r</title><id>urn:r</id><link href="{base}/news/raqqa.txt"/>'
        "<updated>2017-10-18T00:00:00Z</updated></entry></feed>",
        "utf-8",
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_feed_entries(site: str) -> None:
    import httpx

    data = httpx.get(f"{site}/feed.rss").content
    page = Page(uri=f"{site}/feed.rss", data=data)
    assert looks_like_feed(page)
    entries = feed_entries(page)
    assert [e.url.rsplit("/", 1)[-1] for e in entries] == [*PAGES, "raqqa.txt", "gone.html"]
    assert entries[0].published == "2017-10-17" and entries[-1].published is None
    assert not looks_like_feed(Page(uri="x", data=b"<html><body><p>x</p></body></html>"))


def test_ingest_feed(ledger: Ledger, site: str) -> None:
    summary = ingest(ledger, [f"{site}/feed.rss"])
    assert (summary.new, summary.failed) == (3, 1)
    (failure,) = ledger.failures()
    assert failure["uri"] == f"{site}/news/gone.html" and failure["code"] == "CL007"
    raqqa = ledger.document(f"{site}/news/raqqa.txt")
    assert raqqa is not None and raqqa[0].published == "2017-10-17"  # dated by the feed
    assert ledger.claims(ClaimQuery(since="2017-10-17", until="2017-10-17"))
    again = ingest(ledger, [f"{site}/feed.rss", f"{site}/feed.atom"])
    assert (again.new, again.present, again.failed) == (0, 4, 1)
