BEGIN;
--
-- Create model BookTranslation
--
DROP TABLE "features_booktranslation" CASCADE;
--
-- Create model Chapter
--
DROP TABLE "features_chapter" CASCADE;
COMMIT;
