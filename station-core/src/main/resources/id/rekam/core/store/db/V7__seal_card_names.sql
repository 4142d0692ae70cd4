-- Personal names in the card tables (who received and witnessed a batch, the officer holding a
-- card, the reasons of moves and of spoiled blanks, the officer and witnesses of a destruction) were stored in clear
-- by V5. From V7 they are sealed (AES-256-GCM under the data key, AAD = row key + purpose) like
-- record summaries. SQL has no key, so this script moves each clear value into card_reseal and
-- drops the clear column; the store seals the staged values at the next unlock (CardReseal) and
-- deletes them (secure_delete overwrites them), all in one transaction.

CREATE TABLE card_reseal (
    seq      INTEGER PRIMARY KEY,
    target   TEXT    NOT NULL CHECK (target IN
             ('card_batches', 'card_batch_flags', 'cards', 'card_moves', 'blank_ledger', 'destructions')),
    row_key  TEXT    NOT NULL,
    doc      TEXT    NOT NULL
);

INSERT INTO card_reseal (target, row_key, doc)
SELECT 'card_batches', id, json_object('receivedBy', received_by, 'witnessedBy', witnessed_by) FROM card_batches;
ALTER TABLE card_batches DROP COLUMN received_by;
ALTER TABLE card_batches DROP COLUMN witnessed_by;
ALTER TABLE card_batches ADD COLUMN people BLOB;

INSERT INTO card_reseal (target, row_key, doc)
SELECT 'card_batch_flags', CAST(seq AS TEXT), json_object('receivedBy', received_by, 'witnessedBy', witnessed_by)
FROM card_batch_flags;
ALTER TABLE card_batch_flags DROP COLUMN received_by;
ALTER TABLE card_batch_flags DROP COLUMN witnessed_by;
ALTER TABLE card_batch_flags ADD COLUMN people BLOB;

INSERT INTO card_reseal (target, row_key, doc)
SELECT 'cards', serial, holder FROM cards WHERE holder IS NOT NULL;
ALTER TABLE cards DROP COLUMN holder;
ALTER TABLE cards ADD COLUMN holder BLOB;

INSERT INTO card_reseal (target, row_key, doc)
SELECT 'card_moves', event_id, json_object('holder', holder, 'reason', reason) FROM card_moves;
ALTER TABLE card_moves DROP COLUMN holder;
ALTER TABLE card_moves DROP COLUMN reason;
ALTER TABLE card_moves ADD COLUMN detail BLOB;

INSERT INTO card_reseal (target, row_key, doc)
SELECT 'blank_ledger', CAST(seq AS TEXT), json_object('reason', reason, 'reference', reference) FROM blank_ledger;
ALTER TABLE blank_ledger DROP COLUMN reason;
ALTER TABLE blank_ledger DROP COLUMN reference;
ALTER TABLE blank_ledger ADD COLUMN note BLOB;

INSERT INTO card_reseal (target, row_key, doc)
SELECT 'destructions', id, document FROM destructions;
ALTER TABLE destructions DROP COLUMN document;
ALTER TABLE destructions ADD COLUMN document BLOB;

-- V5 named the hand-over event "card.handedOver"; the central server accepts only lower-case
-- types, so such events were refused and stayed pending. Their type is renamed; the sealed
-- payload's AAD is (event id, "payload"), so it stays valid.
UPDATE events SET type = 'card.handed-over' WHERE type = 'card.handedOver';
