BEGIN;
--
-- Alter field email on productalert
--
ALTER TABLE "customer_productalert" ALTER COLUMN "email" TYPE varchar(75);
COMMIT;
