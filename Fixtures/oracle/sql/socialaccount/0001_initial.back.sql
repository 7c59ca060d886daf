BEGIN;
--
-- Alter unique_together for socialaccount (1 constraint(s))
--
ALTER TABLE "socialaccount_socialaccount" DROP CONSTRAINT "socialaccount_socialaccount_provider_uid_fc810c6e_uniq";
--
-- Alter unique_together for socialtoken (1 constraint(s))
--
ALTER TABLE "socialaccount_socialtoken" DROP CONSTRAINT "socialaccount_socialtoken_app_id_account_id_fca4e0ac_uniq";
--
-- Create model SocialToken
--
DROP TABLE "socialaccount_socialtoken" CASCADE;
--
-- Create model SocialApp
--
DROP TABLE "socialaccount_socialapp_sites" CASCADE;
DROP TABLE "socialaccount_socialapp" CASCADE;
--
-- Create model SocialAccount
--
DROP TABLE "socialaccount_socialaccount" CASCADE;
COMMIT;
