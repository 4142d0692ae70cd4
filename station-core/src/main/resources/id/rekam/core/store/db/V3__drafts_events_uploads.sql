-- Autosaved drafts, the events outbox, resumable uploads and payload purge.

CREATE TABLE drafts (
    id          TEXT    PRIMARY KEY,
    sealed      BLOB    NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    payload     BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    state_since INTEGER NOT NULL
);
CREATE INDEX events_state ON events (state, seq);

ALTER TABLE outbox ADD COLUMN upload_url TEXT;
ALTER TABLE outbox ADD COLUMN upload_offset INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN other_record TEXT;

ALTER TABLE packets ADD COLUMN templates BLOB;
ALTER TABLE packets ADD COLUMN purged_at INTEGER;
