BEGIN;
--
-- Create model ProductAlert
--
DROP TABLE "customer_productalert" CASCADE;
--
-- Create model Notification
--
DROP TABLE "customer_notification" CASCADE;
--
-- Create model Email
--
DROP TABLE "customer_email" CASCADE;
--
-- Create model CommunicationEventType
--
DROP TABLE "customer_communicationeventtype" CASCADE;
COMMIT;
