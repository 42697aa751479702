"""The `claimledger` command. Commands are thin: they parse options and call the library."""

from __future__ import annotations

import typer

from claimledger.version import __version__

app = typer.Typer(
    name="claimledger",
    help="Who claimed what in the news: analyze pages, keep a ledger of claims, query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """claimledger: who claimed what in the news."""


def _register() -> None:
    """Each command lives in its own module under claimledger.commands."""
    from claimledger.commands import analyze

    analyze.register(app)
    from claimledger.commands import ledger

    ledger.register(app)


def main() -> None:
    _register()
    app()


if __name__ == "__main__":
    main()
