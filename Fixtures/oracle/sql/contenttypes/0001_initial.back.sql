BEGIN;
--
-- Alter unique_together for contenttype (1 constraint(s))
--
ALTER TABLE "django_content_type" DROP CONSTRAINT "django_content_type_app_label_model_76bd3d3b_uniq";
--
-- Create model ContentType
--
DROP TABLE "django_content_type" CASCADE;
COMMIT;
