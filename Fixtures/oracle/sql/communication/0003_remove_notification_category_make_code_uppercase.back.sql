BEGIN;
--
-- Alter field code on communicationeventtype
--
-- (no-op)
--
-- Remove field category from notification
--
ALTER TABLE "communication_notification" ADD COLUMN "category" varchar(255) DEFAULT '' NOT NULL;
ALTER TABLE "communication_notification" ALTER COLUMN "category" DROP DEFAULT;
COMMIT;
