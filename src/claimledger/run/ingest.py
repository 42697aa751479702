"""The ingest runner: sources → pages → records → ledger, one document per transaction.

Why it is safe to kill: a document is written in one transaction and keyed by the sha256 of its
bytes, so after a crash (even kill -9) a rerun finds every stored page already present and
skips it before analysis; a page in flight when the process died was either committed whole or
not at all. Why a batch never stops on a bad page: each input's failure is stored with its code
and reason beside the run, and the batch goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from claimledger.errors import ClaimledgerError, E, InputError
from claimledger.pipeline import Options, analyze_page
from claimledger.sources import iter_inputs, read_input
from claimledger.sources.page import Page, RawInput
from claimledger.store import Ledger


@dataclass
class WorkItem:
    """One page to ingest, not read yet (reading may fail: that is a failure of this item)."""

    uri: str
    load: Callable[[], Page]
    published: str | None = None


@dataclass
class IngestSummary:
    run_id: int
    new: int = 0
    versions: int = 0
    present: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.versions

    def to_dict(self) -> dict[str, object]:
        return {
            "run": self.run_id,
            "new": self.new,
            "versions": self.versions,
            "present": self.present,
            "failed": self.failed,
        }


def _is_feed_path(arg: str) -> bool:
    from claimledger.sources.feeds import FEED_SUFFIXES

    return arg.lower().endswith(FEED_SUFFIXES)


def iter_work(
    sources: list[str], options: Options, timeout: float = 20.0
) -> Iterator[WorkItem | InputError]:
    """Expand user sources into work items: files, directories, globs, URLs, WARC archives and
    RSS/Atom feeds (a URL or .rss/.atom/.xml file whose content is a feed)."""
    from claimledger.sources.warc import is_warc_path, iter_warc

    for arg in sources:
        if is_warc_path(arg) and not arg.startswith(("http://", "https://")):
            for got in iter_warc(arg, options.max_bytes):
                if isinstance(got, InputError):
                    yield got
                else:
                    yield WorkItem(got.uri, (lambda p=got: p))
            continue
        for item in iter_inputs([arg]):
            if isinstance(item, InputError):
                yield item
            elif item.kind == "url" or (item.kind == "file" and _is_feed_path(item.uri)):
                yield from _maybe_feed(item, options, timeout)
            else:
                yield WorkItem(item.uri, (lambda i=item: read_input(i, options.max_bytes, timeout)))


def _maybe_feed(
    item: RawInput, options: Options, timeout: float
) -> Iterator[WorkItem | InputError]:
    """A URL or feed-named file: when its content is a feed, its entries; else the page."""
    from claimledger.sources.feeds import feed_entries, looks_like_feed

    try:
        page = read_input(item, options.max_bytes, timeout)
    except InputError as exc:
        yield exc
        return
    if not looks_like_feed(page):
        yield WorkItem(item.uri, (lambda p=page: p))
        return
    for entry in feed_entries(page):
        entry_input = RawInput(entry.url, "url")
        yield WorkItem(
            entry.url,
            (lambda i=entry_input: read_input(i, options.max_bytes, timeout)),
            published=entry.published,
        )


def ingest(
    ledger: Ledger,
    sources: list[str],
    options: Options | None = None,
    timeout: float = 20.0,
    on_item: Callable[[str, str, IngestSummary], None] | None = None,
) -> IngestSummary:
    """Analyze and store every page the sources name; return what happened to them.

    ``on_item(uri, outcome, summary)`` is called after each item (outcome: new, version,
    present or failed) — the CLI draws its progress bar from it.
    """
    options = options or Options()
    summary = IngestSummary(run_id=ledger.start_run(sources))

    def fail(uri: str, code: str, reason: str) -> None:
        ledger.add_failure(summary.run_id, uri, code, reason)
        summary.failed += 1
        summary.failures.append((uri, code, reason))
        if on_item:
            on_item(uri, "failed", summary)

    for work in iter_work(sources, options, timeout):
        if isinstance(work, InputError):
            fail(work.input or "?", work.code, work.reason)
            continue
        try:
            page = work.load()
            if ledger.contains(hashlib.sha256(page.data).hexdigest()):
                outcome = "present"
            else:
                opts = options
                if work.published and not options.published:
                    opts = replace(options, published=work.published)
                doc = analyze_page(page, opts)
                outcome = ledger.add(doc, summary.run_id)
        except ClaimledgerError as exc:
            fail(work.uri, exc.code, exc.reason)
            continue
        except Exception as exc:  # a bug on one page must not lose the batch
            err = InputError(E.INTERNAL, input=work.uri, detail=f"{type(exc).__name__}: {exc}")
            fail(work.uri, err.code, err.reason)
            continue
        if outcome == "new":
            summary.new += 1
        elif outcome == "version":
            summary.versions += 1
        else:
            summary.present += 1
        if on_item:
            on_item(work.uri, outcome, summary)
    ledger.finish_run(summary.run_id, summary.stored, summary.present, summary.failed)
    if summary.stored:
        ledger.optimize()
    return summary
