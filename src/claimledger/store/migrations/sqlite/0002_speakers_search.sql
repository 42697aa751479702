-- Ledger schema version 2: speakers across documents, full-text search, query indexes.
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT,
    key TEXT NOT NULL,
    claims INTEGER NOT NULL DEFAULT 0,   -- claims attributed to the speaker
    documents INTEGER NOT NULL DEFAULT 0 -- documents it speaks in
);
CREATE INDEX speakers_claims ON speakers (claims, id);
CREATE INDEX speakers_key ON speakers (key);

-- Every normalised name or alias a speaker answers to; one speaker per (kind, key).
-- kind: name (a name or alias), acro (an acronym derived from a long name),
--       caps (a name written in capitals, which may be such an acronym).
CREATE TABLE speaker_keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    PRIMARY KEY (kind, key)
);
CREATE INDEX speaker_keys_speaker ON speaker_keys (speaker_id);

ALTER TABLE entities ADD COLUMN speaker_id INTEGER REFERENCES speakers (id);
ALTER TABLE claims ADD COLUMN speaker_id INTEGER REFERENCES speakers (id);
CREATE INDEX entities_speaker ON entities (speaker_id);
CREATE INDEX claims_speaker ON claims (speaker_id, published, pk);
CREATE INDEX claims_origin ON claims (origin, published, pk);
CREATE INDEX claims_check_worthy ON claims (check_worthy, pk);
CREATE INDEX claims_doc ON claims (doc_id);
CREATE INDEX figures_measure ON figures (measure, doc_id, claim_id);
CREATE INDEX figures_claim ON figures (doc_id, claim_id);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, content = 'claims', content_rowid = 'pk', tokenize = 'porter unicode61'
);
INSERT INTO claims_fts (rowid, text) SELECT pk, text FROM claims;
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.pk, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;

-- Claims by the measures of their figures, in publication order: `claims --measure killed`
-- reads the newest matching claims straight off this index instead of sorting them all.
CREATE TABLE claim_measures (
    measure TEXT NOT NULL,
    published TEXT,
    claim_pk INTEGER NOT NULL REFERENCES claims (pk) ON DELETE CASCADE,
    PRIMARY KEY (measure, claim_pk)
);
CREATE INDEX claim_measures_order ON claim_measures (measure, published, claim_pk);
INSERT INTO claim_measures (measure, published, claim_pk)
    SELECT DISTINCT f.measure, c.published, c.pk
    FROM figures f JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
    WHERE f.measure IS NOT NULL;
