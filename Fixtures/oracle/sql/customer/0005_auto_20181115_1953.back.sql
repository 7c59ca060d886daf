BEGIN;
--
-- Alter field date_sent on notification
--
DROP INDEX IF EXISTS "customer_notification_date_sent_9b6baeda";
COMMIT;
