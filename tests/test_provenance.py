"""Every span of every record slices `text` to non-empty trimmed text, on every page we have."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger
from claimledger.sources import RawInput, read_input
from tests.conftest import assert_spans_ok, corpus_path


def _pages() -> list[Path]:
    root = corpus_path()
    pages = [root / "seed" / "raqqa-falls.txt"]
    pages += sorted((root / "comments-dev" / "html").glob("*.html"))
    pages += sorted((root / "aeb-dev" / "html").glob("*.html.gz"))
    pages += sorted((root / "polnear-dev" / "text").glob("*.txt"))[:10]
    return pages


@pytest.mark.parametrize("path", _pages(), ids=lambda p: p.name[:40])
def test_every_span_slices_text(path: Path) -> None:
    page = read_input(RawInput(str(path), "file"))
    doc = claimledger.analyze(page.data, uri=str(path))
    assert doc.text.strip()
    assert_spans_ok(doc)
    for claim in doc.claims:
        for start, end in claim.content:
            assert claim.span[0] <= start < end <= claim.span[1], (claim.id, claim.span)
    ids = {f.id for f in doc.figures}
    assert all(f in ids for k in doc.claims for f in k.figures)
    comment_ids = {c.id for c in doc.comments}
    assert all(c.parent is None or c.parent in comment_ids for c in doc.comments)


def test_same_bytes_same_record(corpus: Path) -> None:
    for path in [
        corpus / "seed" / "raqqa-falls.txt",
        *sorted((corpus / "comments-dev" / "html").glob("*.html"))[:3],
    ]:
        raw = path.read_bytes()
        a = claimledger.analyze(raw, uri=str(path)).to_json(timing=False)
        b = claimledger.analyze(raw, uri=str(path)).to_json(timing=False)
        assert a == b, path.name
