BEGIN;
--
-- Creates extension cube
--
DROP EXTENSION IF EXISTS "cube";
--
-- Creates extension ltree
--
DROP EXTENSION IF EXISTS "ltree";
COMMIT;
