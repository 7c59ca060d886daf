BEGIN;
--
-- Alter field name on sourcetype
--
DROP INDEX IF EXISTS "payment_sourcetype_name_a980e862";
DROP INDEX IF EXISTS "payment_sourcetype_name_a980e862_like";
--
-- Change Meta options on sourcetype
--
-- (no-op)
--
-- Change Meta options on source
--
-- (no-op)
COMMIT;
