BEGIN;
--
-- Alter field ledger on entry
--
SET CONSTRAINTS "features_entry_ledger_id_3886362e_fk" IMMEDIATE; ALTER TABLE "features_entry" DROP CONSTRAINT "features_entry_ledger_id_3886362e_fk";
COMMIT;
