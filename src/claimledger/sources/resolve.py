"""Expand user arguments into inputs and read each into a Page, with clear errors."""

from __future__ import annotations

import glob
import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from claimledger.errors import E, InputError
from claimledger.sources.page import Page, RawInput

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".shtml", ".php", ".asp", ".aspx")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _is_page_file(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(PAGE_SUFFIXES)


def iter_inputs(args: list[str]) -> Iterator[RawInput | InputError]:
    """Every input named by ``args``, in a stable order; a name matching nothing is an error.

    Directories are walked recursively for page files (.html, .htm, .txt and gzips of
    them); globs are expanded and sorted; ``-`` is stdin; http(s) is a URL.
    """
    for arg in args:
        if arg == "-":
            yield RawInput("-", "stdin")
        elif arg.startswith(("http://", "https://")):
            yield RawInput(arg, "url")
        elif os.path.isdir(arg):
            found = sorted(p for p in Path(arg).rglob("*") if p.is_file() and _is_page_file(p))
            if not found:
                yield InputError(E.NO_INPUTS, input=arg)
            for p in found:
                yield RawInput(str(p), "file")
        elif os.path.exists(arg):
            yield RawInput(arg, "file")
        elif glob.has_magic(arg):
            matches = sorted(m for m in glob.glob(arg, recursive=True) if os.path.isfile(m))
            if not matches:
                yield InputError(E.NO_INPUTS, input=arg)
            for m in matches:
                yield RawInput(m, "file")
        else:
            yield InputError(E.NOT_FOUND, input=arg)


def read_input(item: RawInput, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0) -> Page:
    """Read one input's bytes (gunzipping when needed) within the size limit."""
    if item.kind == "url":
        from claimledger.sources.http import fetch

        page = fetch(item.uri, max_bytes=max_bytes, timeout=timeout)
        page.data = _maybe_gunzip(page.data, item.uri, max_bytes)
        return page
    if item.kind == "stdin":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            size = os.path.getsize(item.uri)
            if size > max_bytes and not item.uri.endswith(".gz"):
                raise InputError(E.TOO_LARGE, input=item.uri, size=size, limit=max_bytes)
            with open(item.uri, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(E.NOT_FOUND, input=item.uri) from None
        except IsADirectoryError:
            raise InputError(E.UNREADABLE, input=item.uri, detail="it is a directory") from None
        except OSError as exc:
            raise InputError(
                E.UNREADABLE, input=item.uri, detail=exc.strerror or str(exc)
            ) from None
    if len(data) > max_bytes:
        raise InputError(E.TOO_LARGE, input=item.uri, size=len(data), limit=max_bytes)
    return Page(uri=item.uri, data=_maybe_gunzip(data, item.uri, max_bytes))


def _maybe_gunzip(data: bytes, uri: str, max_bytes: int) -> bytes:
    """Decompress gzip data by its magic bytes, refusing bombs over the size limit."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = decomp.decompress(data, max_bytes + 1)
        if len(out) > max_bytes:
            raise InputError(E.TOO_LARGE, input=uri, size=len(out), limit=max_bytes)
        if not decomp.eof:
            raise InputError(E.BAD_GZIP, input=uri, detail="the stream ends before its end marker")
        return out
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise InputError(E.BAD_GZIP, input=uri, detail=str(exc)) from None
