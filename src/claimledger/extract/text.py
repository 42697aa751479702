"""Plain text already scraped from a page → Document (text unchanged)."""

from __future__ import annotations

from claimledger.model import Document


def extract_text(text: str, uri: str) -> Document:
    return Document(id="", uri=uri, media_type="text/plain", text=text)
