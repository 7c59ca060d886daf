BEGIN;
--
-- Create model OpenIDStore
--
DROP TABLE "openid_openidstore" CASCADE;
--
-- Create model OpenIDNonce
--
DROP TABLE "openid_openidnonce" CASCADE;
COMMIT;
