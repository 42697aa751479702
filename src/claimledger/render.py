"""Readable views of a record for the terminal (Rich): summary, sections, the comment tree."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from claimledger.model import Document


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_document(doc: Document, console: Console) -> None:
    """Title, date, sections and the comment thread drawn as a tree; then claims if any."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("title", doc.title.text if doc.title else "—")
    head.add_row("published", doc.published or "—")
    head.add_row("source", doc.uri)
    if doc.byline:
        head.add_row("byline", doc.byline.text)
    kinds = Counter(s.kind for s in doc.sections)
    head.add_row("sections", ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "—")
    declared = doc.declared_comment_count
    head.add_row(
        "comments",
        f"{len(doc.comments)} found" + (f", {declared} declared" if declared is not None else ""),
    )
    if doc.pipeline:
        head.add_row("pipeline", f"{doc.pipeline.nlp}, {doc.pipeline.seconds:.3f} s")
    console.print(head)

    body = Table(title="Article", show_lines=False, expand=False)
    body.add_column("#", justify="right", style="dim")
    body.add_column("kind", style="cyan")
    body.add_column("text")
    shown = [s for s in doc.sections if s.kind not in ("boilerplate",)]
    for n, s in enumerate(shown, 1):
        body.add_row(str(n), s.kind, _short(doc.slice(s.span)))
    console.print(body)

    if doc.comments:
        tree = Tree(Text("Comment thread", style="bold"))
        nodes: dict[str, Tree] = {}
        for c in doc.comments:
            who = c.author or "anonymous"
            label = Text.assemble(
                (c.id, "dim"), " ", (who, "bold"),
                (f" · {c.published}" if c.published else "", "dim"),
                (" [pingback]" if c.pingback else "", "yellow"),
                "\n", _short(doc.slice(c.span), 110),
            )  # fmt: skip
            parent = nodes.get(c.parent) if c.parent else None
            nodes[c.id] = (parent or tree).add(label)
        console.print(tree)
    if doc.claims or doc.figures:
        from claimledger.nlp.render import render_claims

        render_claims(doc, console)
