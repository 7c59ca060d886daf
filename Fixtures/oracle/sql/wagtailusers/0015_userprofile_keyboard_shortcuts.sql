BEGIN;
--
-- Add field keyboard_shortcuts to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "keyboard_shortcuts" boolean DEFAULT true NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "keyboard_shortcuts" DROP DEFAULT;
COMMIT;
