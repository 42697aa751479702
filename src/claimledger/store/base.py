"""The ledger interface and the SQL both back ends share.

A back end supplies connections, transactions and its SQL dialect (placeholders, ordering,
full-text search); everything else — what a stored document is made of, how speakers merge
across documents, how filters become SQL — is written once here. SQL is written with ``?``
placeholders; the PostgreSQL back end turns them into ``%s``.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Literal

from claimledger.model import Document
from claimledger.store import speakers as spk

AddStatus = Literal["new", "version", "present"]

# Columns of each table as stored (and exported; see docs/export.md).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "id",
        "uri",
        "version_of",
        "media_type",
        "title",
        "published",
        "language",
        "run_id",
        "ingested_at",
    ),
    "sections": ("doc_id", "idx", "kind", "start", "end"),
    "comments": ("doc_id", "id", "parent", "author", "published", "start", "end", "text"),
    "entities": (
        "doc_id",
        "id",
        "name",
        "kind",
        "aliases",
        "mentions",
        "role",
        "affiliation",
        "geo",
        "speaker_id",
    ),
    "speakers": ("id", "name", "kind", "claims", "documents"),
    "claims": (
        "doc_id",
        "id",
        "origin",
        "comment",
        "start",
        "end",
        "text",
        "content",
        "cue",
        "source_text",
        "entity_id",
        "speaker_id",
        "speaker_name",
        "quote",
        "hedged",
        "negated",
        "future",
        "check_worthy",
        "nested_in",
        "published",
    ),
    "figures": (
        "doc_id",
        "id",
        "claim_id",
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "unit",
        "measure",
        "subject",
        "part_of",
        "qualifier",
    ),
    "tensions": ("doc_id", "id", "kind", "claims", "figures", "note"),
    "flags": ("doc_id", "idx", "kind", "comment", "start", "end"),
}


def _q(column: str) -> str:
    return f'"{column}"' if column == "end" else column


def record_json(doc: Document) -> str:
    """The record's JSON, byte for byte ``doc.to_json()``, without dataclasses.asdict's deep
    copies (it was most of the time spent storing a document)."""
    return json.dumps(doc, default=_fields, ensure_ascii=False, sort_keys=True)


def _fields(value: Any) -> Any:
    return value.__dict__


def _next_day(day: str) -> str:
    """The day after a YYYY-MM-DD date: `--until` includes the whole of its day."""
    from datetime import date, timedelta

    return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class ClaimQuery:
    """The filters of `claimledger claims` and `claimledger export`."""

    speaker: str | None = None
    measure: str | None = None
    search: str | None = None
    origin: str | None = None
    since: str | None = None
    until: str | None = None
    min_check_worthy: float | None = None
    document: str | None = None
    limit: int | None = 50

    def is_empty(self) -> bool:
        return all(
            v is None
            for v in (
                self.speaker,
                self.measure,
                self.search,
                self.origin,
                self.since,
                self.until,
                self.min_check_worthy,
                self.document,
            )
        )


class Tx:
    """One open transaction (or read) on a connection: execute and fetch dict rows."""

    def __init__(self, conn: Any, convert: Any) -> None:
        self.conn = conn
        self._convert = convert

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._convert(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cur = self.conn.cursor()
            cur.executemany(self._convert(sql), [tuple(r) for r in rows])

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None


class Ledger(ABC):
    """A ledger of analyzed documents. Use as a context manager, or call close()."""

    dialect: str
    url: str

    # -- what a back end provides -----------------------------------------------------------
    @abstractmethod
    def write(self) -> AbstractContextManager[Tx]:
        """A write transaction; at most one writer holds one at a time."""

    @abstractmethod
    def read(self) -> AbstractContextManager[Tx]:
        """A read-only view of a consistent snapshot."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _insert_returning_id(self, tx: Tx, sql: str, params: Sequence[Any]) -> int: ...

    @abstractmethod
    def _search_clause(self) -> str:
        """SQL true when claim ``c`` matches the full-text query bound to one ``?``."""

    @abstractmethod
    def _search_param(self, text: str) -> str: ...

    order_by: str = "c.published DESC, c.pk DESC"

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------------------
    @staticmethod
    def migration_files(dialect: str) -> list[tuple[int, str]]:
        """The numbered SQL migrations of a back end, in order."""
        folder = resources.files("claimledger.store.migrations") / dialect
        out = []
        for entry in folder.iterdir():
            if entry.name.endswith(".sql"):
                out.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
        return sorted(out)

    @classmethod
    def latest_version(cls, dialect: str) -> int:
        return cls.migration_files(dialect)[-1][0]

    def schema_version(self) -> int:
        with self.read() as tx:
            return self._current_version(tx)

    def _current_version(self, tx: Tx) -> int:
        return int(tx.scalar("SELECT coalesce(max(version), 0) FROM schema_version") or 0)

    @abstractmethod
    def _run_script(self, tx: Tx, sql: str) -> None: ...

    def migrate(self, target: int | None = None) -> int:
        """Apply the missing migrations, all in one transaction; return the version reached."""
        with self.write() as tx:
            self._run_script(
                tx,
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);",
            )
            current = self._current_version(tx)
            for version, sql in self.migration_files(self.dialect):
                if version <= current or (target is not None and version > target):
                    continue
                self._run_script(tx, sql)
                if version == 2:
                    self._backfill_speakers(tx)
                tx.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, now()),
                )
                current = version
            return current

    def _backfill_speakers(self, tx: Tx) -> None:
        """Link the entities of a version-1 ledger to speakers (migration 2's data step)."""
        rows = tx.all("SELECT doc_id, id, name, kind, aliases FROM entities ORDER BY doc_id, id")
        by_doc: dict[str, dict[str, int]] = {}
        for row in rows:
            aliases = json.loads(row["aliases"] or "[]")
            sid = self._link_speaker(tx, row["name"], row["kind"], aliases)
            tx.execute(
                "UPDATE entities SET speaker_id = ? WHERE doc_id = ? AND id = ?",
                (sid, row["doc_id"], row["id"]),
            )
            by_doc.setdefault(row["doc_id"], {})[row["id"]] = sid
        for doc_id, ents in by_doc.items():
            for eid, sid in ents.items():
                tx.execute(
                    "UPDATE claims SET speaker_id = ? WHERE doc_id = ? AND entity_id = ?",
                    (sid, doc_id, eid),
                )
        self._recount_speakers(tx)

    def _recount_speakers(self, tx: Tx, ids: Sequence[int] | None = None) -> None:
        where = ""
        params: list[Any] = []
        if ids is not None:
            if not ids:
                return
            where = f" WHERE id IN ({', '.join('?' * len(ids))})"
            params = list(ids)
        tx.execute(
            "UPDATE speakers SET "
            "claims = (SELECT count(*) FROM claims c WHERE c.speaker_id = speakers.id), "
            "documents = (SELECT count(DISTINCT e.doc_id) FROM entities e "
            "WHERE e.speaker_id = speakers.id)" + where,
            params,
        )

    # -- writing -----------------------------------------------------------------------------
    def contains(self, doc_id: str) -> bool:
        with self.read() as tx:
            return tx.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def add(self, doc: Document, run_id: int | None = None) -> AddStatus:
        """Store one document in one transaction; a document already stored adds nothing."""
        with self.write() as tx:
            return self._add(tx, doc, run_id)

    def add_many(self, docs: Sequence[Document], run_id: int | None = None) -> list[AddStatus]:
        """Store several documents in one transaction (bulk loads and benchmarks)."""
        with self.write() as tx:
            return [self._add(tx, doc, run_id) for doc in docs]

    def _add(self, tx: Tx, doc: Document, run_id: int | None) -> AddStatus:
        if tx.scalar("SELECT 1 FROM documents WHERE id = ?", (doc.id,)) is not None:
            return "present"
        previous = tx.scalar(
            "SELECT id FROM documents WHERE uri = ? ORDER BY ingested_at DESC, id LIMIT 1",
            (doc.uri,),
        )
        tx.execute(
            "INSERT INTO documents (id, uri, version_of, media_type, title, published, language,"
            " run_id, ingested_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.uri,
                previous,
                doc.media_type,
                doc.title.text if doc.title else None,
                doc.published,
                doc.language,
                run_id,
                now(),
                record_json(doc),
            ),
        )
        d = doc.id
        tx.executemany(
            'INSERT INTO sections (doc_id, idx, kind, start, "end") VALUES (?, ?, ?, ?, ?)',
            [(d, i, s.kind, s.span[0], s.span[1]) for i, s in enumerate(doc.sections)],
        )
        tx.executemany(
            'INSERT INTO comments (doc_id, id, parent, author, published, start, "end", text)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (d, c.id, c.parent, c.author, c.published, c.span[0], c.span[1], doc.slice(c.span))
                for c in doc.comments
            ],
        )
        speaker_of: dict[str, int] = {}
        for e in doc.entities:
            speaker_of[e.id] = self._link_speaker(tx, e.name, e.kind, e.aliases)
        tx.executemany(
            "INSERT INTO entities (doc_id, id, name, kind, aliases, mentions, role, affiliation,"
            " geo, speaker_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d,
                    e.id,
                    e.name,
                    e.kind,
                    json.dumps(e.aliases, ensure_ascii=False),
                    len(e.mentions),
                    e.role,
                    e.affiliation,
                    e.geo,
                    speaker_of[e.id],
                )
                for e in doc.entities
            ],
        )
        names = {e.id: e.name for e in doc.entities}
        claim_rows = []
        for k in doc.claims:
            entity = k.source.entity if k.source else None
            claim_rows.append(
                (
                    d,
                    k.id,
                    k.origin,
                    k.comment,
                    k.span[0],
                    k.span[1],
                    doc.slice(k.span),
                    json.dumps([list(c) for c in k.content]),
                    k.cue.lemma if k.cue else None,
                    k.source.text if k.source else None,
                    entity,
                    speaker_of.get(entity) if entity else None,
                    names.get(entity, k.source.text if k.source else None)
                    if entity or k.source
                    else None,
                    k.quote,
                    int(k.hedged),
                    int(k.negated),
                    int(k.future),
                    float(k.check_worthy),
                    k.nested_in,
                    doc.published,
                )
            )
        tx.executemany(
            'INSERT INTO claims (doc_id, id, origin, comment, start, "end", text, content, cue,'
            " source_text, entity_id, speaker_id, speaker_name, quote, hedged, negated, future,"
            " check_worthy, nested_in, published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
        )
        tx.executemany(
            'INSERT INTO figures (doc_id, id, claim_id, start, "end", text, value, low, high,'
            " unit, measure, subject, part_of, qualifier)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d,
                    f.id,
                    f.claim,
                    f.span[0],
                    f.span[1],
                    f.text,
                    f.value,
                    f.low,
                    f.high,
                    f.unit,
                    f.measure,
                    f.subject,
                    f.part_of,
                    f.qualifier,
                )
                for f in doc.figures
            ],
        )
        tx.executemany(
            "INSERT INTO tensions (doc_id, id, kind, claims, figures, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (d, t.id, t.kind, json.dumps(t.claims), json.dumps(t.figures), t.note)
                for t in doc.tensions
            ],
        )
        tx.executemany(
            'INSERT INTO flags (doc_id, idx, kind, comment, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(d, i, f.kind, f.comment, f.span[0], f.span[1]) for i, f in enumerate(doc.flags)],
        )
        tx.execute(
            "INSERT INTO claim_measures (measure, published, claim_pk)"
            " SELECT DISTINCT f.measure, c.published, c.pk FROM figures f"
            " JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id"
            " WHERE f.doc_id = ? AND f.measure IS NOT NULL",
            (d,),
        )
        touched = sorted(set(speaker_of.values()))
        per_speaker: dict[int, int] = {}
        for row in claim_rows:
            if row[11] is not None:
                per_speaker[row[11]] = per_speaker.get(row[11], 0) + 1
        for sid in touched:
            tx.execute(
                "UPDATE speakers SET claims = claims + ?, documents = documents + 1 WHERE id = ?",
                (per_speaker.get(sid, 0), sid),
            )
        return "version" if previous else "new"

    def _link_speaker(self, tx: Tx, name: str, kind: str | None, aliases: Sequence[str]) -> int:
        """The ledger-wide speaker of one entity: found by its keys, created when new, and
        merged when the entity shows that two known speakers are one."""
        keys = spk.keys_for([name, *aliases], kind)
        wanted = sorted(spk.matching_keys(keys))
        found: set[int] = set()
        for kkind, key in wanted:
            sid = tx.scalar(
                "SELECT speaker_id FROM speaker_keys WHERE kind = ? AND key = ?", (kkind, key)
            )
            if sid is not None:
                found.add(int(sid))
        if not found:
            sid = self._insert_returning_id(
                tx,
                "INSERT INTO speakers (name, kind, key) VALUES (?, ?, ?)",
                (name, kind, spk.normalise(name)),
            )
        else:
            sid = min(found)
            others = sorted(found - {sid})
            if others:
                self._merge_speakers(tx, sid, others)
            row = tx.one("SELECT name FROM speakers WHERE id = ?", (sid,))
            assert row is not None
            best = spk.better_name(row["name"], name)
            if best != row["name"]:
                tx.execute(
                    "UPDATE speakers SET name = ?, key = ? WHERE id = ?",
                    (best, spk.normalise(best), sid),
                )
        for kkind, key in sorted(keys):
            tx.execute(
                "INSERT INTO speaker_keys (kind, key, speaker_id) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (kkind, key, sid),
            )
        return sid

    def _merge_speakers(self, tx: Tx, keep: int, others: Sequence[int]) -> None:
        marks = ", ".join("?" * len(others))
        for table in ("entities", "claims", "speaker_keys"):
            tx.execute(
                f"UPDATE {table} SET speaker_id = ? WHERE speaker_id IN ({marks})",
                (keep, *others),
            )
        names = tx.all(f"SELECT name FROM speakers WHERE id IN ({marks})", others)
        tx.execute(f"DELETE FROM speakers WHERE id IN ({marks})", others)
        row = tx.one("SELECT name FROM speakers WHERE id = ?", (keep,))
        assert row is not None
        best = row["name"]
        for other in names:
            best = spk.better_name(best, other["name"])
        tx.execute(
            "UPDATE speakers SET name = ?, key = ? WHERE id = ?",
            (best, spk.normalise(best), keep),
        )
        self._recount_speakers(tx, [keep])

    @abstractmethod
    def optimize(self) -> None:
        """Refresh the planner's statistics (after a large ingest)."""

    # -- runs and failures -------------------------------------------------------------------
    def start_run(self, sources: Sequence[str]) -> int:
        with self.write() as tx:
            return self._insert_returning_id(
                tx,
                "INSERT INTO runs (started_at, sources, status) VALUES (?, ?, 'running')",
                (now(), json.dumps(list(sources), ensure_ascii=False)),
            )

    def finish_run(self, run_id: int, new: int, present: int, failed: int) -> None:
        with self.write() as tx:
            tx.execute(
                "UPDATE runs SET finished_at = ?, new = ?, present = ?, failed = ?,"
                " status = 'finished' WHERE id = ?",
                (now(), new, present, failed, run_id),
            )

    def add_failure(self, run_id: int | None, uri: str, code: str, reason: str) -> None:
        with self.write() as tx:
            tx.execute(
                "INSERT INTO failures (run_id, uri, code, reason, at) VALUES (?, ?, ?, ?, ?)",
                (run_id, uri, code, reason, now()),
            )

    def failures(self, run_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, run_id, uri, code, reason, at FROM failures"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self.read() as tx:
            return tx.all(sql, params)

    def runs(self) -> list[dict[str, Any]]:
        with self.read() as tx:
            return tx.all(
                "SELECT id, started_at, finished_at, sources, new, present, failed, status"
                " FROM runs ORDER BY id"
            )

    def counts(self) -> dict[str, int]:
        with self.read() as tx:
            return {
                table: int(tx.scalar(f"SELECT count(*) FROM {table}") or 0)
                for table in (*TABLE_COLUMNS, "runs", "failures")
            }

    # -- queries -----------------------------------------------------------------------------
    def resolve_speaker(self, tx: Tx, name: str) -> list[int]:
        """Speaker ids a user's name or alias stands for (through the cross-document keys)."""
        ids: set[int] = set()
        keys = spk.keys_for([name])
        for kkind, key in sorted(keys | spk.matching_keys(keys)):
            sid = tx.scalar(
                "SELECT speaker_id FROM speaker_keys WHERE kind = ? AND key = ?", (kkind, key)
            )
            if sid is not None:
                ids.add(int(sid))
        for row in tx.all("SELECT id FROM speakers WHERE key = ?", (spk.normalise(name),)):
            ids.add(int(row["id"]))
        return sorted(ids)

    def _claim_where(self, tx: Tx, q: ClaimQuery) -> tuple[list[str], list[Any]] | None:
        """WHERE clauses for a query; None when it can match nothing (an unknown speaker)."""
        where: list[str] = []
        params: list[Any] = []
        if q.speaker:
            ids = self.resolve_speaker(tx, q.speaker)
            if not ids:
                return None
            where.append(f"c.speaker_id IN ({', '.join('?' * len(ids))})")
            params += ids
        if q.measure:
            where.append("cm.measure = ?")
            params.append(q.measure)
        if q.search:
            term = self._search_param(q.search)
            if not term:
                return None
            where.append(self._search_clause())
            params.append(term)
        if q.origin:
            where.append("c.origin = ?")
            params.append(q.origin)
        if q.since:
            where.append("c.published >= ?")
            params.append(q.since)
        if q.until:
            where.append("c.published < ?")
            params.append(_next_day(q.until))
        if q.min_check_worthy is not None:
            where.append("c.check_worthy >= ?")
            params.append(q.min_check_worthy)
        if q.document:
            doc_id = self._resolve_document(tx, q.document)
            if doc_id is None:
                return None
            where.append("c.doc_id = ?")
            params.append(doc_id)
        return where, params

    @staticmethod
    def _claims_from(q: ClaimQuery) -> str:
        if q.measure:
            return "claim_measures cm JOIN claims c ON c.pk = cm.claim_pk"
        return "claims c"

    def _order(self, q: ClaimQuery) -> str:
        """Newest first; with a measure, in the order of the claim_measures index (the same
        order: it holds the claim's published date and pk)."""
        if q.measure:
            return self.order_by.replace("c.published", "cm.published").replace(
                "c.pk", "cm.claim_pk"
            )
        return self.order_by

    def claims(self, q: ClaimQuery) -> list[dict[str, Any]]:
        """Claims matching ``q``, newest published first, each with its figures."""
        with self.read() as tx:
            built = self._claim_where(tx, q)
            if built is None:
                return []
            where, params = built
            sql = (
                'SELECT c.doc_id, c.id, c.origin, c.comment, c.start, c."end", c.text,'
                " c.cue, c.source_text, c.entity_id, c.speaker_id, c.speaker_name,"
                " s.name AS speaker,"
                " c.quote, c.hedged, c.negated, c.future, c.check_worthy, c.nested_in,"
                " c.published, d.uri"
                f" FROM {self._claims_from(q)} JOIN documents d ON d.id = c.doc_id"
                " LEFT JOIN speakers s ON s.id = c.speaker_id"
            )
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += f" ORDER BY {self._order(q)}"
            if q.limit is not None:
                sql += " LIMIT ?"
                params.append(q.limit)
            rows = tx.all(sql, params)
            for row in rows:
                for flag in ("hedged", "negated", "future"):
                    row[flag] = bool(row[flag])
                row["figures"] = tx.all(
                    "SELECT id, text, value, low, high, unit, measure, subject, part_of,"
                    " qualifier FROM figures WHERE doc_id = ? AND claim_id = ? ORDER BY start",
                    (row["doc_id"], row["id"]),
                )
            return rows

    def claim_keys(self, q: ClaimQuery) -> Iterator[tuple[str, str]]:
        """(doc_id, claim id) of every claim matching ``q`` (no limit): for exports."""
        with self.read() as tx:
            built = self._claim_where(tx, q)
            if built is None:
                return
            where, params = built
            sql = f"SELECT c.doc_id, c.id FROM {self._claims_from(q)}"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += f" ORDER BY {self._order(q)}"
            yield from ((r["doc_id"], r["id"]) for r in tx.all(sql, params))

    def speakers(
        self, limit: int | None = 50, name: str | None = None, unnamed: bool = False
    ) -> list[dict[str, Any]]:
        """Who said how much, in how many documents, under which names, about which measures.

        Speakers known by no name ("a witness", "I") belong to one page each and are left out
        unless ``unnamed`` is set or they are asked for by ``name``. Names come from a
        speaker's first 500 entities and measures from its newest 200 claims, so the listing
        stays fast for speakers quoted in thousands of pages."""
        with self.read() as tx:
            sql = "SELECT id, name, kind, claims, documents FROM speakers"
            params: list[Any] = []
            if name:
                ids = self.resolve_speaker(tx, name)
                if not ids:
                    return []
                sql += f" WHERE id IN ({', '.join('?' * len(ids))})"
                params += ids
            else:
                sql += " WHERE claims > 0"
                if not unnamed:
                    sql += (
                        " AND EXISTS (SELECT 1 FROM speaker_keys k"
                        " WHERE k.speaker_id = speakers.id)"
                    )
            sql += " ORDER BY claims DESC, id"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit)
            rows = tx.all(sql, params)
            for row in rows:
                row["aliases"] = [
                    r["name"]
                    for r in tx.all(
                        "SELECT DISTINCT name FROM (SELECT name FROM entities"
                        " WHERE speaker_id = ? LIMIT 500) e ORDER BY name LIMIT 20",
                        (row["id"],),
                    )
                    if r["name"] != row["name"]
                ]
                row["measures"] = [
                    {"measure": r["measure"], "figures": int(r["n"])}
                    for r in tx.all(
                        "SELECT f.measure, count(*) AS n FROM figures f"
                        " JOIN (SELECT doc_id, id FROM claims WHERE speaker_id = ?"
                        f" ORDER BY {self.order_by.replace('c.', '')} LIMIT 200) c"
                        " ON f.doc_id = c.doc_id AND f.claim_id = c.id"
                        " WHERE f.measure IS NOT NULL GROUP BY f.measure"
                        " ORDER BY n DESC, f.measure LIMIT 5",
                        (row["id"],),
                    )
                ]
            return rows

    def _resolve_document(self, tx: Tx, ref: str) -> str | None:
        """A document id from an id, an id prefix (4+ hex digits) or a uri (latest version)."""
        ref = ref.strip()
        low = ref.lower()
        if 4 <= len(low) <= 64 and all(ch in "0123456789abcdef" for ch in low):
            rows = tx.all(
                "SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (low, low + "g"),
            )
            if len(rows) == 1:
                return str(rows[0]["id"])
            if len(rows) > 1:
                raise LookupError(f"{ref!r} is the start of more than one document id")
        return tx.scalar(
            "SELECT id FROM documents WHERE uri = ? ORDER BY ingested_at DESC, id LIMIT 1",
            (ref,),
        )

    def document(self, ref: str) -> tuple[Document, dict[str, Any]] | None:
        """One stored record by id, id prefix or uri, with its ledger facts (versions, run)."""
        with self.read() as tx:
            doc_id = self._resolve_document(tx, ref)
            if doc_id is None:
                return None
            row = tx.one(
                "SELECT id, uri, version_of, run_id, ingested_at, record FROM documents"
                " WHERE id = ?",
                (doc_id,),
            )
            assert row is not None
            later = tx.all("SELECT id FROM documents WHERE version_of = ?", (doc_id,))
            doc = Document.from_json(row.pop("record"))
            speakers = {
                r["id"]: r["speaker_id"]
                for r in tx.all("SELECT id, speaker_id FROM entities WHERE doc_id = ?", (doc_id,))
            }
            row["newer_versions"] = [r["id"] for r in later]
            row["speakers"] = speakers
            return doc, row

    def rows(self, table: str, doc_ids: set[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every stored row of one table (documents: without the record JSON), in a stable
        order; restricted to ``doc_ids`` when given."""
        cols = TABLE_COLUMNS[table]
        select = ", ".join(_q(c) for c in cols)
        key = "id" if table in ("documents", "speakers") else "doc_id"
        order = {
            "documents": "id",
            "speakers": "id",
            "sections": "doc_id, idx",
            "flags": "doc_id, idx",
            "claims": "doc_id, start, id",
            "figures": "doc_id, start, id",
        }.get(table, "doc_id, id")
        with self.read() as tx:
            if doc_ids is None or table == "speakers":
                rows = tx.all(f"SELECT {select} FROM {table} ORDER BY {order}")
            else:
                rows = []
                ids = sorted(doc_ids)
                for i in range(0, len(ids), 500):
                    chunk = ids[i : i + 500]
                    rows += tx.all(
                        f"SELECT {select} FROM {table}"
                        f" WHERE {key} IN ({', '.join('?' * len(chunk))}) ORDER BY {order}",
                        chunk,
                    )
        yield from rows
