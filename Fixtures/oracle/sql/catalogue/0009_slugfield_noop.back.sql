BEGIN;
--
-- Alter field slug on category
--
-- (no-op)
COMMIT;
