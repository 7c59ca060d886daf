BEGIN;
--
-- Create model UserProfile
--
DROP TABLE "wagtailusers_userprofile" CASCADE;
COMMIT;
