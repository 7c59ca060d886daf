BEGIN;
--
-- Add field _transparent to image
--
ALTER TABLE "filer_image" DROP COLUMN "_transparent" CASCADE;
COMMIT;
