BEGIN;
--
-- Alter field price_currency on line
--
-- (no-op)
COMMIT;
