BEGIN;
--
-- Alter field secret on socialapp
--
ALTER TABLE "socialaccount_socialapp" ALTER COLUMN "secret" TYPE varchar(100);
--
-- Alter field key on socialapp
--
ALTER TABLE "socialaccount_socialapp" ALTER COLUMN "key" TYPE varchar(100);
--
-- Alter field client_id on socialapp
--
ALTER TABLE "socialaccount_socialapp" ALTER COLUMN "client_id" TYPE varchar(100);
--
-- Alter field uid on socialaccount
--
-- (no-op)
COMMIT;
