BEGIN;
--
-- Create model EmailConfirmation
--
DROP TABLE "account_emailconfirmation" CASCADE;
--
-- Create model EmailAddress
--
DROP TABLE "account_emailaddress" CASCADE;
COMMIT;
