"""Ledger speed: ingest throughput, query latency on a 1M-claim ledger, size per 1,000 docs.

    .venv/bin/python benchmarks/ledger.py ../shared/corpus [--claims 1000000] [--pg DSN]

1. Analyzes real pages once (the seed, comments-dev, aeb-dev): these are the base records.
2. Ingest throughput of already-analyzed records, one document per transaction as
   `claimledger ingest` writes them, into a fresh SQLite file and (with --pg) a fresh
   PostgreSQL schema; the ratio between the two is printed.
3. Builds a big SQLite ledger by repeating the base records under new ids (sha256 of a
   counter), spread over two years of publication dates, until it holds --claims claims; bulk
   insert, 1,000 documents per transaction, in a temporary directory (never in the repo).
4. Times every documented filter of `claimledger claims` (default --limit 50) with varied
   arguments: median and p95 in ms, against the 200 ms target; plus `speakers` and `show`.
5. Database size per 1,000 documents.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from claimledger.model import Document
from claimledger.pipeline import Options, analyze_page
from claimledger.sources import iter_inputs, read_input
from claimledger.store import ClaimQuery, Ledger, open_ledger

TARGET_MS = 200.0


def base_records(corpus: Path) -> list[Document]:
    args = [
        str(corpus / "seed" / "raqqa-falls.txt"),
        str(corpus / "comments-dev" / "html"),
        str(corpus / "aeb-dev" / "html"),
    ]
    docs = []
    for item in iter_inputs(args):
        if isinstance(item, Exception):
            continue
        try:
            docs.append(analyze_page(read_input(item), Options(published="2017-10-17")))
        except Exception as exc:  # a page that fails is left out of the base set
            print(f"skip {item.uri}: {exc}", file=sys.stderr)
    return docs


def copy_of(doc: Document, n: int, day: date) -> Document:
    """The record again under a new id and uri, published on ``day``."""
    new = Document.from_dict(doc.to_dict())
    new.id = hashlib.sha256(f"{doc.id}:{n}".encode()).hexdigest()
    new.uri = f"{doc.uri}#copy-{n}"
    new.published = day.isoformat()
    return new


def throughput(ledger: Ledger, base: list[Document], count: int) -> float:
    docs = [copy_of(base[i % len(base)], i, date(2017, 1, 1)) for i in range(count)]
    started = time.perf_counter()
    for doc in docs:
        ledger.add(doc)
    return count / (time.perf_counter() - started)


def pg_url(dsn: str) -> tuple[str, str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}", schema


def drop_schema(dsn: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def build_big(ledger: Ledger, base: list[Document], claims_wanted: int) -> tuple[int, int]:
    """Repeat the base records until the ledger holds ``claims_wanted`` claims."""
    ledger.bulk_mode()  # type: ignore[attr-defined]
    start = date(2016, 1, 1)
    n_docs = n_claims = 0
    batch: list[Document] = []
    while n_claims < claims_wanted:
        doc = base[n_docs % len(base)]
        batch.append(copy_of(doc, n_docs, start + timedelta(days=(n_docs * 7) % 730)))
        n_claims += len(doc.claims)
        n_docs += 1
        if len(batch) == 1000:
            ledger.add_many(batch)
            batch = []
            print(f"  {n_docs:,} documents, {n_claims:,} claims", file=sys.stderr, end="\r")
    if batch:
        ledger.add_many(batch)
    print(file=sys.stderr)
    return n_docs, n_claims


def queries(base: list[Document], ledger: Ledger) -> dict[str, list[ClaimQuery]]:
    rng = random.Random(7)
    speakers = [s["name"] for s in ledger.speakers(limit=40)]
    measures = sorted({f.measure for d in base for f in d.figures if f.measure})
    words = sorted(
        {
            w
            for d in base
            for k in d.claims
            for w in d.slice(k.span).split()
            if w.isalpha() and len(w) > 5
        }
    )
    days = [date(2016, 1, 1) + timedelta(days=rng.randrange(700)) for _ in range(20)]
    return {
        "--speaker": [ClaimQuery(speaker=rng.choice(speakers)) for _ in range(20)],
        "--measure": [ClaimQuery(measure=rng.choice(measures)) for _ in range(20)],
        "--search": [ClaimQuery(search=rng.choice(words)) for _ in range(20)],
        "--search (2 words)": [
            ClaimQuery(search=f"{rng.choice(words)} {rng.choice(words)}") for _ in range(20)
        ],
        "--origin": [
            ClaimQuery(origin=o) for o in ("article", "comment", "caption") for _ in range(7)
        ],
        "--since": [ClaimQuery(since=d.isoformat()) for d in days],
        "--until": [ClaimQuery(until=d.isoformat()) for d in days],
        "--since --until (30 days)": [
            ClaimQuery(since=d.isoformat(), until=(d + timedelta(days=30)).isoformat())
            for d in days
        ],
        "--min-check-worthy": [
            ClaimQuery(min_check_worthy=round(rng.uniform(0.3, 0.95), 2)) for _ in range(20)
        ],
        "--speaker --measure": [
            ClaimQuery(speaker=rng.choice(speakers), measure=rng.choice(measures))
            for _ in range(20)
        ],
        "--origin comment --min-check-worthy 0.7": [
            ClaimQuery(origin="comment", min_check_worthy=0.7) for _ in range(20)
        ],
        "(no filter)": [ClaimQuery() for _ in range(20)],
    }


def timed(fn, reps: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - started) * 1000 / reps


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--throughput-docs", type=int, default=500)
    ap.add_argument("--pg", default=os.environ.get("CLAIMLEDGER_TEST_PG"))
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    base = [d for d in base_records(args.corpus) if d.claims]
    total = sum(len(d.claims) for d in base)
    print(
        f"base: {len(base)} real records with claims, {total} claims "
        f"(analyzed in {time.perf_counter() - t0:.0f} s)"
    )

    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        sq = open_ledger(str(Path(tmp) / "throughput.db"))
        sq_rate = throughput(sq, base, args.throughput_docs)
        sq.close()
        print(
            f"ingest throughput, SQLite: {sq_rate:,.0f} docs/s "
            f"({args.throughput_docs} docs, one transaction each)"
        )
        if args.pg:
            url, schema = pg_url(args.pg)
            try:
                pg = open_ledger(url)
                pg_rate = throughput(pg, base, args.throughput_docs)
                pg.close()
            finally:
                drop_schema(args.pg, schema)
            print(
                f"ingest throughput, PostgreSQL: {pg_rate:,.0f} docs/s "
                f"(SQLite/PostgreSQL = {sq_rate / pg_rate:.2f})"
            )

        path = Path(tmp) / "big.db"
        big = open_ledger(str(path))
        t0 = time.perf_counter()
        n_docs, n_claims = build_big(big, base, args.claims)
        build_s = time.perf_counter() - t0
        big.close()
        big = open_ledger(str(path))
        big.analyze()  # type: ignore[attr-defined]
        size = sum(p.stat().st_size for p in Path(tmp).glob("big.db*"))
        counts = big.counts()
        print(
            f"big ledger: {counts['documents']:,} documents, {counts['claims']:,} claims, "
            f"{counts['figures']:,} figures, {counts['speakers']:,} speakers; "
            f"built in {build_s:.0f} s ({n_docs / build_s:,.0f} docs/s in bulk)"
        )
        print(
            f"database size: {size / 1e6:,.0f} MB = "
            f"{size / n_docs * 1000 / 1e6:.1f} MB per 1,000 documents"
        )

        print(f"\nquery latency on {n_claims:,} claims (SQLite, limit 50, warm cache):")
        print(f"{'filter':42} {'median ms':>10} {'p95 ms':>8} {'rows':>6}  under 200 ms")
        all_ok = True
        for name, qs in queries(base, big).items():
            big.claims(qs[0])  # warm
            times, rows = [], 0
            for q in qs:
                started = time.perf_counter()
                rows += len(big.claims(q))
                times.append((time.perf_counter() - started) * 1000)
            ok = p95(times) < TARGET_MS
            all_ok &= ok
            print(
                f"{name:42} {statistics.median(times):10.1f} {p95(times):8.1f} "
                f"{rows // len(qs):6}  {'yes' if ok else 'NO'}"
            )
        sp = [timed(lambda: big.speakers(limit=50)) for _ in range(10)]
        print(f"{'speakers (top 50)':42} {statistics.median(sp):10.1f} {p95(sp):8.1f}")
        some = [r["id"] for r in big.rows("documents")][:: max(1, n_docs // 20)][:20]
        sh = [timed(lambda d=d: big.document(d[:10])) for d in some]
        print(f"{'show DOC (id prefix)':42} {statistics.median(sh):10.1f} {p95(sh):8.1f}")
        big.close()
        print(f"\nevery documented filter p95 < {TARGET_MS:.0f} ms: {'yes' if all_ok else 'NO'}")


if __name__ == "__main__":
    main()
