"""Shared fixtures: where the team's corpus lives, and the provenance check every record passes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger.model import Document

REPO = Path(__file__).resolve().parent.parent


def corpus_path() -> Path:
    """The shared corpus (read in place, never copied): $CLAIMLEDGER_CORPUS or ../shared/corpus."""
    return Path(os.environ.get("CLAIMLEDGER_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = corpus_path()
    if not path.is_dir():
        pytest.fail(f"the shared corpus is missing at {path}; set CLAIMLEDGER_CORPUS")
    return path


def assert_spans_ok(doc: Document) -> None:
    """Every span slices ``text`` to non-empty text with no leading or trailing whitespace."""
    n = len(doc.text)
    for where, (start, end) in doc.all_spans():
        assert 0 <= start < end <= n, f"{doc.uri} {where}: span {start, end} out of range"
        piece = doc.text[start:end]
        assert piece.strip(), f"{doc.uri} {where}: empty span"
        assert piece == piece.strip(), f"{doc.uri} {where}: untrimmed span {piece!r}"
    if doc.title:
        assert doc.slice(doc.title.span) == doc.title.text
    for claim in doc.claims:
        if claim.source:
            assert doc.slice(claim.source.span) == claim.source.text
    for fig in doc.figures:
        assert doc.slice(fig.span) == fig.text, f"{doc.uri} figure {fig.id}"
