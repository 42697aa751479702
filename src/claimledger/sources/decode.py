"""Decode page bytes: BOM, then the HTTP header, then meta tags, then a detector.

Also tells HTML from plain text by content and refuses binary data, so a PDF or an image
named ``.html`` gets one clear error instead of a record full of mojibake.
"""

from __future__ import annotations

import codecs
import re

from claimledger.errors import E, InputError
from claimledger.model import Charset

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script|link|span|table|br)\b",
    re.IGNORECASE,
)
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"WARC/", "a WARC archive (use `claimledger ingest` for WARC files)"),
)


# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do pages in the wild.
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def sniff_binary(data: bytes, uri: str) -> None:
    """Raise when the bytes are plainly not text (known magic numbers, NULs, control bytes)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(E.BINARY, input=uri, detail=f"it looks like {what}")
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return  # UTF-16/32 text is full of NULs by design
    if b"\x00" in head:
        raise InputError(E.BINARY, input=uri, detail="it holds NUL bytes")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        raise InputError(E.BINARY, input=uri, detail="too many control bytes for text")


def looks_like_html(data: bytes | str) -> bool:
    """HTML by content: a tag we know near the start, not the file name."""
    head = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "ignore")
    return bool(_HTML_SNIFF.search(head))


def decode(
    data: bytes, uri: str, http_charset: str | None = None, is_html: bool = True
) -> tuple[str, Charset]:
    """Decode ``data`` and say which charset did it and how it was found."""
    if not data.strip():
        raise InputError(E.EMPTY, input=uri)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), Charset(name, "bom")
            except UnicodeDecodeError as exc:
                raise InputError(E.UNDECODABLE, input=uri, detail=f"{name}: {exc.reason}") from None
    sniff_binary(data, uri)
    candidates: list[tuple[str, str]] = []
    if (name := _codec(http_charset)) is not None:
        candidates.append((_WHATWG_ALIASES.get(name, name), "http"))
    if is_html:
        m = _META_CHARSET.search(data[:16384])
        if m and (name := _codec(m.group(1).decode("ascii", "ignore"))) is not None:
            candidates.append((_WHATWG_ALIASES.get(name, name), "meta"))
    for name, how in candidates:
        try:
            return data.decode(name), Charset(name, how)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("utf-8"), Charset(
            "utf-8", "detected" if not data.isascii() else "default"
        )
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(E.UNDECODABLE, input=uri, detail="no character encoding fits these bytes")
    return str(best), Charset(_codec(best.encoding) or best.encoding, "detected")
