BEGIN;
--
-- Change Meta options on partner
--
-- (no-op)
COMMIT;
