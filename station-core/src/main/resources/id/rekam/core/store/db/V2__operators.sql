-- Operator accounts for offline login.

CREATE TABLE operators (
    username         TEXT    PRIMARY KEY,
    role             TEXT    NOT NULL CHECK (role IN ('OPERATOR', 'SUPERVISOR', 'TECHNICIAN')),
    password_salt    BLOB    NOT NULL,
    password_iter    INTEGER NOT NULL,
    password_hash    BLOB    NOT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     INTEGER,
    created_at       TEXT    NOT NULL,
    disabled         INTEGER NOT NULL DEFAULT 0
);
