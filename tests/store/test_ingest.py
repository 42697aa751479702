"""Ingest end to end on both back ends: real pages, failures kept, crash-safety, two writers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from claimledger.cli import _register, app
from claimledger.run.ingest import ingest
from claimledger.store import Ledger, open_ledger
from tests.store.helpers import seed_record

REPO = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )


def _pages(corpus: Path) -> list[Path]:
    return sorted((corpus / "aeb-dev" / "html").glob("*.html.gz")) + sorted(
        (corpus / "comments-dev" / "html").glob("*.html")
    )


def _check_stored_once(ledger: Ledger, expected: int) -> None:
    """Every page stored once, and each document's rows exactly those of its record."""
    counts = ledger.counts()
    assert counts["documents"] == expected
    sections = comments = 0
    for row in ledger.rows("documents"):
        found = ledger.document(row["id"])
        assert found is not None
        sections += len(found[0].sections)
        comments += len(found[0].comments)
    assert counts["sections"] == sections and counts["comments"] == comments


def test_ingest_files_with_failures(ledger: Ledger, corpus: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    sources = [str(corpus / "comments-dev" / "html"), str(empty), str(tmp_path / "missing.html")]
    first = ingest(ledger, sources)
    n = len(list((corpus / "comments-dev" / "html").glob("*.html")))
    assert (first.new, first.present, first.failed) == (n, 0, 2)
    codes = {(f["uri"].rsplit("/", 1)[-1], f["code"]) for f in ledger.failures()}
    assert codes == {("empty.html", "CL002"), ("missing.html", "CL001")}
    again = ingest(ledger, sources)
    assert (again.new, again.present, again.failed) == (0, n, 2)
    assert {r["status"] for r in ledger.runs()} == {"finished"}
    _check_stored_once(ledger, n)


def test_cli_claims_speakers_show(ledger_url: str, corpus: Path) -> None:
    with open_ledger(ledger_url) as led:
        seed = seed_record(corpus)
        led.add(seed)
    _register()
    runner = CliRunner()
    res = runner.invoke(
        app, ["ingest", str(corpus / "comments-dev" / "html"), "--db", ledger_url, "--json"]
    )
    assert res.exit_code == 0, res.output
    by_acronym = runner.invoke(app, ["claims", "--speaker", "SOHR", "--json", "--db", ledger_url])
    assert by_acronym.exit_code == 0, by_acronym.output
    rows = json.loads(by_acronym.stdout)
    assert len(rows) == 2
    assert any([f["text"] for f in r["figures"]] == ["3,250", "1,130"] for r in rows)
    by_name = runner.invoke(
        app,
        [
            "claims",
            "--speaker",
            "Syrian Observatory for Human Rights",
            "--json",
            "--db",
            ledger_url,
        ],
    )
    assert json.loads(by_name.stdout) == rows
    table = runner.invoke(
        app, ["claims", "--speaker", "SOHR", "--db", ledger_url], env={"COLUMNS": "250"}
    )
    assert "3,250" in table.stdout and "Syrian Observatory" in table.stdout
    speakers = runner.invoke(app, ["speakers", "--json", "--db", ledger_url])
    listed = json.loads(speakers.stdout)
    assert "Sergei Lavrov" in [s["name"] for s in listed[:3]]
    assert all(s["name"].lower() not in ("i", "a witness") for s in listed)
    shown = runner.invoke(app, ["show", seed.id[:10], "--json", "--db", ledger_url])
    assert json.loads(shown.stdout) == seed.to_dict()
    assert (
        "ISIS capital Raqqa falls"
        in runner.invoke(app, ["show", seed.uri, "--db", ledger_url]).stdout
    )
    bad = runner.invoke(app, ["claims", "--since", "yesterday", "--db", ledger_url])
    assert bad.exit_code == 2


def test_killed_mid_run_then_rerun_stores_each_page_once(
    ledger_url: str, corpus: Path, tmp_path: Path
) -> None:
    pages = _pages(corpus)
    source = tmp_path / "pages"
    source.mkdir()
    for p in pages:
        (source / p.name).symlink_to(p)
    proc = _cli("ingest", str(source), "--db", ledger_url, "--no-progress")
    led = open_ledger(ledger_url)
    try:
        deadline = time.monotonic() + 120
        while led.counts()["documents"] < 5 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        at_kill = led.counts()["documents"]
        assert 5 <= at_kill < len(pages), "the run must be killed mid-way"
        rerun = _cli("ingest", str(source), "--db", ledger_url, "--no-progress", "--json")
        stdout, stderr = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, stderr.decode()
        summary = json.loads(stdout)
        assert summary["present"] == at_kill and summary["new"] == len(pages) - at_kill
        _check_stored_once(led, len(pages))
        statuses = [r["status"] for r in led.runs()]
        assert statuses == ["running", "finished"]  # the killed run shows it never finished
    finally:
        led.close()


def test_two_ingest_processes_on_one_ledger(ledger_url: str, corpus: Path) -> None:
    pages = _pages(corpus)
    open_ledger(ledger_url).close()
    procs = [
        _cli("ingest", *map(str, order), "--db", ledger_url, "--no-progress", "--json")
        for order in (pages, list(reversed(pages)))
    ]
    summaries = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr.decode()
        summaries.append(json.loads(stdout))
    assert sum(s["new"] for s in summaries) == len(pages)
    assert all(s["new"] + s["present"] == len(pages) and s["failed"] == 0 for s in summaries)
    with open_ledger(ledger_url) as led:
        _check_stored_once(led, len(pages))
