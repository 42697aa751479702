"""Docs that tests keep honest: every option of every command is documented."""

from __future__ import annotations

import typer.main

from claimledger import cli
from tests.conftest import REPO


def _docs() -> str:
    parts = [(REPO / "README.md").read_text("utf-8")]
    parts += [p.read_text("utf-8") for p in sorted((REPO / "docs").glob("*.md"))]
    return "\n".join(parts)


def test_every_cli_option_is_documented() -> None:
    cli._register()
    group = typer.main.get_command(cli.app)
    docs = _docs()
    missing = []
    for name, command in group.commands.items():
        assert f"claimledger {name}" in docs, f"command {name} is not documented"
        for param in command.params:
            flags = [
                o for o in (*param.opts, *getattr(param, "secondary_opts", [])) if o[:2] == "--"
            ]
            if flags and "--help" not in flags and not any(f in docs for f in flags):
                missing.append(f"{name} {'/'.join(flags)}")
    assert not missing, f"undocumented options: {missing}"
