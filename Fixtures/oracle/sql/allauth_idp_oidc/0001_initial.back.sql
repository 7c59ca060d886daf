BEGIN;
--
-- Create model Token
--
DROP TABLE "allauth_idp_oidc_token" CASCADE;
--
-- Create model Client
--
DROP TABLE "allauth_idp_oidc_client" CASCADE;
COMMIT;
