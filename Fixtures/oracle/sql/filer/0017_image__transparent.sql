BEGIN;
--
-- Add field _transparent to image
--
ALTER TABLE "filer_image" ADD COLUMN "_transparent" boolean DEFAULT false NOT NULL;
ALTER TABLE "filer_image" ALTER COLUMN "_transparent" DROP DEFAULT;
COMMIT;
