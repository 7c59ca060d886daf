BEGIN;
--
-- Create index wagtailcore_uuid_06a44d_idx on field(s) uuid, action, -timestamp of model pagelogentry
--
DROP INDEX IF EXISTS "wagtailcore_uuid_06a44d_idx";
--
-- Create index wagtailcore_uuid_d6363b_idx on field(s) uuid, action, -timestamp of model modellogentry
--
DROP INDEX IF EXISTS "wagtailcore_uuid_d6363b_idx";
COMMIT;
