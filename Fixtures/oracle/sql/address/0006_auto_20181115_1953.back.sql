BEGIN;
--
-- Alter field printable_name on country
--
DROP INDEX IF EXISTS "address_country_printable_name_450b016c";
DROP INDEX IF EXISTS "address_country_printable_name_450b016c_like";
COMMIT;
