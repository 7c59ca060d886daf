BEGIN;
--
-- Alter field email on emailaddress
--
ALTER TABLE "account_emailaddress" ALTER COLUMN "email" TYPE varchar(75);
COMMIT;
