BEGIN;
--
-- Alter field user on email
--
SET CONSTRAINTS "customer_email_user_id_a69ad588_fk_auth_user_id" IMMEDIATE; ALTER TABLE "customer_email" DROP CONSTRAINT "customer_email_user_id_a69ad588_fk_auth_user_id";
ALTER TABLE "customer_email" ALTER COLUMN "user_id" SET NOT NULL;
ALTER TABLE "customer_email" ADD CONSTRAINT "customer_email_user_id_a69ad588_fk_auth_user_id" FOREIGN KEY ("user_id") REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Add field email to email
--
ALTER TABLE "customer_email" DROP COLUMN "email" CASCADE;
COMMIT;
