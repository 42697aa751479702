"""Figure extraction on figures-dev, scored as its README says, against quantulum3 as the peer.

Usage::

    .venv/bin/python benchmarks/figures.py /work/shared/corpus/figures-dev [--records R.jsonl]
        [--details]

Without ``--records`` the claimledger figure reader runs on every snippet in process (the same
function the pipeline calls on plain text, so offsets line up). With ``--records`` a JSONL of
``claimledger analyze`` records is scored instead (one record per snippet, matched by the
basename of its ``uri``). quantulum3 (``quantulum3.parser.parse``) runs on the same snippets;
its measure is derived from its unit's entity where that is meaningful (time → duration,
length → distance, area → area, currency → money; counts carry no measure).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REL = 1e-9
SYNONYMS = {
    "policemen": "police", "police officers": "police", "troops": "soldiers",
    "servicemen": "soldiers", "rebels": "militants", "insurgents": "militants",
    "terrorists": "militants", "jihadists": "militants", "fighters": "militants",
    "demonstrators": "protesters", "persons": "people", "individuals": "people",
    "kids": "children", "minors": "children",
}  # fmt: skip


def load(path: Path) -> list[dict[str, Any]]:
    with open(path / "snippets.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL * max(abs(a), abs(b), 1.0)


def singular(word: str) -> str:
    if word in ("people", "police"):
        return word
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def norm_subject(subject: str | None) -> str | None:
    if subject is None:
        return None
    text = subject.lower().strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article) :]
    if text in SYNONYMS:
        return SYNONYMS[text]
    words = text.split()
    if not words:
        return None
    last = words[-1]
    return SYNONYMS.get(last, singular(last))


def span_of(fig: dict[str, Any]) -> tuple[int, int]:
    if "span" in fig and fig["span"] is not None:
        return int(fig["span"][0]), int(fig["span"][1])
    return int(fig["start"]), int(fig["end"])


def values_agree(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if gold["value"] is not None:
        value = pred.get("value")
        if (
            value is None
            and pred.get("low") is not None
            and same(pred.get("low"), pred.get("high"))
        ):
            value = pred["low"]
        return value is not None and same(value, gold["value"])
    return same(pred.get("low"), gold["low"]) and same(pred.get("high"), gold["high"])


def match(
    preds: list[dict[str, Any]], golds: list[dict[str, Any]]
) -> tuple[dict[int, int], set[int]]:
    """One-to-one pairs (gold index → pred index) and the ignored predictions (on optionals)."""
    candidates = []
    for gi, gold in enumerate(golds):
        if gold.get("optional"):
            continue
        gs, ge = span_of(gold)
        for pi, pred in enumerate(preds):
            ps, pe = span_of(pred)
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and values_agree(pred, gold):
                candidates.append((-overlap, abs(ps - gs), gi, pi))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in candidates:
        if gi in pairs or pi in used:
            continue
        pairs[gi] = pi
        used.add(pi)
    ignored: set[int] = set()
    for pi, pred in enumerate(preds):
        if pi in used:
            continue
        ps, pe = span_of(pred)
        for gold in golds:
            gs, ge = span_of(gold)
            if gold.get("optional") and min(ge, pe) > max(gs, ps):
                ignored.add(pi)
                break
    return pairs, ignored


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    snippets: list[dict[str, Any]], predictions: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    tally: Counter[str] = Counter()
    per_measure: Counter[str] = Counter()
    per_measure_hit: Counter[str] = Counter()
    trap_pred = trap_fp = 0
    misses: list[str] = []
    for snip in snippets:
        golds = snip["figures"]
        preds = predictions.get(snip["id"], [])
        if snip["trap"]:
            trap_pred += len(preds)
            trap_fp += len(preds)
        pairs, ignored = match(preds, golds)
        required = [g for g in golds if not g.get("optional")]
        tally["gold"] += len(required)
        tally["pred"] += len(preds) - len(ignored)
        for gi, gold in enumerate(golds):
            if gold.get("optional"):
                continue
            per_measure[gold["measure"]] += 1
            if gi not in pairs:
                misses.append(f"{snip['id']} MISS {gold['text']!r} {gold['measure']}")
                continue
            pred = preds[pairs[gi]]
            tally["value"] += 1
            measure_ok = pred.get("measure") == gold["measure"]
            if measure_ok:
                tally["measure"] += 1
                per_measure_hit[gold["measure"]] += 1
                gold_subject = norm_subject(gold["subject"])
                if gold_subject is None or norm_subject(pred.get("subject")) == gold_subject:
                    tally["subject"] += 1
                else:
                    misses.append(
                        f"{snip['id']} SUBJ {gold['text']!r} {pred.get('subject')!r} "
                        f"≠ {gold['subject']!r}"
                    )
            else:
                misses.append(
                    f"{snip['id']} MEAS {gold['text']!r} {pred.get('measure')} ≠ {gold['measure']}"
                )
            if pred.get("qualifier") == gold["qualifier"]:
                tally["qualifier"] += 1
            else:
                misses.append(
                    f"{snip['id']} QUAL {gold['text']!r} {pred.get('qualifier')} "
                    f"≠ {gold['qualifier']}"
                )
            if pred.get("unit") == gold["unit"]:
                tally["unit"] += 1
            gold_parent = gold["part_of"]
            pred_parent = pred.get("part_of")
            if isinstance(pred_parent, str):  # a record: part_of holds a figure id
                ids = [p.get("id") for p in preds]
                pred_parent = ids.index(pred_parent) if pred_parent in ids else None
            if gold_parent is not None:
                tally["gold_links"] += 1
            if gold_parent is None and pred_parent is None:
                tally["part_of"] += 1
            elif gold_parent is not None and pairs.get(gold_parent) == pred_parent is not None:
                tally["part_of"] += 1
                tally["gold_links_right"] += 1
        matched = set(pairs.values())
        for pi, pred in enumerate(preds):
            if pi not in matched and pi not in ignored and not snip["trap"]:
                misses.append(f"{snip['id']} FP {pred.get('text')!r} {pred.get('measure')}")
    out: dict[str, Any] = {}
    for key in ("value", "measure", "subject"):
        out[key] = prf(tally[key], tally["pred"], tally["gold"])
    matched = tally["value"]
    out["qualifier_acc"] = tally["qualifier"] / matched if matched else 0.0
    out["part_of_acc"] = tally["part_of"] / matched if matched else 0.0
    out["gold_links"] = (tally["gold_links_right"], tally["gold_links"])
    out["unit_acc"] = tally["unit"] / matched if matched else 0.0
    out["trap"] = (trap_pred, trap_fp, (trap_pred - trap_fp) / trap_pred if trap_pred else None)
    out["counts"] = dict(tally)
    out["recall_by_measure"] = {
        m: (per_measure_hit[m], per_measure[m])
        for m in sorted(per_measure, key=lambda k: -per_measure[k])
    }
    out["misses"] = misses
    return out


def run_claimledger(
    snippets: list[dict[str, Any]],
) -> tuple[dict[str, list[dict[str, Any]]], float]:
    from claimledger.nlp.figures import find_figures

    found: dict[str, list[dict[str, Any]]] = {}
    began = time.perf_counter()
    for snip in snippets:
        drafts = find_figures(snip["text"])
        found[snip["id"]] = [
            {
                "span": list(d.span),
                "text": d.text,
                "value": d.value,
                "low": d.low,
                "high": d.high,
                "unit": d.unit,
                "measure": d.measure,
                "subject": d.subject,
                "qualifier": d.qualifier,
                "part_of": d.part_of,
            }
            for d in drafts
        ]
    return found, time.perf_counter() - began


def read_records(path: Path, snippets: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Records of ``claimledger analyze --jsonl``; offsets realigned if a text differs."""
    texts = {s["id"]: s["text"] for s in snippets}
    found: dict[str, list[dict[str, Any]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            sid = os.path.splitext(os.path.basename(record.get("uri", "")))[0]
            if sid not in texts:
                continue
            figures = record.get("figures", [])
            if record.get("text") != texts[sid]:
                figures = realign(record.get("text", ""), texts[sid], figures)
            found[sid] = figures
    return found


def realign(source: str, target: str, figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    mapping: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            mapping[a + k] = b + k
    out = []
    for fig in figures:
        start, end = span_of(fig)
        if start in mapping and end in mapping:
            out.append({**fig, "span": [mapping[start], mapping[end]]})
    return out


QUANTULUM_MEASURE = {"time": "duration", "length": "distance", "area": "area", "currency": "money"}


def run_quantulum(
    snippets: list[dict[str, Any]],
) -> tuple[dict[str, list[dict[str, Any]]], float] | None:
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return None
    # The classifier pickled in quantulum3 0.10 does not load with current scikit-learn;
    # its documented rule-based disambiguation is used instead.
    classifier.USE_CLF = False
    parser.parse("warm up 5 km")
    found: dict[str, list[dict[str, Any]]] = {}
    began = time.perf_counter()
    for snip in snippets:
        rows = []
        for q in parser.parse(snip["text"]):
            value = q.value * 12 if q.unit.name == "dozen" else q.value
            entity = q.unit.entity.name
            rows.append(
                {
                    "span": list(q.span),
                    "text": q.surface,
                    "value": value,
                    "low": value,
                    "high": value,
                    "unit": q.unit.name,
                    "measure": QUANTULUM_MEASURE.get(entity),
                    "subject": None,
                    "qualifier": "exact",
                    "part_of": None,
                }
            )
        found[snip["id"]] = rows
    return found, time.perf_counter() - began


def table(name: str, result: dict[str, Any], seconds: float | None) -> list[str]:
    def f(t: tuple[float, float, float]) -> str:
        return f"{t[0]:.3f} / {t[1]:.3f} / {t[2]:.3f}"

    trap_pred, trap_fp, trap_p = result["trap"]
    links_right, links = result["gold_links"]
    return [
        f"## {name}",
        f"  value                    P/R/F1  {f(result['value'])}",
        f"  value+measure            P/R/F1  {f(result['measure'])}",
        f"  value+measure+subject    P/R/F1  {f(result['subject'])}",
        f"  qualifier accuracy (matched)     {result['qualifier_acc']:.3f}",
        f"  part_of accuracy (matched)       {result['part_of_acc']:.3f}"
        f"   gold links right {links_right}/{links}",
        f"  unit agreement (matched, info)   {result['unit_acc']:.3f}",
        f"  traps: predicted {trap_pred}, false {trap_fp}, precision {trap_p}",
        "  recall by measure: "
        + ", ".join(f"{m} {h}/{n}" for m, (h, n) in result["recall_by_measure"].items()),
        f"  counts {result['counts']}" + (f"   time {seconds * 1000:.1f} ms" if seconds else ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="figures-dev directory (snippets.jsonl)")
    parser.add_argument("--records", type=Path, help="score claimledger analyze JSONL instead")
    parser.add_argument("--details", action="store_true", help="list misses and false figures")
    parser.add_argument("--no-peer", action="store_true", help="skip quantulum3")
    args = parser.parse_args()
    snippets = load(args.data)
    print(
        f"figures-dev: {len(snippets)} snippets, "
        f"{sum(1 for s in snippets for g in s['figures'] if not g.get('optional'))} figures"
    )
    if args.records:
        ours, seconds = read_records(args.records, snippets), None
    else:
        ours, seconds = run_claimledger(snippets)
    result = score(snippets, ours)
    print("\n".join(table("claimledger", result, seconds)))
    if args.details:
        print("\n".join("    " + line for line in result["misses"]))
    if not args.no_peer:
        peer = run_quantulum(snippets)
        if peer is None:
            print("## quantulum3: not installed (pip install claimledger[bench])")
        else:
            peer_found, peer_seconds = peer
            peer_result = score(snippets, peer_found)
            print("\n".join(table("quantulum3 (peer)", peer_result, peer_seconds)))
            if seconds:
                print(f"speed: claimledger {seconds / peer_seconds:.3f}× the time of quantulum3")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
