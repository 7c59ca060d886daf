BEGIN;
--
-- Alter field date_created on transaction
--
CREATE INDEX "payment_transaction_date_created_f887f6bc" ON "payment_transaction" ("date_created");
COMMIT;
