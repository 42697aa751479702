"""The canonical text's block cleaning: spaces collapsed inside lines, blank lines dropped."""

from __future__ import annotations

import random
import re

from claimledger.extract.layout import clean_block

_RUN = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _line_by_line(text: str) -> str:
    """The rule written plainly: each line's runs of spaces made one space, lines trimmed."""
    lines = (_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def test_clean_block_examples() -> None:
    assert clean_block("  a \t b\u00a0\u00a0c  ") == "a b c"
    assert clean_block("a\u2003b") == "a b"
    assert clean_block("one\n\n \n  two  three \n") == "one\ntwo three"
    assert clean_block(" \t\u3000 ") == ""
    assert clean_block("a\u2028b") == "a\u2028b"  # a line separator is no space run


def test_clean_block_reads_as_the_line_by_line_rule() -> None:
    """The whole-block reading (only the runs that change are replaced, one-line blocks
    without a split) gives the plain rule's text on strings mixing every kind of space."""
    alphabet = list("ab \t\n\r\f\v\u00a0\u2003\u200b\u202f\u205f\u3000\u2028\x85")
    rnd = random.Random(7)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert clean_block(text) == _line_by_line(text), repr(text)
