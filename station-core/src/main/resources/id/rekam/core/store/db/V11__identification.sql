-- Schema 11 (issue 12, fingerprint identification at kecamatan scale).
--
-- fingerprint_templates: each record's finger templates sealed on their own (AES-256-GCM, AAD =
-- record id + "templates"), written in the commit's transaction, so the 1:N check reads ~4 KB per
-- short-listed record instead of decrypting its ~222 KB packet body. Rows for records committed
-- before this version are extracted from their packets once, at the first unlock after it (SQL
-- has no key).
--
-- identification_reviews: records the station's check (or the exception count) sent to a
-- supervisor's review; such a record is not approved until a supervisor wrote a review note.
-- What the check found (reasons, other records, finger scores) and the note are sealed.
--
-- verdicts: the server's needs-review verdict joins the kinds (SQLite cannot alter a CHECK, so
-- the table is rebuilt with the same rows).

CREATE TABLE fingerprint_templates (
    record_id  TEXT    PRIMARY KEY REFERENCES records (id),
    sealed     BLOB    NOT NULL
);

CREATE TABLE identification_reviews (
    record_id    TEXT    PRIMARY KEY REFERENCES records (id),
    flagged_at   INTEGER NOT NULL,
    findings     BLOB    NOT NULL,
    reviewed_by  TEXT,
    note         BLOB,
    reviewed_at  INTEGER
);

CREATE TABLE verdicts_v10 (
    seq         INTEGER PRIMARY KEY,
    packet_id   TEXT    NOT NULL REFERENCES packets (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('accepted', 'print-ready', 'duplicate', 'rejected', 'needs-review')),
    decided_at  INTEGER,
    applied_at  INTEGER NOT NULL,
    data        BLOB    NOT NULL,
    UNIQUE (packet_id, kind)
);

INSERT INTO verdicts_v10 (seq, packet_id, kind, decided_at, applied_at, data)
SELECT seq, packet_id, kind, decided_at, applied_at, data FROM verdicts ORDER BY seq;

DROP TABLE verdicts;

ALTER TABLE verdicts_v10 RENAME TO verdicts;
