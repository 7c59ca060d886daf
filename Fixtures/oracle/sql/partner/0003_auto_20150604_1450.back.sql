BEGIN;
--
-- Alter field users on partner
--
-- (no-op)
COMMIT;
