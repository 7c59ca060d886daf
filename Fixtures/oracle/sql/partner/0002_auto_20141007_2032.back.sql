BEGIN;
--
-- Alter field price_currency on stockrecord
--
-- (no-op)
COMMIT;
