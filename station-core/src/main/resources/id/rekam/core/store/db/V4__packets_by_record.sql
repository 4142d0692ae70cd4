-- Record look-ups (by NIK, by id) join packets on record_id: without this index every
-- look-up scanned the whole packets table (found by the 100k-record benchmark).

CREATE INDEX packets_record_id ON packets (record_id);
