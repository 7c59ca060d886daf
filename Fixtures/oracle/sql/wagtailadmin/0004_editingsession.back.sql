BEGIN;
--
-- Create model EditingSession
--
DROP TABLE "wagtailadmin_editingsession" CASCADE;
COMMIT;
