"""WARC archives (Common Crawl CC-NEWS and the like) → Pages, through fastwarc (the [warc] extra).

Only HTTP ``response`` records whose body is HTML (or XHTML) become pages; their uri is
``warc:<file>#<WARC-Record-ID>`` so a record can be found again, and the crawled URL is kept in
the page headers as ``warc-target-uri``. Requests, metadata and non-HTML responses are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from claimledger.errors import E, InputError, require
from claimledger.sources.page import Page
from claimledger.sources.resolve import DEFAULT_MAX_BYTES, _maybe_gunzip

WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.wet.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_path(arg: str) -> bool:
    return arg.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | InputError]:
    """Every HTML response in the archive as a Page; an unreadable record or archive yields
    an InputError naming it, and reading goes on where it can."""
    warc = require("fastwarc.warc", "fastwarc", "warc")
    if not Path(path).is_file():
        yield InputError(E.NOT_FOUND, input=path)
        return
    try:
        with open(path, "rb") as fh:
            records = warc.ArchiveIterator(
                fh, record_types=warc.WarcRecordType.response, parse_http=True
            )
            for record in records:
                uri = f"warc:{path}#{record.record_id}"
                media = (record.http_content_type or "").lower()
                if media not in HTML_TYPES:
                    continue
                try:
                    data = record.reader.read(max_bytes + 1)
                    if len(data) > max_bytes:
                        raise InputError(E.TOO_LARGE, input=uri, size=len(data), limit=max_bytes)
                    headers = {k.lower(): v for k, v in record.http_headers.items()}
                    if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
                        data = _maybe_gunzip(data, uri, max_bytes)
                    target = record.headers.get("WARC-Target-URI")
                    if target:
                        headers["warc-target-uri"] = target
                    yield Page(
                        uri=uri,
                        data=data,
                        http_charset=record.http_charset,
                        http_media_type=media,
                        headers=headers,
                    )
                except InputError as exc:
                    yield exc
    except OSError as exc:
        yield InputError(E.UNREADABLE, input=path, detail=exc.strerror or str(exc))
