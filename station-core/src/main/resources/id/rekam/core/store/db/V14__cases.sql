-- Schema 14: KTP ganda cases (docs/design/cases.md). A suspected duplicate becomes a case: two
-- records, why it was raised, invitations sent, the outcome an operator prepared and a supervisor
-- confirmed. Everything that names or describes a person is sealed (AES-256-GCM, AAD = row key +
-- purpose, id.rekam.core.cases.CaseSeals); what stays clear are ids (registration ids are random
-- UUIDs), states, times, the kelurahan code (reports group without unlocking personal data, as
-- cards do), letter numbers and operator user names (as everywhere in the store).

CREATE TABLE cases (
    id             TEXT    PRIMARY KEY,
    -- The two registration ids, sorted and joined by '|': one case per pair, ever.
    pair_key       TEXT    NOT NULL UNIQUE,
    source         TEXT    NOT NULL CHECK (source IN ('STATION_OVERRIDE', 'SERVER_VERDICT', 'SERVER_ASSIGNED')),
    reason         TEXT    NOT NULL,
    server_case_id TEXT    UNIQUE,
    village_code   TEXT,
    state          TEXT    NOT NULL CHECK (state IN ('OPEN', 'INVITED', 'AWAITING_CONFIRMATION', 'CLOSED', 'ESCALATED')),
    opened_at      INTEGER NOT NULL,
    state_since    INTEGER NOT NULL,
    deadline       INTEGER NOT NULL,
    -- sealed: both records as known when the case opened, the scores, the sources that raised it
    data           BLOB    NOT NULL,
    -- sealed: the citizen's name and masked NIK, for lists (small, unlike data)
    summary        BLOB    NOT NULL,
    outcome        TEXT    CHECK (outcome IN ('SAME_PERSON', 'DIFFERENT_PEOPLE', 'NO_SHOW')),
    -- sealed: the prepared outcome (which record stays, why, the in-person check, notes)
    prepared       BLOB,
    prepared_by    TEXT,
    prepared_at    INTEGER,
    closed_by      TEXT,
    closed_at      INTEGER,
    event_id       TEXT    UNIQUE,
    -- what the central server said of the outcome ('applied', 'refused'), from its signed feed
    server_status  TEXT,
    server_code    TEXT,
    server_at      INTEGER
);
CREATE INDEX cases_state ON cases (state, opened_at);
CREATE INDEX cases_village ON cases (village_code, state);

-- Each record of a case, so "the cases of this record" needs no decryption.
CREATE TABLE case_records (
    case_id    TEXT NOT NULL REFERENCES cases (id),
    record_id  TEXT NOT NULL,
    PRIMARY KEY (case_id, record_id)
);
CREATE INDEX case_records_record ON case_records (record_id);

-- Where a case came from, each source once (a pair may be raised by an override, then by the
-- server's verdict, then assigned): the intake of each source is idempotent by this key.
CREATE TABLE case_sources (
    source_key TEXT    PRIMARY KEY,
    case_id    TEXT    NOT NULL REFERENCES cases (id),
    at         INTEGER NOT NULL
);

CREATE TABLE case_invitations (
    case_id        TEXT    NOT NULL REFERENCES cases (id),
    round          INTEGER NOT NULL CHECK (round IN (1, 2)),
    letter_number  TEXT    NOT NULL UNIQUE,
    issued_at      INTEGER NOT NULL,
    issued_by      TEXT    NOT NULL,
    appointment_at INTEGER NOT NULL,
    -- sealed: the place and the address the letter went to
    detail         BLOB    NOT NULL,
    no_show_at     INTEGER,
    no_show_by     TEXT,
    PRIMARY KEY (case_id, round)
);

-- One numbering per year for the office's letters (nomor surat).
CREATE TABLE case_letter_numbers (
    year  INTEGER PRIMARY KEY,
    last  INTEGER NOT NULL
);

-- Every change of a case, in order; detail sealed (a refusal reason may name a person).
CREATE TABLE case_history (
    seq      INTEGER PRIMARY KEY,
    case_id  TEXT    NOT NULL REFERENCES cases (id),
    at       INTEGER NOT NULL,
    actor    TEXT    NOT NULL,
    action   TEXT    NOT NULL,
    detail   BLOB
);
CREATE INDEX case_history_case ON case_history (case_id, seq);

-- The records a supervisor's override found similar, sealed beside the override's reason.
ALTER TABLE duplicate_overrides ADD COLUMN candidates BLOB;

-- A case closed is final: its outcome, who closed it and its event never change.
CREATE TRIGGER cases_closed_final
BEFORE UPDATE OF state, outcome, prepared, prepared_by, closed_by, closed_at, event_id ON cases
WHEN OLD.state IN ('CLOSED', 'ESCALATED')
BEGIN
    SELECT RAISE(ABORT, 'a closed case is final');
END;

-- The card of a record voided as a duplicate is destroyed under its own category (SQLite cannot
-- change a CHECK constraint in place: the table is copied).
CREATE TABLE destruction_items_v10 (
    serial          TEXT    PRIMARY KEY REFERENCES cards (serial),
    category        TEXT    NOT NULL CHECK (category IN
                    ('DEFECTIVE_BLANK', 'DAMAGED', 'INVALID_DATA_CHANGED', 'MOVED_AWAY', 'REPORTED_LOST', 'DUPLICATE')),
    registered_by   TEXT    NOT NULL,
    registered_at   INTEGER NOT NULL,
    destruction_id  TEXT    REFERENCES destructions (id)
);
INSERT INTO destruction_items_v10 (serial, category, registered_by, registered_at, destruction_id)
SELECT serial, category, registered_by, registered_at, destruction_id FROM destruction_items;
DROP TABLE destruction_items;
ALTER TABLE destruction_items_v10 RENAME TO destruction_items;
