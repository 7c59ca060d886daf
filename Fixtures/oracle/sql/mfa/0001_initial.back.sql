BEGIN;
--
-- Create model Authenticator
--
DROP TABLE "mfa_authenticator" CASCADE;
COMMIT;
