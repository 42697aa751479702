"""The human summary of a record's claims and figures (``claimledger analyze`` without --json).

One table of claims (where, speaker, cue, quote kind, content, flags, check-worthiness,
figures) and one of figures (reading, what is counted, part-of, claim), so a reader sees who
said what without opening the JSON.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table

from claimledger.model import Claim, Document

CONTENT_WIDTH = 90


def _short(text: str, width: int = CONTENT_WIDTH) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def speaker_label(doc: Document, claim: Claim) -> str:
    """Who makes a claim, as a reader would name them: the speaker, the outlet or a commenter."""
    if claim.source is None:
        if claim.origin == "comment":
            author = next((c.author for c in doc.comments if c.id == claim.comment), None)
            return f"(commenter{': ' + author if author else ''})"
        return "(outlet)"
    entity = next((e for e in doc.entities if e.id == claim.source.entity), None)
    if entity is None:
        return _short(claim.source.text, 30)
    surface = claim.source.text.lower()
    if not any(form.lower() in surface for form in (entity.name, *entity.aliases)):
        return f"{entity.name} ({_short(claim.source.text, 20)})"  # "Jane Roe (she)"
    return entity.name


def _where(claim: Claim) -> str:
    return claim.comment if claim.origin == "comment" and claim.comment else claim.origin


def _flags(claim: Claim) -> str:
    marks = [("hedged", claim.hedged), ("negated", claim.negated), ("future", claim.future)]
    return " ".join(name for name, on in marks if on)


def _figure_reading(value: object, low: object, high: object) -> str:
    if low is not None and high is not None and low != high:
        return f"{low}–{high}"
    return "" if value is None else str(value)


def claims_table(doc: Document) -> Table:
    table = Table(title=f"Claims ({len(doc.claims)})", show_lines=False, expand=False)
    # short columns keep their words whole; content and speaker take what width is left, so
    # an 80-column terminal still reads "Human Rights Watch" rather than "Huma/n Righ…"
    for name, style, width, ratio in (
        ("id", "dim", None, None),
        ("where", "", None, None),
        ("speaker", "bold", 12, 2),
        ("cue", "", 9, 1),
        ("quote", "", None, None),
        ("content", "", 24, 5),
        ("flags", "yellow", None, None),
        ("check", "cyan", None, None),
        ("figures", "green", 7, 1),
    ):
        table.add_column(
            name,
            style=style or None,
            overflow="fold",
            no_wrap=ratio is None,
            min_width=width,
            ratio=ratio,
        )
    figures = {f.id: f for f in doc.figures}
    for claim in doc.claims:
        content = " … ".join(doc.slice(span) for span in claim.content)
        table.add_row(
            claim.id,
            _where(claim),
            speaker_label(doc, claim),
            doc.slice(claim.cue.span) if claim.cue else "",
            claim.quote,
            _short(content),
            _flags(claim),
            f"{claim.check_worthy:.2f}",
            ", ".join(figures[f].text for f in claim.figures if f in figures),
        )
    return table


def figures_table(doc: Document) -> Table:
    table = Table(title=f"Figures ({len(doc.figures)})")
    for name in (
        "id",
        "text",
        "value",
        "unit",
        "measure",
        "subject",
        "qualifier",
        "part of",
        "claim",
    ):
        table.add_column(name, overflow="fold")
    for fig in doc.figures:
        table.add_row(
            fig.id,
            fig.text,
            _figure_reading(fig.value, fig.low, fig.high),
            fig.unit or "",
            fig.measure or "",
            fig.subject or "",
            fig.qualifier,
            fig.part_of or "",
            fig.claim or "",
        )
    return table


def render_claims(doc: Document, console: Console) -> None:
    """Print the claims table, then the figures (if any), then abuse flags (if any)."""
    console.print(claims_table(doc))
    if doc.figures:
        console.print(figures_table(doc))
    if doc.flags:
        flagged = ", ".join(f"{f.comment or 'article'}: {doc.slice(f.span)!r}" for f in doc.flags)
        console.print(f"[red]Flags[/red] abusive language in {flagged}")
