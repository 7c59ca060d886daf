BEGIN;
--
-- Add field default_scopes to client
--
ALTER TABLE "allauth_idp_oidc_client" DROP COLUMN "default_scopes" CASCADE;
COMMIT;
