BEGIN;
--
-- Alter field id on ledger
--
SET CONSTRAINTS "features_entry_ledger_id_3886362e_fk" IMMEDIATE; ALTER TABLE "features_entry" DROP CONSTRAINT "features_entry_ledger_id_3886362e_fk";
ALTER TABLE "features_ledger" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER SEQUENCE IF EXISTS "features_ledger_id_seq" AS integer;
ALTER TABLE "features_entry" ALTER COLUMN "ledger_id" TYPE integer USING "ledger_id"::integer;
ALTER TABLE "features_entry" ADD CONSTRAINT "features_entry_ledger_id_3886362e_fk" FOREIGN KEY ("ledger_id") REFERENCES "features_ledger" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Add field ledger to entry
--
SET CONSTRAINTS "features_entry_ledger_id_3886362e_fk" IMMEDIATE; ALTER TABLE "features_entry" DROP CONSTRAINT "features_entry_ledger_id_3886362e_fk";
ALTER TABLE "features_entry" DROP COLUMN "ledger_id" CASCADE;
COMMIT;
