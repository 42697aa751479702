"""One page's bytes → its document record: decode, take apart, annotate."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from claimledger.errors import ClaimledgerError, ConfigError, E, InputError
from claimledger.model import Document, Pipeline
from claimledger.sources.decode import decode, looks_like_html
from claimledger.sources.page import Page
from claimledger.sources.resolve import DEFAULT_MAX_BYTES
from claimledger.version import __version__

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Options:
    """Everything that changes a record besides the input bytes and the version."""

    published: str | None = None
    media_type: str | None = None  # force text/html or text/plain
    nlp: str | None = None  # "rules", a spaCy pipeline name, or None for the default
    max_bytes: int = DEFAULT_MAX_BYTES


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not _ISO_DATE.match(value):
        raise ConfigError(E.BAD_DATE, value=value)
    return value


def check_nlp(name: str | None) -> None:
    """Load the chosen language pipeline up front, so a wrong name is one usage error for the
    run rather than the same failure repeated for every page of a batch."""
    if name == "none":
        return
    from claimledger.nlp.pipeline import load_engine, resolve_name

    load_engine(resolve_name(name))


def analyze_page(page: Page, options: Options = Options()) -> Document:
    """Analyze a Page; a user's mistake raises ClaimledgerError, anything else is internal."""
    started = time.perf_counter()
    published = check_date(options.published)
    data = page.data
    if len(data) > options.max_bytes:
        raise InputError(E.TOO_LARGE, input=page.uri, size=len(data), limit=options.max_bytes)
    if options.media_type:
        is_html = options.media_type == "text/html"
    elif page.http_media_type in ("text/html", "application/xhtml+xml"):
        is_html = True
    else:
        is_html = looks_like_html(data)
    text, charset = decode(data, page.uri, http_charset=page.http_charset, is_html=is_html)
    if not text.strip():
        raise InputError(E.EMPTY, input=page.uri)
    try:
        if is_html:
            from claimledger.extract.html import extract_html

            doc = extract_html(text, page.uri)
        else:
            from claimledger.extract.text import extract_text

            doc = extract_text(text, page.uri)
        from claimledger.nlp import annotate

        nlp_name = annotate(doc, options.nlp)
        from claimledger.link.tensions import find_tensions

        doc.tensions = find_tensions(doc)
    except ClaimledgerError:
        raise
    except RecursionError:
        raise InputError(
            E.TOO_DEEP, input=page.uri, depth="too many", limit="Python's recursion limit"
        ) from None
    doc.id = hashlib.sha256(page.data).hexdigest()
    doc.charset = charset
    if published and not doc.published:
        doc.published = published
    doc.pipeline = Pipeline(
        version=__version__, nlp=nlp_name, seconds=round(time.perf_counter() - started, 4)
    )
    return doc


def analyze_bytes(
    raw: bytes,
    uri: str = "<memory>",
    published: str | None = None,
    media_type: str | None = None,
    nlp: str | None = None,
) -> Document:
    """The Python API's entry: analyze bytes already in memory."""
    from claimledger.sources.resolve import _maybe_gunzip

    options = Options(published=published, media_type=media_type, nlp=nlp)
    data = _maybe_gunzip(raw, uri, options.max_bytes)
    return analyze_page(Page(uri=uri, data=data), options)
