--
-- Rename table for communicationeventtype to (default)
--
ALTER TABLE "customer_communicationeventtype" RENAME TO "communication_communicationeventtype";
--
-- Rename table for email to (default)
--
ALTER TABLE "customer_email" RENAME TO "communication_email";
--
-- Rename table for notification to (default)
--
ALTER TABLE "customer_notification" RENAME TO "communication_notification";
