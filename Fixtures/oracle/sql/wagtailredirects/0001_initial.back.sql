BEGIN;
--
-- Create model Redirect
--
DROP TABLE "wagtailredirects_redirect" CASCADE;
COMMIT;
