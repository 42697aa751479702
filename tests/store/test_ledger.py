"""The ledger on both back ends: storing real records, idempotency, versions, queries."""

from __future__ import annotations

from pathlib import Path

from claimledger.store import ClaimQuery, Ledger
from tests.conftest import assert_spans_ok
from tests.store.helpers import analyze_path, retarget, seed_record, sohr_only_record


def test_real_pages_stored_once_each(ledger: Ledger, corpus: Path) -> None:
    docs = analyze_path(corpus / "comments-dev" / "html")
    docs += analyze_path(corpus / "seed" / "raqqa-falls.txt")
    assert [ledger.add(d) for d in docs] == ["new"] * len(docs)
    assert [ledger.add(d) for d in docs] == ["present"] * len(docs)
    counts = ledger.counts()
    assert counts["documents"] == len(docs)
    assert counts["comments"] == sum(len(d.comments) for d in docs)
    assert counts["sections"] == sum(len(d.sections) for d in docs)
    assert counts["claims"] == sum(len(d.claims) for d in docs)
    assert counts["figures"] == sum(len(d.figures) for d in docs)
    assert counts["entities"] == sum(len(d.entities) for d in docs)
    for d in docs:
        stored, facts = ledger.document(d.id[:12]) or (None, None)
        assert stored is not None and stored.to_dict() == d.to_dict()
        assert_spans_ok(stored)
        assert facts["uri"] == d.uri


def test_changed_bytes_under_same_uri_is_a_linked_version(ledger: Ledger, corpus: Path) -> None:
    seed = seed_record(corpus)
    newer = retarget(seed, "0" * 63 + "1")
    assert ledger.add(seed) == "new"
    assert ledger.add(newer) == "version"
    found = ledger.document(seed.uri)
    assert found is not None
    doc, facts = found
    assert doc.id == newer.id and facts["version_of"] == seed.id
    _, old_facts = ledger.document(seed.id) or (None, {})
    assert old_facts["newer_versions"] == [newer.id]


def test_speaker_merged_across_documents(ledger: Ledger, corpus: Path) -> None:
    seed = seed_record(corpus)
    copy = sohr_only_record(seed)
    ledger.add(copy)  # "SOHR" alone first, then the written-out name with its alias
    ledger.add(seed)
    by_acronym = ledger.claims(ClaimQuery(speaker="SOHR"))
    by_name = ledger.claims(ClaimQuery(speaker="Syrian Observatory for Human Rights"))
    assert by_acronym == by_name
    assert {r["doc_id"] for r in by_name} == {seed.id, copy.id}
    per_doc = [r for r in by_name if r["doc_id"] == seed.id]
    assert len(per_doc) == 2
    assert {r["speaker"] for r in by_name} == {"Syrian Observatory for Human Rights"}
    killed = next(r for r in per_doc if r["figures"])
    assert [f["text"] for f in killed["figures"]] == ["3,250", "1,130"]
    assert {f["measure"] for f in killed["figures"]} == {"killed"}
    # Newest published first.
    assert by_name[0]["doc_id"] == copy.id
    top = ledger.speakers(limit=3)
    sohr = next(s for s in top if s["name"] == "Syrian Observatory for Human Rights")
    assert sohr["claims"] == 4 and sohr["documents"] == 2
    assert "SOHR" in sohr["aliases"]
    assert sohr["measures"][0] == {"measure": "killed", "figures": 4}


def test_unnamed_speakers_and_pronouns_do_not_merge(ledger: Ledger, corpus: Path) -> None:
    seed = seed_record(corpus)
    ledger.add(seed)
    ledger.add(sohr_only_record(seed))
    witnesses = ledger.claims(ClaimQuery(speaker="a witness"))
    assert len(witnesses) == 2
    assert len({r["speaker_id"] for r in witnesses}) == 2
    assert ledger.claims(ClaimQuery(speaker="he")) == []


def test_filters(ledger: Ledger, corpus: Path) -> None:
    seed = seed_record(corpus)
    ledger.add(seed)
    n = len(seed.claims)
    assert len(ledger.claims(ClaimQuery(limit=None))) == n
    killed = ledger.claims(ClaimQuery(measure="killed"))
    assert [r["text"] for r in killed] == [
        seed.slice(k.span) for k in seed.claims if "3,250" in seed.slice(k.span)
    ]
    found = ledger.claims(ClaimQuery(search="booby traps"))
    assert len(found) == 1 and "booby traps" in found[0]["text"]
    assert ledger.claims(ClaimQuery(search="deliberate"))  # stemmed: deliberately
    comments = ledger.claims(ClaimQuery(origin="comment", limit=None))
    assert comments and all(r["origin"] == "comment" for r in comments)
    assert len(comments) == sum(k.origin == "comment" for k in seed.claims)
    assert len(ledger.claims(ClaimQuery(since="2017-10-17", until="2017-10-17", limit=None))) == n
    assert ledger.claims(ClaimQuery(since="2017-10-18")) == []
    assert ledger.claims(ClaimQuery(until="2017-10-16")) == []
    worthy = ledger.claims(ClaimQuery(min_check_worthy=0.8, limit=None))
    assert worthy and all(r["check_worthy"] >= 0.8 for r in worthy)
    assert len(ledger.claims(ClaimQuery(limit=3))) == 3
    assert ledger.claims(ClaimQuery(speaker="Nobody Atall")) == []
    both = ledger.claims(ClaimQuery(speaker="Lavrov", origin="comment", search="deliberate"))
    assert {r["speaker"] for r in both} == {"Sergei Lavrov"} and len(both) == 2
    assert len(ledger.claims(ClaimQuery(document=seed.id[:8], limit=None))) == n


def test_runs_and_failures(ledger: Ledger) -> None:
    run = ledger.start_run(["a.html", "b.html"])
    ledger.add_failure(run, "b.html", "CL002", "the input is empty")
    ledger.finish_run(run, new=1, present=0, failed=1)
    (failure,) = ledger.failures()
    assert failure["uri"] == "b.html" and failure["code"] == "CL002" and failure["run_id"] == run
    (r,) = ledger.runs()
    assert r["status"] == "finished" and r["failed"] == 1
