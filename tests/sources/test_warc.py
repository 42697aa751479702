"""WARC input: an archive the test writes from real corpus pages, ingested into the ledger."""

from __future__ import annotations

import gzip
import uuid
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from claimledger.run.ingest import ingest
from claimledger.sources.warc import iter_warc
from claimledger.store import Ledger
from tests.store import helpers

# The ledger fixtures of tests/store (SQLite, and PostgreSQL when CLAIMLEDGER_TEST_PG is set).
ledger_url = helpers.ledger_url
ledger = helpers.ledger

PAGES = ("lemire-json-parsing.html", "mozhacks-fetch-api.html", "givewell-open-thread.html")


def _record(kind: WarcRecordType, target: str, block: bytes, content_type: str) -> WarcRecord:
    rec = WarcRecord()
    rec.init_headers(kind, f"uuid:{uuid.uuid4()}".encode())
    rec.headers["WARC-Target-URI"] = target
    rec.headers["Content-Type"] = content_type
    rec.set_bytes_content(block)
    return rec


def write_warc(path: Path, corpus: Path) -> list[bytes]:
    """Response records for real pages, plus a request and a PNG response to be skipped."""
    bodies = []
    with open(path, "wb") as fh:
        for name in PAGES:
            body = (corpus / "comments-dev" / "html" / name).read_bytes()
            bodies.append(body)
            url = f"https://news.example/{name}"
            _record(
                WarcRecordType.request,
                url,
                f"GET /{name} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode(),
                "application/http; msgtype=request",
            ).write(fh)
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            _record(WarcRecordType.response, url, http, "application/http; msgtype=response").write(
                fh
            )
        png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"
        _record(
            WarcRecordType.response,
            "https://news.example/logo.png",
            png,
            "application/http; msgtype=response",
        ).write(fh)
    return bodies


def test_reader_yields_html_responses_only(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    bodies = write_warc(path, corpus)
    pages = list(iter_warc(str(path)))
    assert [p.data for p in pages] == bodies
    for page in pages:
        assert page.uri.startswith(f"warc:{path}#<urn:uuid:")
        assert page.headers["warc-target-uri"].startswith("https://news.example/")
        assert page.http_media_type == "text/html" and page.http_charset == "utf-8"


@pytest.mark.parametrize("compressed", [False, True])
def test_ingest_warc(ledger: Ledger, corpus: Path, tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, corpus)
    if compressed:
        gz = tmp_path / "crawl.warc.gz"
        gz.write_bytes(gzip.compress(path.read_bytes()))
        path.unlink()
        path = gz
    first = ingest(ledger, [str(path)])
    assert (first.new, first.present, first.failed) == (len(PAGES), 0, 0)
    again = ingest(ledger, [str(path)])
    assert (again.new, again.present) == (0, len(PAGES))
    uris = [r["uri"] for r in ledger.rows("documents")]
    assert all(u.startswith(f"warc:{path}#<urn:uuid:") for u in uris)
    found = ledger.document(uris[0])
    assert found is not None and found[0].comments


def test_missing_warc_is_a_failure(ledger: Ledger, tmp_path: Path) -> None:
    summary = ingest(ledger, [str(tmp_path / "nothing.warc.gz")])
    assert summary.failed == 1 and ledger.failures()[0]["code"] == "CL001"
