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
itself). Each system runs in its own subprocess, so peak memory (``ru_maxrss``) is its own;
loading (imports, model) is done before the clock starts and a first document is run once to
warm caches. Time is wall time over the whole set, repeated ``--repeat`` times, best kept
(the machine is shared); CPU time of the worker process is reported beside wall time, as it
is less disturbed by other work on a shared machine. ``claimledger none`` (taking the page
apart, no language work) shows what the extraction alone costs. Targets: rules-only >= 10x
the peer's docs/s; model >= 2x.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
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


def _worker(system: str, kind: str, root: Path, limit: int | None, repeat: int) -> dict:
    """Run one system over one set in this process; report time and peak memory."""
    inputs = _inputs(kind, root, limit)
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

        label = name
    else:
        import spacy
        import textacy.extract
        import trafilatura

        from claimledger.nlp.pipeline import PREFERRED_MODELS, installed_models

        model = (installed_models() or list(PREFERRED_MODELS))[0]
        nlp = spacy.load(model)
        inputs = [
            (uri, gzip.decompress(data) if uri.endswith(".gz") else data) for uri, data in inputs
        ]

        def run(uri: str, data: bytes) -> int:
            if uri.endswith(".html.gz"):
                text = trafilatura.extract(data.decode("utf-8", "replace")) or ""
            else:
                text = data.decode("utf-8")
            doc = nlp(text)
            try:
                return len(list(textacy.extract.triples.direct_quotations(doc)))
            except ValueError:  # textacy bails out on unbalanced quotation marks
                return 0

        label = f"trafilatura + {model} (full) + textacy direct_quotations"
    run(*inputs[0])  # warm caches
    best = best_cpu = float("inf")
    found = 0
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = sum(run(uri, data) for uri, data in inputs)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "system": system,
        "set": kind,
        "pipeline": label,
        "docs": len(inputs),
        "seconds": round(best, 3),
        "cpu_seconds": round(best_cpu, 3),
        "docs_per_s": round(len(inputs) / best, 2),
        "docs_per_cpu_s": round(len(inputs) / best_cpu, 2),
        "peak_mib": round(peak_kib / 1024, 1),
        "items": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, nargs="?", help="polnear-dev folder (text/*.txt)")
    parser.add_argument("aeb", type=Path, nargs="?", help="aeb-dev folder (html/*.html.gz)")
    parser.add_argument("--limit", type=int, default=None, help="documents per set (default all)")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; the best is kept")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--worker", nargs=3, metavar=("SYSTEM", "SET", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        system, kind, root = args.worker
        print(json.dumps(_worker(system, kind, Path(root), args.limit, args.repeat)))
        return
    if args.polnear is None or args.aeb is None:
        parser.error("give the polnear-dev and aeb-dev folders")
    results: list[dict] = []
    for kind, root in (("polnear", args.polnear), ("aeb", args.aeb)):
        for system in SYSTEMS:
            command = [sys.executable, __file__, "--worker", system, kind, str(root)]
            command += ["--repeat", str(args.repeat)]
            if args.limit:
                command += ["--limit", str(args.limit)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"  done: {kind} / {system}", file=sys.stderr)
    _print_table(results)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


def _print_table(results: list[dict]) -> None:
    header = (
        f"{'set':8} {'system':18} {'docs':>5} {'wall s':>7} {'docs/s':>7} {'x peer':>7} "
        f"{'cpu s':>7} {'docs/cpu-s':>10} {'x peer':>7} {'peak MiB':>9} {'items':>6}"
    )
    print(header)
    print("-" * len(header))
    for kind in SETS:
        rows = [r for r in results if r["set"] == kind]
        peer = next((r for r in rows if r["system"] == "peer"), None)
        for row in rows:
            ratio = row["docs_per_s"] / peer["docs_per_s"] if peer else float("nan")
            cpu_ratio = row["docs_per_cpu_s"] / peer["docs_per_cpu_s"] if peer else float("nan")
            print(
                f"{kind:8} {row['system']:18} {row['docs']:>5} {row['seconds']:>7.2f} "
                f"{row['docs_per_s']:>7.2f} {ratio:>7.2f} {row['cpu_seconds']:>7.2f} "
                f"{row['docs_per_cpu_s']:>10.2f} {cpu_ratio:>7.2f} {row['peak_mib']:>9.1f} "
                f"{row['items']:>6}"
            )
    print("pipelines: " + "; ".join(sorted({f"{r['system']} = {r['pipeline']}" for r in results})))
    print(
        "items: claims for claimledger, direct quotations for the peer; 'none' = taking apart only"
    )


if __name__ == "__main__":
    main()
