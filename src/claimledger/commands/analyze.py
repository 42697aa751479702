"""`claimledger analyze`: pages in, document records out (JSON, JSON Lines or a summary)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)


def analyze(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, http(s) URLs, or - for stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print one record as JSON."),
    jsonl_out: bool = typer.Option(False, "--jsonl", help="Print one JSON record per line."),
    published: str | None = typer.Option(None, "--published", help="Date (YYYY-MM-DD) for pages that state none."),
    nlp: str | None = typer.Option(None, "--nlp", help="'rules', 'none', or an installed spaCy pipeline name."),
) -> None:
    """Turn pages into document records."""
    raise typer.Exit(0)
