BEGIN;
--
-- Alter field ledger on entry
--
ALTER TABLE "features_entry" ADD CONSTRAINT "features_entry_ledger_id_3886362e_fk_features_ledger_id" FOREIGN KEY ("ledger_id") REFERENCES "features_ledger" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
