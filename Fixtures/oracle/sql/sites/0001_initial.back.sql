BEGIN;
--
-- Create model Site
--
DROP TABLE "django_site" CASCADE;
COMMIT;
