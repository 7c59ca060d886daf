BEGIN;
--
-- Create model SimpleTranslation
--
DROP TABLE "simple_translation_simpletranslation" CASCADE;
COMMIT;
