"""A catalogue of the errors a user can cause, each with a code (as spaCy's errors.py).

A user's mistake is reported as one line naming the input and the reason, never as a
traceback; batch runs record the code and message beside the input and go on.
"""

from __future__ import annotations

from enum import StrEnum


class E(StrEnum):
    """Error codes with their message templates."""

    NOT_FOUND = "CL001: no such file or directory"
    EMPTY = "CL002: the input is empty"
    BINARY = "CL003: the input is binary data, not a text or HTML page ({detail})"
    UNDECODABLE = "CL004: the bytes cannot be decoded as text ({detail})"
    TOO_LARGE = (
        "CL005: the input is {size:,} bytes, over the limit of {limit:,} bytes (--max-bytes)"
    )
    TOO_DEEP = "CL006: the HTML is nested {depth} levels deep, over the limit of {limit}"
    HTTP_STATUS = "CL007: the server answered HTTP {status}"
    HTTP_FAILED = "CL008: the URL could not be fetched ({detail})"
    BAD_GZIP = "CL009: the gzip data is truncated or corrupt ({detail})"
    NO_INPUTS = "CL010: no pages matched"
    UNREADABLE = "CL011: the file cannot be read ({detail})"
    BAD_DATE = "CL012: not a date: {value!r} (use YYYY-MM-DD)"
    NO_MODEL = "CL013: the spaCy pipeline {name!r} is not installed ({detail})"
    MISSING_EXTRA = "CL014: this needs the package {package!r}; install it with: pip install {spec}"
    INTERNAL = "CL099: internal error while analyzing ({detail}); please report it"

    @property
    def code(self) -> str:
        return self.value.split(":", 1)[0]


class ClaimledgerError(Exception):
    """Base of every error a user can cause; the message names the input when there is one."""

    def __init__(self, error: E, input: str | None = None, **params: object) -> None:
        self.error = error
        self.input = input
        self.params = params
        self.reason = error.value.split(": ", 1)[1].format(**params)
        super().__init__(self.message)

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def message(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"{where}{self.reason} [{self.code}]"


class InputError(ClaimledgerError):
    """The input itself is unusable (missing, empty, binary, too large, unreachable)."""


class ConfigError(ClaimledgerError):
    """An option or the environment is wrong (missing extra, unknown pipeline, bad date)."""


def require(module: str, package: str, extra: str | None = None):
    """Import a heavy optional dependency lazily, naming what to install when it is missing."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        spec = f"claimledger[{extra}]" if extra else package
        raise ConfigError(E.MISSING_EXTRA, package=package, spec=spec) from exc
