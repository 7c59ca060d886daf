BEGIN;
--
-- Add field source_type to source
--
SET CONSTRAINTS "payment_source_source_type_id_700828fe_fk_payment_sourcetype_id" IMMEDIATE; ALTER TABLE "payment_source" DROP CONSTRAINT "payment_source_source_type_id_700828fe_fk_payment_sourcetype_id";
ALTER TABLE "payment_source" DROP COLUMN "source_type_id" CASCADE;
--
-- Create model Transaction
--
DROP TABLE "payment_transaction" CASCADE;
--
-- Create model SourceType
--
DROP TABLE "payment_sourcetype" CASCADE;
--
-- Create model Source
--
DROP TABLE "payment_source" CASCADE;
--
-- Create model Bankcard
--
DROP TABLE "payment_bankcard" CASCADE;
COMMIT;
