BEGIN;
--
-- Add field is_editing to editingsession
--
ALTER TABLE "wagtailadmin_editingsession" DROP COLUMN "is_editing" CASCADE;
COMMIT;
