-- Equipment register and loans between offices (issue 17, core equipment package).
-- Device identity, kind, model, serial, offices, dates and the condition class are clear: the
-- office lists overdue loans without unlocking anything personal. Who handed over and who
-- received a device, and the condition notes, are sealed (AES-256-GCM, AAD = loan id + purpose).

CREATE TABLE equipment (
    device_id     TEXT    PRIMARY KEY,
    kind          TEXT    NOT NULL,
    model         TEXT    NOT NULL,
    serial        TEXT    NOT NULL,
    owner_office  TEXT    NOT NULL,
    simulated     INTEGER NOT NULL CHECK (simulated IN (0, 1)),
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL
);

CREATE TABLE equipment_loans (
    id                    TEXT    PRIMARY KEY,
    device_id             TEXT    NOT NULL REFERENCES equipment (device_id),
    from_office           TEXT    NOT NULL,
    to_office             TEXT    NOT NULL,
    condition_out         TEXT    NOT NULL CHECK (condition_out IN ('GOOD', 'MINOR_DEFECTS', 'DAMAGED')),
    handover              BLOB    NOT NULL,
    lent_at               INTEGER NOT NULL,
    due_date              TEXT    NOT NULL,
    recorded_by           TEXT    NOT NULL,
    returned_at           INTEGER,
    condition_back        TEXT    CHECK (condition_back IN ('GOOD', 'MINOR_DEFECTS', 'DAMAGED')),
    return_note           BLOB,
    returned_recorded_by  TEXT
);
-- One open loan per device, whatever code runs against this file.
CREATE UNIQUE INDEX equipment_loans_open ON equipment_loans (device_id) WHERE returned_at IS NULL;
CREATE INDEX equipment_loans_due ON equipment_loans (due_date) WHERE returned_at IS NULL;

-- A returned loan stays returned.
CREATE TRIGGER equipment_loans_returned_final
BEFORE UPDATE OF returned_at ON equipment_loans
WHEN OLD.returned_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a returned loan cannot be reopened');
END;
