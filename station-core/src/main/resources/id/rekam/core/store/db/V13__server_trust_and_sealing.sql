-- Issue 14 (secA): the station trusts only its server, packets are sealed to it, the sync
-- service works without the passphrase, the server can lock or crypto-erase a station.
-- Every column here is readable without the passphrase: nothing in it is personal.

-- The central server as provisioning pinned it (was: rekam.server / rekam.serverPin in the
-- group-writable settings file). Keys are raw 32 bytes: Ed25519 signing key, X25519 packet key.
-- A keyed table (V12's seal_version/seal, StateSeal): whoever swaps a key in the file without the
-- passphrase is named at the next unlock. The locked sync service reads it unchecked (no key).
CREATE TABLE server_trust (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    server_url    TEXT    NOT NULL,
    tls_pin       TEXT,
    signing_key   BLOB,
    packet_key    BLOB,
    pinned_at     INTEGER NOT NULL,
    seal_version  INTEGER,
    seal          BLOB
);

-- A packet body is sealed under its own content key (body_key: that key, sealed under the data
-- key). seal_header is the HPKE part of the sealed packet the server opens (packet-format.md,
-- "Sealed packet"): magic, key id, encapsulated key, content key sealed to the server. The
-- sealed packet on the wire is seal_header || body. Rows from before
-- this version keep body sealed under the data key (body_key NULL) until the store reseals them.
ALTER TABLE packets ADD COLUMN body_key BLOB;
ALTER TABLE packets ADD COLUMN seal_header BLOB;
-- When the server confirmed it learned of the purge (loss report: what may still be on a station).
ALTER TABLE packets ADD COLUMN purge_reported_at INTEGER;

CREATE TRIGGER packets_sealed_once
BEFORE UPDATE OF seal_header ON packets
WHEN OLD.seal_header IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a sealed packet is immutable');
END;

CREATE TRIGGER packets_sealed_body
BEFORE UPDATE OF body ON packets
WHEN OLD.seal_header IS NOT NULL AND NEW.body IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a sealed packet is immutable');
END;

-- What the sync service learned while the store was locked (no passphrase): upload progress and
-- the server's signed receipt per packet. The next unlock checks each signature with the pinned
-- key and applies it through the audited outbox, then deletes the row.
CREATE TABLE delivery (
    packet_id      TEXT    PRIMARY KEY REFERENCES packets (id),
    state          TEXT    NOT NULL,
    upload_url     TEXT,
    upload_offset  INTEGER NOT NULL DEFAULT 0,
    receipt        TEXT,
    reason         TEXT,
    updated_at     INTEGER NOT NULL
);

-- Signed feed entries (verdicts) the locked sync service received, in feed order, applied at the
-- next unlock.
CREATE TABLE inbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    cursor       TEXT    NOT NULL UNIQUE,
    entry        TEXT    NOT NULL,
    received_at  INTEGER NOT NULL
);

-- Signed station commands (lock, unlock, crypto-erase) received from the server. Not keyed: the
-- locked sync service and a failed unlock write it, before any key exists.
CREATE TABLE station_commands (
    command_id   TEXT    PRIMARY KEY,
    command      TEXT    NOT NULL,
    entry        TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    applied_at   INTEGER
);

-- Unlock policy the supervisor chose at provisioning: crypto-erase after N failed unlocks
-- (0 = never), and whether that may happen while records are still waiting for delivery. Keyed
-- (written only by the unlocked store): an edit is named at the next unlock.
CREATE TABLE security_policy (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    erase_after_failures   INTEGER NOT NULL DEFAULT 0,
    erase_even_if_pending  INTEGER NOT NULL DEFAULT 0,
    set_by                 TEXT    NOT NULL,
    set_at                 INTEGER NOT NULL,
    seal_version           INTEGER,
    seal                   BLOB
);
