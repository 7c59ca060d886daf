BEGIN;
--
-- Add field created_at to authenticator
--
ALTER TABLE "mfa_authenticator" ADD COLUMN "created_at" timestamp with time zone DEFAULT '<now>'::timestamptz NOT NULL;
ALTER TABLE "mfa_authenticator" ALTER COLUMN "created_at" DROP DEFAULT;
--
-- Add field last_used_at to authenticator
--
ALTER TABLE "mfa_authenticator" ADD COLUMN "last_used_at" timestamp with time zone NULL;
COMMIT;
