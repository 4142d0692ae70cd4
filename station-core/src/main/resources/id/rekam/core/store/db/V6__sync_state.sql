-- Small key/value state of the sync client (feedback feed cursor), kept with the outbox so
-- a verdict and the cursor past it commit together.

CREATE TABLE sync_state (
    key         TEXT    PRIMARY KEY,
    value       TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);
