BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Creates extension unaccent
--
DROP EXTENSION IF EXISTS "unaccent";
COMMIT;
