BEGIN;
--
-- Add field is_editing to editingsession
--
ALTER TABLE "wagtailadmin_editingsession" ADD COLUMN "is_editing" boolean DEFAULT false NOT NULL;
ALTER TABLE "wagtailadmin_editingsession" ALTER COLUMN "is_editing" DROP DEFAULT;
COMMIT;
