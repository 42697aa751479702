"""The raw input as read, before any taking apart."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawInput:
    """A named input not read yet: a file path, a URL, or stdin."""

    uri: str
    kind: str  # file | url | stdin


@dataclass
class Page:
    """Bytes of one page with what the transport said about them."""

    uri: str
    data: bytes
    http_charset: str | None = None
    http_media_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
