BEGIN;
--
-- Create model UserSearch
--
DROP TABLE "analytics_usersearch" CASCADE;
--
-- Create model UserRecord
--
DROP TABLE "analytics_userrecord" CASCADE;
--
-- Create model UserProductView
--
DROP TABLE "analytics_userproductview" CASCADE;
--
-- Create model ProductRecord
--
DROP TABLE "analytics_productrecord" CASCADE;
COMMIT;
