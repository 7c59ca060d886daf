BEGIN;
--
-- Add field updated_comments_notifications to userprofile
--
ALTER TABLE "wagtailusers_userprofile" ADD COLUMN "updated_comments_notifications" boolean DEFAULT true NOT NULL;
ALTER TABLE "wagtailusers_userprofile" ALTER COLUMN "updated_comments_notifications" DROP DEFAULT;
COMMIT;
