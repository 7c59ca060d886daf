BEGIN;
--
-- Add field pin to secret
--
ALTER TABLE "features_secret" DROP COLUMN "pin" CASCADE;
--
-- Create model Secret
--
DROP TABLE "features_secret" CASCADE;
COMMIT;
