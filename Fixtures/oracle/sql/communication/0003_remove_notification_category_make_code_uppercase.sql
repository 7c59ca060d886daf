BEGIN;
--
-- Remove field category from notification
--
ALTER TABLE "communication_notification" DROP COLUMN "category" CASCADE;
--
-- Alter field code on communicationeventtype
--
-- (no-op)
COMMIT;
