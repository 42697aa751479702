"""Documents per second of ``claimledger.analyze`` against a peer pipeline, with peak memory.

Run from the repository root::

    .venv/bin/python benchmarks/speed.py ../shared/corpus/polnear-dev ../shared/corpus/aeb-dev

Systems, each on the same inputs in the same (sorted) order:

- ``claimledger rules``: ``claimledger.analyze(bytes, uri, nlp="rules")``: decode, take the
  page apart, and the rules-only language work (attribution, speakers, figures, flags).
- ``claimledger model``: the same with the best installed statistical pipeline, which parses
  only the sentences holding a cue word, a quotation mark or a colon.
- ``peer``: trafilatura ``extract`` where the input is HTML (the text as is otherwise), then the
  full statistical pipeline over the whole text (``spacy.load(MODEL)``, every component), then
  textacy's ``direct_quotations``.

Inputs: ``POLNEAR_DIR/text/*.txt`` (plain text) and ``AEB_DIR/html/*.html.gz`` (HTML pages,
decompressed before timing for the peer; claimledger gets the gzip bytes and unpacks them
itself). Each system runs in its own long-lived subprocess, so peak memory (``ru_maxrss``) is
its own; loading (imports, model) is done before the clock starts and a first document is run
once to warm caches.

Timing: ``--repeat`` rounds; in each round every system makes one timed pass over the whole
set, one after the other, in an order that rotates from round to round. The passes of the
systems being compared are thus spread over the same minutes, so a burst of other work on a
shared machine falls on all of them alike instead of on whichever system ran during it. The
best pass of each system is kept (wall time, and the CPU time of its process beside it), and
``rounds x`` gives each round's own ratio to the peer (the two passes measured minutes apart
at most), so the spread the machine adds is in plain view. ``claimledger none`` (taking the
page apart, no language work) shows what the extraction alone costs. Targets: rules-only >= 10x
the peer's docs/s; model >= 2x.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SETS = ("polnear", "aeb")
SYSTEMS = ("claimledger none", "claimledger rules", "claimledger model", "peer")


def _inputs(kind: str, root: Path, limit: int | None) -> list[tuple[str, bytes]]:
    if kind == "polnear":
        files = sorted((root / "text").glob("*.txt"))
    else:
        files = sorted((root / "html").glob("*.html.gz"))
    if limit:
        files = files[:limit]
    return [(str(f), f.read_bytes()) for f in files]


def _runner(system: str, inputs: list[tuple[str, bytes]]) -> tuple[str, Callable, list]:
    """Load one system; return its label, a one-document function and the inputs it reads."""
    if system.startswith("claimledger"):
        import claimledger
        from claimledger.nlp.pipeline import load_engine, resolve_name

        name = system.split()[-1]
        if name == "model":
            name = resolve_name(None)
        if name != "none":
            load_engine(name)

        def run(uri: str, data: bytes) -> int:
            doc = claimledger.analyze(data, uri=uri, nlp=name)
            return len(doc.claims)

        return name, run, inputs

    import spacy
    import textacy.extract
    import trafilatura

    from claimledger.nlp.pipeline import PREFERRED_MODELS, installed_models

    model = (installed_models() or list(PREFERRED_MODELS))[0]
    nlp = spacy.load(model)

    def run_peer(uri: str, data: bytes) -> int:
        if uri.endswith(".html.gz"):
            text = trafilatura.extract(data.decode("utf-8", "replace")) or ""
        else:
            text = data.decode("utf-8")
        doc = nlp(text)
        try:
            return len(list(textacy.extract.triples.direct_quotations(doc)))
        except ValueError:  # textacy bails out on unbalanced quotation marks
            return 0

    unpacked = [
        (uri, gzip.decompress(data) if uri.endswith(".gz") else data) for uri, data in inputs
    ]
    return f"trafilatura + {model} (full) + textacy direct_quotations", run_peer, unpacked


def _worker(system: str, kind: str, root: Path, limit: int | None) -> None:
    """Serve timed passes of one system over one set: one JSON line per ``pass`` asked on stdin."""
    label, run, inputs = _runner(system, _inputs(kind, root, limit))
    run(*inputs[0])  # warm caches
    print(json.dumps({"ready": label, "docs": len(inputs)}), flush=True)
    for line in sys.stdin:
        if line.strip() != "pass":
            break
        started, started_cpu = time.perf_counter(), time.process_time()
        found = sum(run(uri, data) for uri, data in inputs)
        wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        print(json.dumps({"seconds": wall, "cpu_seconds": cpu, "items": found}), flush=True)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mib": round(peak_kib / 1024, 1)}), flush=True)


class _Worker:
    """One system's subprocess, asked for a pass at a time."""

    def __init__(self, system: str, kind: str, root: Path, limit: int | None) -> None:
        command = [sys.executable, __file__, "--worker", system, kind, str(root)]
        if limit:
            command += ["--limit", str(limit)]
        self.system = system
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        ready = self._read()
        self.label, self.docs = ready["ready"], ready["docs"]
        self.passes: list[dict] = []

    def _read(self) -> dict:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            code = self.process.wait()
            raise SystemExit(f"speed: the {self.system} worker stopped (exit {code})")
        return json.loads(line)

    def timed_pass(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("pass\n")
        self.process.stdin.flush()
        self.passes.append(self._read())

    def finish(self, kind: str) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        peak = self._read()["peak_mib"]
        self.process.wait()
        best = min(p["seconds"] for p in self.passes)
        best_cpu = min(p["cpu_seconds"] for p in self.passes)
        return {
            "system": self.system,
            "set": kind,
            "pipeline": self.label,
            "docs": self.docs,
            "seconds": round(best, 3),
            "cpu_seconds": round(best_cpu, 3),
            "docs_per_s": round(self.docs / best, 2),
            "docs_per_cpu_s": round(self.docs / best_cpu, 2),
            "pass_seconds": [round(p["seconds"], 3) for p in self.passes],
            "peak_mib": peak,
            "items": self.passes[-1]["items"],
        }


def _measure(kind: str, root: Path, limit: int | None, rounds: int) -> list[dict]:
    """Interleave the systems' passes round by round; return one result per system."""
    workers = [_Worker(system, kind, root, limit) for system in SYSTEMS]
    for round_no in range(rounds):
        shift = round_no % len(workers)
        for worker in workers[shift:] + workers[:shift]:
            worker.timed_pass()
        print(f"  {kind}: round {round_no + 1} of {rounds} done", file=sys.stderr)
    return [worker.finish(kind) for worker in workers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, nargs="?", help="polnear-dev folder (text/*.txt)")
    parser.add_argument("aeb", type=Path, nargs="?", help="aeb-dev folder (html/*.html.gz)")
    parser.add_argument("--limit", type=int, default=None, help="documents per set (default all)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of timed passes; each system's best is kept"
    )
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--worker", nargs=3, metavar=("SYSTEM", "SET", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        system, kind, root = args.worker
        _worker(system, kind, Path(root), args.limit)
        return
    if args.polnear is None or args.aeb is None:
        parser.error("give the polnear-dev and aeb-dev folders")
    results: list[dict] = []
    for kind, root in (("polnear", args.polnear), ("aeb", args.aeb)):
        results += _measure(kind, root, args.limit, max(1, args.repeat))
    _print_table(results)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


def _print_table(results: list[dict]) -> None:
    header = (
        f"{'set':8} {'system':18} {'docs':>5} {'wall s':>7} {'docs/s':>7} {'x peer':>7} "
        f"{'cpu s':>7} {'docs/cpu-s':>10} {'x peer':>7} {'peak MiB':>9} {'items':>6}  rounds x"
    )
    print(header)
    print("-" * len(header))
    for kind in SETS:
        rows = [r for r in results if r["set"] == kind]
        peer = next((r for r in rows if r["system"] == "peer"), None)
        for row in rows:
            ratio = row["docs_per_s"] / peer["docs_per_s"] if peer else float("nan")
            cpu_ratio = row["docs_per_cpu_s"] / peer["docs_per_cpu_s"] if peer else float("nan")
            rounds = ""
            if peer and row is not peer:
                per_round = [
                    p / s for s, p in zip(row["pass_seconds"], peer["pass_seconds"], strict=True)
                ]
                rounds = " ".join(f"{r:.1f}" for r in per_round)
                rounds += f" (median {statistics.median(per_round):.1f})"
            print(
                f"{kind:8} {row['system']:18} {row['docs']:>5} {row['seconds']:>7.2f} "
                f"{row['docs_per_s']:>7.2f} {ratio:>7.2f} {row['cpu_seconds']:>7.2f} "
                f"{row['docs_per_cpu_s']:>10.2f} {cpu_ratio:>7.2f} {row['peak_mib']:>9.1f} "
                f"{row['items']:>6}  {rounds}"
            )
    print("pipelines: " + "; ".join(sorted({f"{r['system']} = {r['pipeline']}" for r in results})))
    print(
        "items: claims for claimledger, direct quotations for the peer; 'none' = taking apart only"
    )
    print("rounds x: each round's wall-time ratio to the peer's pass of the same round")


if __name__ == "__main__":
    main()
