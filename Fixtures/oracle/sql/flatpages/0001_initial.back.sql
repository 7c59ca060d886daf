BEGIN;
--
-- Create model FlatPage
--
DROP TABLE "django_flatpage_sites" CASCADE;
DROP TABLE "django_flatpage" CASCADE;
COMMIT;
