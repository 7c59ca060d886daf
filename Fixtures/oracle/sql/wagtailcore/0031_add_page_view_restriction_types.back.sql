BEGIN;
--
-- Alter field password on pageviewrestriction
--
-- (no-op)
--
-- Add field restriction_type to pageviewrestriction
--
ALTER TABLE "wagtailcore_pageviewrestriction" DROP COLUMN "restriction_type" CASCADE;
--
-- Add field groups to pageviewrestriction
--
DROP TABLE "wagtailcore_pageviewrestriction_groups" CASCADE;
COMMIT;
