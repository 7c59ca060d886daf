BEGIN;
--
-- Add field allow_uri_wildcards to client
--
ALTER TABLE "allauth_idp_oidc_client" ADD COLUMN "allow_uri_wildcards" boolean DEFAULT false NOT NULL;
ALTER TABLE "allauth_idp_oidc_client" ALTER COLUMN "allow_uri_wildcards" DROP DEFAULT;
COMMIT;
