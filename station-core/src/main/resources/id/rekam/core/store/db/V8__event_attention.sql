-- Events the server refused are parked (state NEEDS_ATTENTION) with the server's reason,
-- instead of staying PENDING and being re-sent on every pass.
ALTER TABLE events ADD COLUMN reason TEXT;
