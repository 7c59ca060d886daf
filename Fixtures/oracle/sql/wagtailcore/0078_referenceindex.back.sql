BEGIN;
--
-- Create model ReferenceIndex
--
DROP TABLE "wagtailcore_referenceindex" CASCADE;
COMMIT;
