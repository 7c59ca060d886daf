BEGIN;
--
-- Alter field last_login on user
--
ALTER TABLE "auth_user" ALTER COLUMN "last_login" SET DEFAULT '<now>'::timestamptz;
UPDATE "auth_user" SET "last_login" = '<now>'::timestamptz WHERE "last_login" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "auth_user" ALTER COLUMN "last_login" SET NOT NULL;
ALTER TABLE "auth_user" ALTER COLUMN "last_login" DROP DEFAULT;
COMMIT;
