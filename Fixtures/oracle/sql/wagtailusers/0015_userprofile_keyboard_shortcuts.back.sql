BEGIN;
--
-- Add field keyboard_shortcuts to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "keyboard_shortcuts" CASCADE;
COMMIT;
