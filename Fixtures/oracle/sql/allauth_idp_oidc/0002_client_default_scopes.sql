BEGIN;
--
-- Add field default_scopes to client
--
ALTER TABLE "allauth_idp_oidc_client" ADD COLUMN "default_scopes" text DEFAULT '' NOT NULL;
ALTER TABLE "allauth_idp_oidc_client" ALTER COLUMN "default_scopes" DROP DEFAULT;
COMMIT;
