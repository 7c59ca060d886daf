BEGIN;
--
-- Alter field groups on pageviewrestriction
--
-- (no-op)
--
-- Create model CollectionViewRestriction
--
DROP TABLE "wagtailcore_collectionviewrestriction_groups" CASCADE;
DROP TABLE "wagtailcore_collectionviewrestriction" CASCADE;
COMMIT;
