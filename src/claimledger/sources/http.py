"""Fetch a page over HTTP(S) with a timeout, a size limit and clear errors."""

from __future__ import annotations

from claimledger.errors import E, InputError
from claimledger.sources.page import Page
from claimledger.version import __version__

USER_AGENT = f"claimledger/{__version__} (+https://github.com/claimledger)"


def fetch(url: str, max_bytes: int, timeout: float = 20.0) -> Page:
    """GET ``url``; non-2xx answers, time-outs and oversize bodies raise InputError."""
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise InputError(E.HTTP_STATUS, input=url, status=resp.status_code)
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(E.TOO_LARGE, input=url, size=size, limit=max_bytes)
                chunks.append(chunk)
            data = b"".join(chunks)
            ctype = resp.headers.get("content-type", "")
    except httpx.TimeoutException:
        raise InputError(
            E.HTTP_FAILED, input=url, detail=f"timed out after {timeout:g} s"
        ) from None
    except httpx.HTTPError as exc:
        raise InputError(E.HTTP_FAILED, input=url, detail=str(exc) or type(exc).__name__) from None
    media, _, params = ctype.partition(";")
    charset = None
    for part in params.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip("\"'")
    return Page(
        uri=url,
        data=data,
        http_charset=charset,
        http_media_type=media.strip().lower() or None,
        headers={k.lower(): v for k, v in resp.headers.items()},
    )
