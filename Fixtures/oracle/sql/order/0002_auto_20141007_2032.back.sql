BEGIN;
--
-- Alter field currency on order
--
-- (no-op)
COMMIT;
