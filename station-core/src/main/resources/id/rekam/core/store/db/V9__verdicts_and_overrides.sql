-- Schema 9: the server's verdicts become each record's state and sealed data; the supervisor's
-- duplicate override gets its own sealed row; reasons of parked packets and events are sealed
-- instead of stored masked.
--
-- Before V9 a duplicate verdict was kept as a sentence with the other record's NIK masked
-- (outbox.other_record), a rejection as "code: message" text (outbox.reason), print-ready only as
-- an audit entry "sync.printReady", and an override reason in clear in the audit details. SQL has
-- no key, so this script stages those values in verdict_reseal and drops the clear columns; the
-- store turns them into state and sealed rows at the next unlock (LegacyVerdicts), audited, and
-- deletes the staged rows (secure_delete overwrites them), all in one transaction.

CREATE TABLE verdicts (
    seq         INTEGER PRIMARY KEY,
    packet_id   TEXT    NOT NULL REFERENCES packets (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('accepted', 'print-ready', 'duplicate', 'rejected')),
    decided_at  INTEGER,
    applied_at  INTEGER NOT NULL,
    data        BLOB    NOT NULL,
    UNIQUE (packet_id, kind)
);

CREATE TABLE duplicate_overrides (
    record_id   TEXT    PRIMARY KEY REFERENCES records (id),
    supervisor  TEXT    NOT NULL,
    operator    TEXT,
    reason      BLOB    NOT NULL,
    at          INTEGER NOT NULL
);

CREATE TABLE verdict_reseal (
    seq      INTEGER PRIMARY KEY,
    target   TEXT    NOT NULL CHECK (target IN
             ('duplicate', 'rejected', 'print-ready', 'outbox-reason', 'event-reason', 'override')),
    row_key  TEXT    NOT NULL,
    doc      TEXT
);

INSERT INTO verdict_reseal (target, row_key, doc)
SELECT 'duplicate', packet_id, json_object('text', other_record, 'at', state_since) FROM outbox
WHERE state = 'DUPLICATE' ORDER BY seq;

INSERT INTO verdict_reseal (target, row_key, doc)
SELECT 'rejected', packet_id, json_object('text', reason, 'at', state_since) FROM outbox
WHERE state = 'REJECTED' ORDER BY seq;

INSERT INTO verdict_reseal (target, row_key, doc)
SELECT 'outbox-reason', packet_id, reason FROM outbox
WHERE state <> 'REJECTED' AND reason IS NOT NULL ORDER BY seq;

INSERT INTO verdict_reseal (target, row_key, doc)
SELECT 'print-ready', subject, json_object('at', min(at)) FROM audit_log
WHERE action = 'sync.printReady' AND subject IN (SELECT packet_id FROM outbox WHERE state = 'CONFIRMED')
GROUP BY subject ORDER BY min(seq);

INSERT INTO verdict_reseal (target, row_key, doc)
SELECT 'event-reason', id, reason FROM events WHERE reason IS NOT NULL ORDER BY seq;

INSERT INTO verdict_reseal (target, row_key, doc)
SELECT 'override', subject, json_object('supervisor', actor, 'operator', json_extract(details, '$.operator'),
       'reason', json_extract(details, '$.reason'), 'at', at) FROM audit_log
WHERE action = 'DUPLICATE_OVERRIDE' AND subject IN (SELECT id FROM records) ORDER BY seq;

ALTER TABLE outbox DROP COLUMN other_record;
ALTER TABLE outbox DROP COLUMN reason;
ALTER TABLE outbox ADD COLUMN reason BLOB;
ALTER TABLE events DROP COLUMN reason;
ALTER TABLE events ADD COLUMN reason BLOB;
