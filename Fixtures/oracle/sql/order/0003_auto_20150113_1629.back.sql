BEGIN;
--
-- Alter field date_placed on order
--
-- (no-op)
COMMIT;
