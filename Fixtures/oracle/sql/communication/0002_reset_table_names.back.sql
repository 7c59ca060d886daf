--
-- Rename table for notification to (default)
--
ALTER TABLE "communication_notification" RENAME TO "customer_notification";
--
-- Rename table for email to (default)
--
ALTER TABLE "communication_email" RENAME TO "customer_email";
--
-- Rename table for communicationeventtype to (default)
--
ALTER TABLE "communication_communicationeventtype" RENAME TO "customer_communicationeventtype";
