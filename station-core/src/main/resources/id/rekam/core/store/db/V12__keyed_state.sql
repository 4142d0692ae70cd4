-- Schema 12: keyed security state (issue 14). Whoever can write station.db but lacks the
-- passphrase could add a supervisor, clear a lockout, mark an unapproved record QUEUED or point a
-- card at another person's record. From V12 each row of the tables below carries a seal: an
-- HMAC-SHA256 under the state key (derived from the audit key, so it needs the passphrase) over
-- its key, its version and its security columns, followed by a 4-byte tag per column that names
-- what was edited. state_tables counts the sealed rows and sums their versions per table, and
-- state_head binds those sums to the audit head, so deleting a row, rolling one back to an older
-- sealed copy or cutting the audit trail's tail is detected as well (StateSeal, docs/design/store.md).
-- SQL has no key: the rows that exist at the upgrade are sealed at the next unlock.

ALTER TABLE station ADD COLUMN seal_version INTEGER;
ALTER TABLE station ADD COLUMN seal BLOB;
ALTER TABLE operators ADD COLUMN seal_version INTEGER;
ALTER TABLE operators ADD COLUMN seal BLOB;
ALTER TABLE records ADD COLUMN seal_version INTEGER;
ALTER TABLE records ADD COLUMN seal BLOB;
ALTER TABLE packets ADD COLUMN seal_version INTEGER;
ALTER TABLE packets ADD COLUMN seal BLOB;
ALTER TABLE outbox ADD COLUMN seal_version INTEGER;
ALTER TABLE outbox ADD COLUMN seal BLOB;
ALTER TABLE duplicate_overrides ADD COLUMN seal_version INTEGER;
ALTER TABLE duplicate_overrides ADD COLUMN seal BLOB;
ALTER TABLE cards ADD COLUMN seal_version INTEGER;
ALTER TABLE cards ADD COLUMN seal BLOB;

CREATE TABLE state_tables (
    name      TEXT    PRIMARY KEY,
    rows      INTEGER NOT NULL,
    versions  INTEGER NOT NULL
);

CREATE TABLE state_head (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    audit_seq  INTEGER NOT NULL,
    mac        BLOB    NOT NULL
);

-- The server's signed receipts for the audit head (sync-protocol.md §8): verify() checks that the
-- trail still holds every anchored entry, so a tail cut before the last sync is named.
CREATE TABLE audit_anchors (
    seq          INTEGER PRIMARY KEY,
    hash         BLOB    NOT NULL,
    anchored_at  TEXT    NOT NULL,
    receipt      TEXT    NOT NULL
);
