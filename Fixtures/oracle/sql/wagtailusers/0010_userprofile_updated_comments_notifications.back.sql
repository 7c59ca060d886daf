BEGIN;
--
-- Add field updated_comments_notifications to userprofile
--
ALTER TABLE "wagtailusers_userprofile" DROP COLUMN "updated_comments_notifications" CASCADE;
COMMIT;
