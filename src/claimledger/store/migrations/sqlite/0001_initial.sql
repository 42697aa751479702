-- Ledger schema version 1: one row per document, its parts, and the ingest bookkeeping.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,              -- sha256 of the raw input bytes
    uri TEXT NOT NULL,
    version_of TEXT,                  -- the previous document stored under the same uri
    media_type TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    run_id INTEGER,
    ingested_at TEXT NOT NULL,
    record TEXT NOT NULL              -- the full record JSON (DESIGN.md §2)
);
CREATE INDEX documents_uri ON documents (uri, ingested_at);

CREATE TABLE sections (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE comments (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    parent TEXT,
    author TEXT,
    published TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0,
    role TEXT,
    affiliation TEXT,
    geo TEXT,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE claims (
    pk INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    origin TEXT NOT NULL,
    comment TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    content TEXT NOT NULL,
    cue TEXT,
    source_text TEXT,
    entity_id TEXT,
    speaker_name TEXT,
    quote TEXT NOT NULL,
    hedged INTEGER NOT NULL DEFAULT 0,
    negated INTEGER NOT NULL DEFAULT 0,
    future INTEGER NOT NULL DEFAULT 0,
    check_worthy REAL NOT NULL DEFAULT 0,
    nested_in TEXT,
    published TEXT,
    UNIQUE (doc_id, id)
);
CREATE INDEX claims_published ON claims (published, pk);

CREATE TABLE figures (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    claim_id TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT,
    measure TEXT,
    subject TEXT,
    part_of TEXT,
    qualifier TEXT,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE tensions (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    claims TEXT NOT NULL DEFAULT '[]',
    figures TEXT NOT NULL DEFAULT '[]',
    note TEXT,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE flags (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    comment TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    sources TEXT NOT NULL DEFAULT '[]',
    new INTEGER NOT NULL DEFAULT 0,
    present INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER,
    uri TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX failures_uri ON failures (uri);
