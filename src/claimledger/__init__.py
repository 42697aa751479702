"""claimledger: who claimed what in the news — a ledger of attributed claims and figures."""

from __future__ import annotations

from claimledger.model import Document
from claimledger.version import __version__

__all__ = ["Document", "__version__", "analyze"]


def analyze(
    text_or_bytes: str | bytes,
    uri: str = "<memory>",
    published: str | None = None,
    media_type: str | None = None,
    nlp: str | None = None,
) -> Document:
    """Analyze one page given as text or raw bytes and return its document record."""
    from claimledger.pipeline import analyze_bytes

    raw = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    return analyze_bytes(raw, uri=uri, published=published, media_type=media_type, nlp=nlp)
