BEGIN;
--
-- Alter field slug on product
--
-- (no-op)
COMMIT;
