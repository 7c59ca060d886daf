BEGIN;
--
-- Alter field date_created on transaction
--
DROP INDEX IF EXISTS "payment_transaction_date_created_f887f6bc";
COMMIT;
