BEGIN;
--
-- Alter field offer on voucherset
--
-- (no-op)
COMMIT;
