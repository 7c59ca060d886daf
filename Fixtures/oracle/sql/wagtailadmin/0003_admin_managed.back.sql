BEGIN;
--
-- Create model Admin
--
DROP TABLE "wagtailadmin_admin" CASCADE;
--
-- Delete model Admin
--
-- (no-op)
COMMIT;
