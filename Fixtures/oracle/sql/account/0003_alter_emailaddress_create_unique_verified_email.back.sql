BEGIN;
--
-- Create constraint unique_verified_email on model emailaddress
--
DROP INDEX IF EXISTS "unique_verified_email";
--
-- Alter unique_together for emailaddress (1 constraint(s))
--
ALTER TABLE "account_emailaddress" DROP CONSTRAINT "account_emailaddress_user_id_email_987c8728_uniq";
COMMIT;
