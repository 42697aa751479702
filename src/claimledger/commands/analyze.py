"""`claimledger analyze`: pages in, document records out (JSON, JSON Lines or a summary)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator

import typer
from rich.console import Console

from claimledger.errors import ClaimledgerError, E, InputError
from claimledger.model import Document, ErrorRecord
from claimledger.sources.resolve import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)


def analyze(
    inputs: list[str] = typer.Argument(
        ..., help="Files (.html, .htm, .txt, or gzips of them), directories, globs, URLs, or -."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the record of one page as JSON."),
    jsonl_out: bool = typer.Option(
        False, "--jsonl", help="Print one JSON record per line; failed inputs as error records."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for pages that state none."
    ),
    nlp: str | None = typer.Option(
        None,
        "--nlp",
        help="Language pipeline: 'rules' (no model), 'none' (take pages apart only), "
        "or an installed spaCy pipeline name. Default: the best installed.",
    ),
    media_type: str | None = typer.Option(
        None, "--as", help="Read every input as 'html' or 'text' instead of telling by content."
    ),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse pages larger than this many bytes."
    ),
    timeout: float = typer.Option(20.0, "--timeout", help="Seconds to wait for a URL."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
) -> None:
    """Turn pages into document records (DESIGN.md §2)."""
    from claimledger.pipeline import Options, check_date, check_nlp
    from claimledger.sources import iter_inputs

    err = Console(stderr=True, soft_wrap=True)  # one line per error, whatever the width
    try:
        check_date(published)
        check_nlp(nlp)
    except ClaimledgerError as exc:
        err.print(f"[red]error:[/] {exc.message}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    if json_out and jsonl_out:
        err.print("[red]error:[/] choose one of --json and --jsonl")
        raise typer.Exit(EXIT_USAGE)
    forced = {None: None, "html": "text/html", "text": "text/plain"}
    if media_type not in forced:
        err.print(f"[red]error:[/] --as takes 'html' or 'text', not {media_type!r}")
        raise typer.Exit(EXIT_USAGE)
    options = Options(
        published=published, media_type=forced[media_type], nlp=nlp, max_bytes=max_bytes
    )
    items = list(iter_inputs(inputs))
    if json_out and len(items) > 1:
        err.print(f"[red]error:[/] --json prints one record but {len(items)} inputs were given; "
                  "use --jsonl")  # fmt: skip
        raise typer.Exit(EXIT_USAGE)

    out = Console(soft_wrap=True, highlight=False)
    failures: list[ErrorRecord] = []
    done = 0
    for _item, result in _run(items, options, timeout, err, debug):
        if isinstance(result, Document):
            done += 1
            if json_out:
                sys.stdout.write(result.to_json(indent=2) + "\n")
            elif jsonl_out:
                sys.stdout.write(result.to_json() + "\n")
            else:
                from claimledger.render import render_document

                render_document(result, out)
                out.rule()
        else:
            failures.append(result)
            if jsonl_out:
                sys.stdout.write(result.to_json() + "\n")
            err.print(f"[red]error:[/] {result.error}", highlight=False)
        sys.stdout.flush()
    if len(items) > 1 or failures:
        err.print(f"{done} analyzed, {len(failures)} failed", highlight=False)
        for f in failures:
            err.print(f"  [red]✗[/] {f.error}", highlight=False)
    if failures:
        raise typer.Exit(
            EXIT_SOME_FAILED if done else EXIT_USAGE if not items else EXIT_SOME_FAILED
        )


def _run(
    items: list, options: object, timeout: float, err: Console, debug: bool
) -> Iterator[tuple[object, Document | ErrorRecord]]:
    """Analyze each input in turn; a failure becomes an ErrorRecord and the batch goes on."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from claimledger.pipeline import analyze_page
    from claimledger.sources import read_input

    show = len(items) > 1 and err.is_terminal
    progress = Progress(
        TextColumn("analyzing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=not show,
    )
    with progress:
        task = progress.add_task("", total=len(items))
        for item in items:
            if isinstance(item, InputError):
                yield item, ErrorRecord(item.input or "", item.code, item.message)
                progress.advance(task)
                continue
            progress.update(task, description=item.uri[-60:])
            try:
                page = read_input(item, max_bytes=options.max_bytes, timeout=timeout)
                yield item, analyze_page(page, options)
            except ClaimledgerError as exc:
                yield item, ErrorRecord(item.uri, exc.code, exc.message)
            except Exception as exc:  # a bug of ours: name the input, keep the batch going
                if debug:
                    traceback.print_exc()
                wrapped = InputError(
                    E.INTERNAL, input=item.uri, detail=f"{type(exc).__name__}: {exc}"
                )
                yield item, ErrorRecord(item.uri, wrapped.code, wrapped.message)
            progress.advance(task)
