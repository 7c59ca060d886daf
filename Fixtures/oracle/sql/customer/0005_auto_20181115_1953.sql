BEGIN;
--
-- Alter field date_sent on notification
--
CREATE INDEX "customer_notification_date_sent_9b6baeda" ON "customer_notification" ("date_sent");
COMMIT;
