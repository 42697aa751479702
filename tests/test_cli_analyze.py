"""The `claimledger analyze` command, run as a user runs it: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claimledger.model import Document
from tests.conftest import REPO, assert_spans_ok

EXAMPLE = REPO / "examples" / "harbour-ceasefire.html"
CLI = [sys.executable, "-m", "claimledger.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300)


def test_json_record_of_the_seed(corpus: Path) -> None:
    seed = corpus / "seed" / "raqqa-falls.txt"
    proc = run("analyze", str(seed), "--json", "--nlp", "none", "--published", "2017-10-17")
    assert proc.returncode == 0, proc.stderr.decode()
    doc = Document.from_json(proc.stdout)
    assert doc.schema == "claimledger/document@1"
    assert doc.text == seed.read_text("utf-8")
    assert doc.published == "2017-10-17"
    assert len(doc.comments) == 5 and doc.declared_comment_count == 6
    assert_spans_ok(doc)


def test_jsonl_batch_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.htm").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "notes.txt").write_text("A title\n\nA first paragraph of text.\n", "utf-8")
    proc = run("analyze", str(tmp_path), str(tmp_path / "missing.html"), "--jsonl", "--nlp", "none")
    assert proc.returncode == 1
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(lines) == 5
    errors = {Path(r["uri"]).name: r for r in lines if r["schema"] == "claimledger/error@1"}
    assert set(errors) == {"binary.htm", "empty.html", "missing.html"}
    assert errors["empty.html"]["code"] == "CL002" and errors["binary.htm"]["code"] == "CL003"
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr
    assert "2 analyzed, 3 failed" in stderr
    for name in errors:
        assert name in stderr


def test_json_refuses_many_inputs(tmp_path: Path) -> None:
    for n in range(2):
        (tmp_path / f"p{n}.txt").write_text("Title\n\nSome text here.\n", "utf-8")
    proc = run("analyze", str(tmp_path), "--json")
    assert proc.returncode == 2 and b"--jsonl" in proc.stderr


def test_summary_draws_the_comment_tree(corpus: Path) -> None:
    proc = run("analyze", str(corpus / "seed" / "raqqa-falls.txt"), "--nlp", "none")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "ISIS capital Raqqa falls" in out
    assert "Comment thread" in out and "Hind Abyad" in out
    assert "c1.1.1" in out  # the reply to a reply is drawn in its place


def test_stdin_and_deterministic_records() -> None:
    data = EXAMPLE.read_bytes()
    first = run("analyze", "-", "--json", "--nlp", "none", stdin=data)
    second = run("analyze", "-", "--json", "--nlp", "none", stdin=data)
    assert first.returncode == 0, first.stderr.decode()
    a = Document.from_json(first.stdout).to_json(timing=False)
    b = Document.from_json(second.stdout).to_json(timing=False)
    assert a == b
    assert Document.from_json(first.stdout).uri == "-"


def test_bad_date_is_a_usage_error() -> None:
    proc = run("analyze", str(EXAMPLE), "--published", "17/10/2017")
    assert proc.returncode == 2 and b"YYYY-MM-DD" in proc.stderr and b"Traceback" not in proc.stderr


def test_everything_failing_exits_nonzero(tmp_path: Path) -> None:
    proc = run("analyze", str(tmp_path / "nothing-here.html"))
    assert proc.returncode != 0 and b"CL001" in proc.stderr and b"Traceback" not in proc.stderr


def test_unknown_pipeline_is_one_usage_error(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text("Title\n\nSome text here.\n", "utf-8")
    proc = run("analyze", str(tmp_path), "--jsonl", "--nlp", "no_such_pipeline_xx")
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.count(b"CL013") == 1 and b"no_such_pipeline_xx" in proc.stderr
