"""Tensions inside one page: what the page says against itself or its own thread.

Only what one record can show is judged here, and conservatively (a false tension costs an
analyst's trust more than a missed one): a comment count that differs from the count the
page declares; two figures for the same duration of the same thing that cannot both be right;
and a figure a commenter asserts that nothing in the report supports. Comparing across pages
is the linker's later work.
"""

from __future__ import annotations

from claimledger.model import Claim, Document, Figure, Tension

# A duration ("the five-month battle") names one fact per subject within a page; counts of
# killed or displaced often belong to different incidents of the same report, so they are
# compared only across pages, where events can be told apart.
_SAME_FACT_MEASURES = frozenset({"duration"})
_ARTICLE_ORIGINS = frozenset({"article", "caption"})


def find_tensions(doc: Document) -> list[Tension]:
    """The page's tensions in a stable order, with ids t1, t2, …"""
    found: list[Tension] = []
    if doc.declared_comment_count is not None and doc.declared_comment_count != len(doc.comments):
        found.append(
            Tension(
                id="",
                kind="count_mismatch",
                note=f"comment count: {doc.declared_comment_count} declared, "
                f"{len(doc.comments)} present",
            )
        )
    claims = {k.id: k for k in doc.claims}
    found += _figure_disagreements(doc, claims)
    found += _unsupported(doc, claims)
    for n, tension in enumerate(found, 1):
        tension.id = f"t{n}"
    return found


def _interval(fig: Figure) -> tuple[float, float] | None:
    low = fig.low if fig.low is not None else fig.value
    high = fig.high if fig.high is not None else fig.value
    if low is None and high is None:
        return None
    return (float(low if low is not None else high), float(high if high is not None else low))


def _disjoint(a: Figure, b: Figure) -> bool:
    ia, ib = _interval(a), _interval(b)
    return ia is not None and ib is not None and (ia[1] < ib[0] or ib[1] < ia[0])


def _who(doc: Document, claim: Claim | None) -> str:
    """Who stands behind a figure: the speaker's canonical name, the report, or a commenter."""
    if claim is None or claim.source is None:
        return "a commenter" if claim is not None and claim.origin == "comment" else "the report"
    names = {e.id: e.name for e in doc.entities}
    return names.get(claim.source.entity or "", claim.source.text)


def _describe(fig: Figure) -> str:
    unit = f" {fig.unit}s" if fig.unit and fig.value != 1 else f" {fig.unit}" if fig.unit else ""
    return f"{fig.text}{unit}" if not unit else f"{fig.value:g}{unit}"


def _figure_disagreements(doc: Document, claims: dict[str, Claim]) -> list[Tension]:
    out: list[Tension] = []
    article = [
        f
        for f in doc.figures
        if f.measure in _SAME_FACT_MEASURES
        and f.subject
        and f.claim in claims
        and claims[f.claim].origin in _ARTICLE_ORIGINS
        and not claims[f.claim].negated
        and not claims[f.claim].future
    ]
    for i, a in enumerate(article):
        for b in article[i + 1 :]:
            if (
                a.claim != b.claim
                and (a.measure, a.subject.lower(), a.unit) == (b.measure, b.subject.lower(), b.unit)
                and _disjoint(a, b)
            ):
                ka, kb = claims[a.claim], claims[b.claim]
                out.append(
                    Tension(
                        id="",
                        kind="figure_disagreement",
                        claims=[ka.id, kb.id],
                        figures=[a.id, b.id],
                        note=f"{a.subject} {a.measure}: {_describe(a)} ({_who(doc, ka)}) vs "
                        f"{_describe(b)} ({_who(doc, kb)})",
                    )
                )
    return out


def _unsupported(doc: Document, claims: dict[str, Claim]) -> list[Tension]:
    """A commenter's own check-worthy count of people that no figure of the report matches."""
    reported = [
        f for f in doc.figures if f.claim in claims and claims[f.claim].origin in _ARTICLE_ORIGINS
    ]
    out: list[Tension] = []
    for claim in doc.claims:
        if claim.origin != "comment" or claim.source is not None or claim.check_worthy < 0.5:
            continue
        for fid in claim.figures:
            fig = next((f for f in doc.figures if f.id == fid), None)
            # counts of people (killed, fighters, displaced …) are what a thread argues over;
            # prices and distances in comments are rarely claims about the report's events
            if fig is None or fig.unit != "person" or fig.measure in (None, "count_other"):
                continue
            if any(r.measure == fig.measure and not _disjoint(r, fig) for r in reported):
                continue
            out.append(
                Tension(
                    id="",
                    kind="unsupported",
                    claims=[claim.id],
                    figures=[fig.id],
                    note=f"{fig.measure}: {fig.text} ({claim.comment or 'a comment'}); "
                    "no figure in the report supports it",
                )
            )
    return out
