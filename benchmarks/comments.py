"""Comment-tree accuracy on comments-dev, scored exactly as its README says, plus speed.

Usage:
    .venv/bin/python benchmarks/comments.py DATA_PATH [--aeb AEB_PATH] [--records FILE.jsonl]

DATA_PATH is the comments-dev folder (holding html/ and gold/). The script runs claimledger on
every html/*.html page (or reads records from --records, one JSON object per line), then reports
comment-count accuracy over pages (no-comment pages broken out), recall, precision, author
accuracy, tree accuracy and reply accuracy, and a per-page table.

With --as-text, each page is first rendered to plain text (inscriptis, as a copied page would
read) and the plain-text reader is scored the same way instead.

Speed: the comment extractor's time per page against trafilatura.extract's on the same parsed
pages (the peer run in this script); with --aeb, also over the aeb-dev news pages, listing
pages where comments were found (to look for false positives).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any


def norm(text: str | None) -> str:
    """NFC, every whitespace run one space, trimmed (the README's normalisation)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def score_page(gold: dict[str, Any], record: dict[str, Any] | None) -> dict[str, Any]:
    """Match gold comments to predicted ones in document order and count what is right."""
    gold_comments = gold["comments"]
    predicted = record["comments"] if record else []
    text = record["text"] if record else ""
    pred_text = [norm(text[c["span"][0] : c["span"][1]]) for c in predicted]
    used: set[int] = set()
    match: dict[str, int] = {}  # gold id -> predicted index
    last = -1
    for g in gold_comments:
        starts = norm(g["starts"])
        candidates = [i for i, t in enumerate(pred_text) if i not in used and t.startswith(starts)]
        if not candidates:
            continue
        after = [i for i in candidates if i > last]
        chosen = after[0] if after else candidates[0]
        used.add(chosen)
        match[g["id"]] = chosen
        last = chosen
    authors = parents = replies = replies_right = 0
    for g in gold_comments:
        i = match.get(g["id"])
        p = predicted[i] if i is not None else None
        if p is not None and norm(p.get("author")).casefold() == norm(g["author"]).casefold():
            authors += 1
        parent_right = False
        if p is not None:
            if g["parent"] is None:
                parent_right = p.get("parent") is None
            else:
                gp = match.get(g["parent"])
                parent_right = gp is not None and p.get("parent") == predicted[gp]["id"]
        parents += parent_right
        if g["parent"] is not None:
            replies += 1
            replies_right += parent_right
    return {
        "gold": len(gold_comments),
        "predicted": len(predicted),
        "found": len(match),
        "count_right": record is not None and len(predicted) == len(gold_comments),
        "authors": authors,
        "parents": parents,
        "replies": replies,
        "replies_right": replies_right,
        "has_record": record is not None,
    }


def run_claimledger(pages: list[Path]) -> dict[str, dict[str, Any]]:
    from claimledger.pipeline import analyze_bytes

    records = {}
    for page in pages:
        doc = analyze_bytes(page.read_bytes(), uri=str(page), media_type="text/html")
        records[page.name.removesuffix(".html")] = doc.to_dict()
    return records


def run_on_scraped_text(pages: list[Path]) -> dict[str, dict[str, Any]]:
    """The pages as a reader who copies a page's text would have them: each rendered to plain
    text by inscriptis (a layout-keeping HTML-to-text renderer: indentation, list bullets and
    numbering kept), then read by claimledger's plain-text reader."""
    from inscriptis import get_text

    from claimledger.pipeline import analyze_bytes

    records = {}
    for page in pages:
        text = get_text(page.read_bytes().decode("utf-8", "replace"))
        doc = analyze_bytes(text.encode("utf-8"), uri=str(page), media_type="text/plain")
        records[page.name.removesuffix(".html")] = doc.to_dict()
    return records


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            name = Path(rec.get("uri", "")).name
            if name.endswith(".html"):
                records[name.removesuffix(".html")] = rec
    return records


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def report(data: Path, records: dict[str, dict[str, Any]]) -> None:
    rows = []
    for gold_file in sorted((data / "gold").glob("*.json")):
        name = gold_file.stem
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        rows.append((name, score_page(gold, records.get(name))))
    print(
        f"{'page':28} {'gold':>4} {'pred':>4} {'found':>5} {'author':>6} {'tree':>4} "
        f"{'reply':>7} count"
    )
    for name, r in rows:
        print(
            f"{name:28} {r['gold']:4} {r['predicted']:4} {r['found']:5} {r['authors']:6} "
            f"{r['parents']:4} {r['replies_right']:3}/{r['replies']:<3} "
            f"{'ok' if r['count_right'] else 'WRONG'}"
        )
    total = {k: sum(r[k] for _, r in rows) for k in rows[0][1] if k != "has_record"}
    with_comments = [r for _, r in rows if r["gold"]]
    without = [r for _, r in rows if not r["gold"]]
    print()
    print(
        "count accuracy (all pages)        ",
        ratio(sum(r["count_right"] for _, r in rows), len(rows)),
    )
    print(
        "count accuracy (pages w/ comments)",
        ratio(sum(r["count_right"] for r in with_comments), len(with_comments)),
    )
    print(
        "count accuracy (no-comment pages) ",
        ratio(sum(r["count_right"] for r in without), len(without)),
    )
    print("recall                            ", ratio(total["found"], total["gold"]))
    print("precision                         ", ratio(total["found"], total["predicted"]))
    print("author accuracy                   ", ratio(total["authors"], total["gold"]))
    print("tree accuracy                     ", ratio(total["parents"], total["gold"]))
    print("reply accuracy                    ", ratio(total["replies_right"], total["replies"]))


def speed(pages: list[tuple[str, str]], label: str, show_found: bool) -> None:
    """Comment extractor vs trafilatura.extract, per page, on the same markup."""
    import trafilatura
    from lxml import html as lxml_html

    from claimledger.extract.html import parse_html
    from claimledger.extract.html.comments import extract_comments

    ours = peer = 0.0
    found_pages = []
    for name, markup in pages:
        tree = parse_html(markup, name)
        started = time.perf_counter()
        parts = extract_comments(tree)
        ours += time.perf_counter() - started
        peer_tree = lxml_html.document_fromstring(markup)
        started = time.perf_counter()
        trafilatura.extract(peer_tree)
        peer += time.perf_counter() - started
        if parts.comments or parts.declared_count is not None:
            found_pages.append((name, parts))
    n = len(pages)
    print(
        f"\nspeed on {label} ({n} pages): extract_comments {ours / n * 1000:.2f} ms/page, "
        f"trafilatura.extract {peer / n * 1000:.2f} ms/page, ratio {ours / peer:.3f}"
    )
    if show_found:
        for name, parts in found_pages:
            print(
                f"  {name}: {len(parts.comments)} comments, system={parts.system}, "
                f"declared={parts.declared_count}"
            )
            for c in parts.comments[:3]:
                print(f"     {c.author!r} {c.published!r} | {' / '.join(c.paragraphs)[:80]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("data", type=Path, help="the comments-dev folder")
    ap.add_argument(
        "--records", type=Path, help="score these JSON Lines records instead of running"
    )
    ap.add_argument("--aeb", type=Path, help="aeb-dev folder: speed and false-positive look")
    ap.add_argument(
        "--as-text",
        action="store_true",
        help="score the plain-text reader: each page rendered to text (inscriptis) first",
    )
    args = ap.parse_args(argv)
    pages = sorted((args.data / "html").glob("*.html"))
    if args.as_text:
        report(args.data, run_on_scraped_text(pages))
        return 0
    records = read_records(args.records) if args.records else run_claimledger(pages)
    report(args.data, records)
    speed(
        [(p.name, p.read_bytes().decode("utf-8", "replace")) for p in pages], "comments-dev", False
    )
    if args.aeb:
        aeb = [
            (p.name, gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))
            for p in sorted((args.aeb / "html").glob("*.html.gz"))
        ]
        speed(aeb, "aeb-dev", True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
