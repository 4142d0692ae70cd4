-- rekam station store, schema 1. Personal data is never stored in clear: columns named
-- "sealed"/"summary"/"body" hold AES-256-GCM ciphertexts (see docs/architecture.md).

CREATE TABLE station (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    station_id  TEXT    NOT NULL,
    public_key  BLOB    NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE keyring (
    name            TEXT    PRIMARY KEY,
    kdf_salt        BLOB,
    kdf_iterations  INTEGER NOT NULL,
    sealed          BLOB    NOT NULL
);

CREATE TABLE records (
    id            TEXT    PRIMARY KEY,
    nik_bidx      BLOB    NOT NULL,
    summary       BLOB    NOT NULL,
    operator_id   TEXT    NOT NULL,
    captured_at   TEXT    NOT NULL,
    committed_at  INTEGER NOT NULL
);
CREATE INDEX records_nik_bidx ON records (nik_bidx);
CREATE INDEX records_committed_at ON records (committed_at);

CREATE TABLE packets (
    id           TEXT    PRIMARY KEY,
    record_id    TEXT    NOT NULL REFERENCES records (id),
    kind         TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    signature    BLOB    NOT NULL,
    body_length  INTEGER NOT NULL,
    body         BLOB,
    created_at   INTEGER NOT NULL
);

CREATE TRIGGER packets_immutable
BEFORE UPDATE OF id, record_id, kind, sha256, signature, body_length, created_at ON packets
BEGIN
    SELECT RAISE(ABORT, 'packets are immutable');
END;

CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY,
    packet_id    TEXT    NOT NULL UNIQUE REFERENCES packets (id),
    state        TEXT    NOT NULL,
    state_since  INTEGER NOT NULL,
    reason       TEXT,
    approved_by  TEXT
);
CREATE INDEX outbox_state ON outbox (state, seq);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    subject    TEXT,
    details    TEXT    NOT NULL,
    prev_hash  BLOB    NOT NULL,
    hash       BLOB    NOT NULL
);

CREATE TRIGGER audit_log_no_update
BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete
BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Last entry of the chain, so that cutting entries off the end is detected too.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  BLOB    NOT NULL
);

-- Failed unlocks happen before the audit key is available; they wait here and are moved
-- into the authenticated chain at the next successful unlock.
CREATE TABLE unlock_failures (
    id  INTEGER PRIMARY KEY,
    at  TEXT    NOT NULL
);
