"""Ledger commands: ingest, failures, claims, speakers, show, export. Thin: they parse options,
call claimledger.run / claimledger.store / claimledger.export, and print tables or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from claimledger.errors import ClaimledgerError

T = TypeVar("T")

DB_HELP = "Ledger: a SQLite file (default claimledger.db or $CLAIMLEDGER_DB) or postgresql://…"


class _LazyConsole:
    """A Rich console made at first use, so the terminal width is read when printing."""

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs

    def print(self, *args: Any, **kwargs: Any) -> None:
        Console(**self._kwargs).print(*args, **kwargs)

    @property
    def width(self) -> int:
        return Console(**self._kwargs).width


out = _LazyConsole()
err = Console(stderr=True, soft_wrap=True)  # one line per message, whatever the width


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("failures")(failures)
    app.command("claims")(claims)
    app.command("speakers")(speakers)
    app.command("show")(show)
    app.command("export")(export)


def _read(db: str | None, ask: Callable[[Any], T]) -> T:
    """Ask the ledger one question; a name it does not know is one clear error line."""
    ledger = _open(db)
    try:
        return ask(ledger)
    except LookupError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        ledger.close()


def _open(db: str | None):
    from claimledger.store import open_ledger

    try:
        return open_ledger(db)
    except ClaimledgerError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    except Exception as exc:  # a locked or unreachable database: one clear line
        err.print(f"[red]error:[/red] cannot open the ledger {db or ''}: {exc}")
        raise typer.Exit(2) from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


# -- ingest ------------------------------------------------------------------------------------
def ingest(
    sources: list[str] = typer.Argument(
        ..., help="Files, directories, globs, URLs, WARC files (.warc/.warc.gz), RSS/Atom feeds."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    published: str | None = typer.Option(
        None, "--published", help="Date (YYYY-MM-DD) for pages that state none."
    ),
    nlp: str | None = typer.Option(None, "--nlp", help="'rules' or an installed spaCy pipeline."),
    timeout: float = typer.Option(20.0, "--timeout", help="Seconds to wait for each URL."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
) -> None:
    """Analyze pages and store them in the ledger; pages already stored are skipped."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from claimledger.pipeline import Options, check_date, check_nlp
    from claimledger.run.ingest import IngestSummary
    from claimledger.run.ingest import ingest as run_ingest

    try:
        options = Options(published=check_date(published), nlp=nlp)
        check_nlp(nlp)
    except ClaimledgerError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    ledger = _open(db)
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not progress,
    )
    with bar:
        task = bar.add_task("ingest", total=None, counts="")

        def on_item(uri: str, outcome: str, s: IngestSummary) -> None:
            if outcome == "failed" and progress:
                bar.console.print(
                    f"[yellow]failed[/yellow] {s.failures[-1][0]}: {s.failures[-1][2]}"
                )
            bar.update(
                task,
                advance=1,
                counts=f"{s.new} new, {s.versions} versions, {s.present} present, "
                f"{s.failed} failed",
            )

        try:
            summary = run_ingest(ledger, sources, options, timeout=timeout, on_item=on_item)
        finally:
            ledger.close()
    if json_out:
        _print_json(summary.to_dict())
    else:
        err.print(
            f"run {summary.run_id}: {summary.new} new, {summary.versions} new versions, "
            f"{summary.present} already present, {summary.failed} failed"
            + (" (see `claimledger failures`)" if summary.failed else "")
        )
    if summary.failed and not summary.stored and not summary.present:
        raise typer.Exit(1)


# -- failures ----------------------------------------------------------------------------------
def failures(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    run: int | None = typer.Option(None, "--run", help="Only this ingest run."),
    last: bool = typer.Option(False, "--last", help="Only the latest ingest run."),
    limit: int | None = typer.Option(None, "--limit", help="At most this many."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Inputs that could not be ingested, with their reason."""
    ledger = _open(db)
    try:
        if last:
            runs = ledger.runs()
            run = runs[-1]["id"] if runs else -1
        rows = ledger.failures(run_id=run, limit=limit)
    finally:
        ledger.close()
    if json_out:
        _print_json(rows)
        return
    table = Table("run", "uri", "code", "reason", "at", title=f"{len(rows)} failures")
    for r in rows:
        table.add_row(str(r["run_id"]), r["uri"], r["code"], r["reason"], r["at"])
    out.print(table)


# -- claims ------------------------------------------------------------------------------------
def _query(
    speaker: str | None,
    measure: str | None,
    search: str | None,
    origin: str | None,
    since: str | None,
    until: str | None,
    min_check_worthy: float | None,
    document: str | None,
    limit: int | None,
):
    from claimledger.pipeline import check_date
    from claimledger.store import ClaimQuery

    if origin and origin not in ("article", "comment", "caption"):
        err.print(f"[red]error:[/red] --origin must be article, comment or caption, not {origin!r}")
        raise typer.Exit(2)
    try:
        since, until = check_date(since), check_date(until)
    except ClaimledgerError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    return ClaimQuery(
        speaker=speaker,
        measure=measure,
        search=search,
        origin=origin,
        since=since,
        until=until,
        min_check_worthy=min_check_worthy,
        document=document,
        limit=limit,
    )


SPEAKER_OPT = typer.Option(None, "--speaker", help="A speaker's name or any alias (CPJ).")
MEASURE_OPT = typer.Option(None, "--measure", help="Claims with a figure of this measure (killed).")
SEARCH_OPT = typer.Option(None, "--search", help="Full-text search over claim text (all words).")
ORIGIN_OPT = typer.Option(None, "--origin", help="article, comment or caption.")
SINCE_OPT = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD).")
UNTIL_OPT = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD).")
WORTHY_OPT = typer.Option(None, "--min-check-worthy", help="check_worthy at least this (0-1).")
DOC_OPT = typer.Option(None, "--document", help="Only this document (id, id prefix or uri).")


def claims(
    speaker: str | None = SPEAKER_OPT,
    measure: str | None = MEASURE_OPT,
    search: str | None = SEARCH_OPT,
    origin: str | None = ORIGIN_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    min_check_worthy: float | None = WORTHY_OPT,
    document: str | None = DOC_OPT,
    limit: int = typer.Option(50, "--limit", help="At most this many claims (newest first)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Claims in the ledger, newest published first, with their speaker and figures."""
    query = _query(
        speaker, measure, search, origin, since, until, min_check_worthy, document, limit
    )
    rows = _read(db, lambda ledger: ledger.claims(query))
    if json_out:
        _print_json(rows)
        return
    # a narrow terminal keeps claim, origin, speaker, cue and text (`show` and `--json` have
    # every field): nine columns in 80 would fold every word
    wide = out.width >= 120
    names = [
        "doc",
        "claim",
        "origin",
        "speaker",
        "cue",
        "claim text",
        "figures",
        "worthy",
        "published",
    ]
    keep = [n for n in names if wide or n not in ("doc", "figures", "worthy", "published")]
    table = Table(*keep, title=f"{len(rows)} claims", show_lines=True)
    for r in rows:
        figs = ", ".join(f"{f['text']} {f['measure'] or ''}".strip() for f in r["figures"])
        cells = {
            "doc": r["doc_id"][:10],
            "claim": r["id"],
            "origin": r["origin"] + (f" {r['comment']}" if r["comment"] else ""),
            "speaker": r["speaker"]
            or r["speaker_name"]
            or ("(commenter)" if r["origin"] == "comment" else "(outlet)"),
            "cue": r["cue"] or "",
            "claim text": r["text"],
            "figures": figs,
            "worthy": f"{r['check_worthy']:.2f}",
            "published": r["published"] or "",
        }
        table.add_row(*(cells[n] for n in keep))
    out.print(table)


# -- speakers ----------------------------------------------------------------------------------
def speakers(
    name: str | None = typer.Option(None, "--name", help="Only the speaker this name stands for."),
    limit: int = typer.Option(50, "--limit", help="At most this many speakers."),
    unnamed: bool = typer.Option(
        False, "--unnamed", help="Also list speakers known by no name (a witness), one per page."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Who said how much, across how many documents, under which names, about what."""
    ledger = _open(db)
    try:
        rows = ledger.speakers(limit=limit, name=name, unnamed=unnamed)
    finally:
        ledger.close()
    if json_out:
        _print_json(rows)
        return
    table = Table(
        "speaker",
        "kind",
        "claims",
        "documents",
        "also called",
        "about",
        title=f"{len(rows)} speakers",
    )
    for r in rows:
        table.add_row(
            r["name"],
            r["kind"] or "",
            str(r["claims"]),
            str(r["documents"]),
            ", ".join(r["aliases"]),
            ", ".join(f"{m['measure']} ({m['figures']})" for m in r["measures"]),
        )
    out.print(table)


# -- show --------------------------------------------------------------------------------------
def show(
    doc: str = typer.Argument(..., help="A document id, id prefix (4+ hex digits) or uri."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the stored record as JSON."),
) -> None:
    """One stored document: its record, rendered (or as JSON)."""
    from claimledger.nlp.render import speaker_label

    found = _read(db, lambda ledger: ledger.document(doc))
    if found is None:
        err.print(f"[red]error:[/red] no document {doc!r} in the ledger")
        raise typer.Exit(1)
    record, facts = found
    if json_out:
        _print_json(record.to_dict())
        return
    title = record.title.text if record.title else "(no title)"
    out.print(f"[bold]{title}[/bold]")
    out.print(f"id {record.id}\nuri {record.uri}\npublished {record.published or '-'}")
    if facts["version_of"]:
        out.print(f"previous version {facts['version_of']}")
    if facts["newer_versions"]:
        out.print(f"newer versions {', '.join(facts['newer_versions'])}")
    out.print(
        f"{len(record.body_sections())} body sections, {len(record.comments)} comments, "
        f"{len(record.entities)} entities, {len(record.claims)} claims, "
        f"{len(record.figures)} figures, {len(record.tensions)} tensions, "
        f"{len(record.flags)} flags"
    )
    figures = {f.id: f for f in record.figures}
    if record.claims:
        table = Table("claim", "origin", "speaker", "cue", "text", "figures", show_lines=True)
        for k in record.claims:
            table.add_row(
                k.id,
                k.origin + (f" {k.comment}" if k.comment else ""),
                speaker_label(record, k),
                k.cue.lemma if k.cue else "",
                record.slice(k.span),
                ", ".join(
                    f"{figures[f].text} {figures[f].measure or ''}".strip()
                    for f in k.figures
                    if f in figures
                ),
            )
        out.print(table)
    if record.comments:
        table = Table("comment", "reply to", "author", "text", title="comments")
        for c in record.comments:
            text = record.slice(c.span)
            table.add_row(c.id, c.parent or "", c.author or "", text[:200])
        out.print(table)


# -- export ------------------------------------------------------------------------------------
def export(
    fmt: str = typer.Option(..., "--format", help="csv, jsonl, parquet or claimreview."),
    out_path: Path = typer.Option(
        ..., "--out", help="A directory (csv, jsonl, parquet) or a file (claimreview)."
    ),
    speaker: str | None = SPEAKER_OPT,
    measure: str | None = MEASURE_OPT,
    search: str | None = SEARCH_OPT,
    origin: str | None = ORIGIN_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    min_check_worthy: float | None = WORTHY_OPT,
    document: str | None = DOC_OPT,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the row counts as JSON."),
) -> None:
    """Export the ledger (or the claims matching the filters) — columns in docs/export.md."""
    from claimledger.export import FORMATS
    from claimledger.export import export as run_export

    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        raise typer.Exit(2)
    query = _query(speaker, measure, search, origin, since, until, min_check_worthy, document, None)
    ledger = _open(db)
    try:
        counts = run_export(ledger, fmt, out_path, query)
    except ClaimledgerError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    finally:
        ledger.close()
    if json_out:
        _print_json(counts)
    else:
        err.print(
            f"exported to {out_path}: " + ", ".join(f"{n} {table}" for table, n in counts.items())
        )
