BEGIN;
--
-- Add field last_used_at to authenticator
--
ALTER TABLE "mfa_authenticator" DROP COLUMN "last_used_at" CASCADE;
--
-- Add field created_at to authenticator
--
ALTER TABLE "mfa_authenticator" DROP COLUMN "created_at" CASCADE;
COMMIT;
