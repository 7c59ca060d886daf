BEGIN;
--
-- Create model Entry
--
DROP TABLE "features_entry" CASCADE;
--
-- Create model Ledger
--
DROP TABLE "features_ledger" CASCADE;
COMMIT;
