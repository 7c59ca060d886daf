BEGIN;
--
-- Alter field owner on playlist
--
-- (no-op)
COMMIT;
