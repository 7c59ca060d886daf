BEGIN;
--
-- Create model Redirect
--
DROP TABLE "django_redirect" CASCADE;
COMMIT;
