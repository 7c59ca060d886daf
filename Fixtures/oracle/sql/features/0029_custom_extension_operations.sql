BEGIN;
--
-- Creates extension ltree
--
CREATE EXTENSION IF NOT EXISTS "ltree";
--
-- Creates extension cube
--
CREATE EXTENSION IF NOT EXISTS "cube";
COMMIT;
