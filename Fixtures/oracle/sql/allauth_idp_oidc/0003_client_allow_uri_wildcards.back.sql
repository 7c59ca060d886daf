BEGIN;
--
-- Add field allow_uri_wildcards to client
--
ALTER TABLE "allauth_idp_oidc_client" DROP COLUMN "allow_uri_wildcards" CASCADE;
COMMIT;
