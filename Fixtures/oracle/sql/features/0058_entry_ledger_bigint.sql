BEGIN;
--
-- Add field ledger to entry
--
ALTER TABLE "features_entry" ADD COLUMN "ledger_id" integer NULL CONSTRAINT "features_entry_ledger_id_3886362e_fk_features_ledger_id" REFERENCES "features_ledger"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_entry_ledger_id_3886362e_fk_features_ledger_id" IMMEDIATE;
--
-- Alter field id on ledger
--
ALTER TABLE "features_ledger" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
ALTER SEQUENCE IF EXISTS "features_ledger_id_seq" AS bigint;
ALTER TABLE "features_entry" ALTER COLUMN "ledger_id" TYPE bigint USING "ledger_id"::bigint;
ALTER TABLE "features_entry" ADD CONSTRAINT "features_entry_ledger_id_3886362e_fk" FOREIGN KEY ("ledger_id") REFERENCES "features_ledger" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "features_entry_ledger_id_3886362e" ON "features_entry" ("ledger_id");
COMMIT;
