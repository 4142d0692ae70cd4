-- Schema 10: mobile teams (issue 16). Nothing personal in clear: a safety copy is a packet id
-- and the bundle it went into; coverage targets are public reference numbers; a team member's
-- tally (counts per kelurahan, day and operator) is sealed like every other row.

-- Which packets sit on at least one safety bundle (written to removable media, state unchanged).
CREATE TABLE safety_copies (
    packet_id   TEXT    PRIMARY KEY REFERENCES packets (id),
    bundle_id   TEXT    NOT NULL,
    written_at  INTEGER NOT NULL
);

-- Residents obliged to record, per kelurahan/desa: from the server's signed reference data or a
-- supervisor's CSV import (source says which).
CREATE TABLE coverage_targets (
    village_code  TEXT    PRIMARY KEY,
    village_name  TEXT    NOT NULL,
    target        INTEGER NOT NULL CHECK (target >= 0),
    source        TEXT    NOT NULL,
    imported_at   INTEGER NOT NULL
);

-- The latest tally of each team member's station, merged from bundles and the server.
CREATE TABLE team_tallies (
    station_id    TEXT    PRIMARY KEY,
    generated_at  INTEGER NOT NULL,
    tally         BLOB    NOT NULL,
    received_at   INTEGER NOT NULL
);

-- The decrypted search index kept sealed in chunks (SummaryIndex): the first search of a session
-- opens a few chunks instead of every summary. Same data, same key as records.summary.
CREATE TABLE search_snapshot (
    chunk       INTEGER PRIMARY KEY,
    upto_rowid  INTEGER NOT NULL,
    sealed      BLOB    NOT NULL
);
