BEGIN;
--
-- Creates extension unaccent
--
CREATE EXTENSION IF NOT EXISTS "unaccent";
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
