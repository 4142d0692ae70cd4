-- Card lifecycle: chain of custody, hand-over, blank-card ledger, destruction register.
-- Self-contained: touches no earlier table. Owner identity is stored only as the NIK blind
-- index plus a sealed document (AES-256-GCM); serials, states and region codes are clear
-- because the office reports on them without unlocking personal data.

CREATE TABLE card_batches (
    id              TEXT    PRIMARY KEY,
    declared_count  INTEGER NOT NULL,
    received_by     TEXT    NOT NULL,
    witnessed_by    TEXT    NOT NULL,
    received_at     INTEGER NOT NULL
);

-- Batches refused at receipt because their count does not reconcile; no card of them enters stock.
CREATE TABLE card_batch_flags (
    seq             INTEGER PRIMARY KEY,
    batch_id        TEXT    NOT NULL,
    declared_count  INTEGER NOT NULL,
    listed_count    INTEGER NOT NULL,
    duplicates      TEXT    NOT NULL,
    received_by     TEXT    NOT NULL,
    witnessed_by    TEXT    NOT NULL,
    flagged_at      INTEGER NOT NULL
);

CREATE TABLE cards (
    serial        TEXT    PRIMARY KEY,
    batch_id      TEXT    REFERENCES card_batches (id),
    state         TEXT    NOT NULL CHECK (state IN
                  ('IN_STOCK', 'ASSIGNED', 'HANDED_OVER', 'RETURNED', 'INVALID', 'DESTROYED')),
    state_since   INTEGER NOT NULL,
    holder_kind   TEXT    CHECK (holder_kind IN ('DESK', 'OFFICER')),
    holder        TEXT,
    record_id     TEXT,
    nik_bidx      BLOB,
    owner         BLOB,
    village_code  TEXT,
    received_at   INTEGER NOT NULL
);
CREATE INDEX cards_nik_bidx ON cards (nik_bidx);
CREATE INDEX cards_state ON cards (state, received_at);

-- A destroyed card stays destroyed, whatever code runs against this file.
CREATE TRIGGER cards_destroyed_final
BEFORE UPDATE OF state ON cards
WHEN OLD.state = 'DESTROYED'
BEGIN
    SELECT RAISE(ABORT, 'a destroyed card cannot change state');
END;

CREATE TABLE card_moves (
    seq         INTEGER PRIMARY KEY,
    serial      TEXT    NOT NULL REFERENCES cards (serial),
    from_state  TEXT,
    to_state    TEXT    NOT NULL,
    holder      TEXT,
    actor       TEXT    NOT NULL,
    reason      TEXT,
    at          INTEGER NOT NULL,
    event_id    TEXT    NOT NULL
);
CREATE INDEX card_moves_serial ON card_moves (serial, seq);

CREATE TABLE handovers (
    id              TEXT    PRIMARY KEY,
    serial          TEXT    NOT NULL UNIQUE REFERENCES cards (serial),
    record_id       TEXT,
    at              INTEGER NOT NULL,
    operator        TEXT    NOT NULL,
    method          TEXT    NOT NULL CHECK (method IN ('FINGERPRINT', 'SUPERVISOR_EXCEPTION')),
    score           REAL    NOT NULL,
    finger          TEXT,
    supervisor      TEXT,
    second_factor   TEXT,
    evidence        BLOB    NOT NULL
);

CREATE TABLE blank_ledger (
    seq        INTEGER PRIMARY KEY,
    day        TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('RECEIVED', 'USED', 'SPOILED', 'RETURNED')),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    reason     TEXT,
    reference  TEXT,
    actor      TEXT    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX blank_ledger_day ON blank_ledger (day);

CREATE TABLE destructions (
    id          TEXT    PRIMARY KEY,
    number      TEXT    NOT NULL UNIQUE,
    held_on     TEXT    NOT NULL,
    place       TEXT    NOT NULL,
    method      TEXT    NOT NULL,
    document    TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE destruction_items (
    serial          TEXT    PRIMARY KEY REFERENCES cards (serial),
    category        TEXT    NOT NULL CHECK (category IN
                    ('DEFECTIVE_BLANK', 'DAMAGED', 'INVALID_DATA_CHANGED', 'MOVED_AWAY', 'REPORTED_LOST')),
    registered_by   TEXT    NOT NULL,
    registered_at   INTEGER NOT NULL,
    destruction_id  TEXT    REFERENCES destructions (id)
);
