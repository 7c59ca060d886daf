BEGIN;
--
-- Alter unique_together for emailaddress (1 constraint(s))
--
ALTER TABLE "account_emailaddress" ADD CONSTRAINT "account_emailaddress_user_id_email_987c8728_uniq" UNIQUE ("user_id", "email");
--
-- Create constraint unique_verified_email on model emailaddress
--
CREATE UNIQUE INDEX "unique_verified_email" ON "account_emailaddress" ("email") WHERE "verified";
COMMIT;
