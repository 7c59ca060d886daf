BEGIN;
--
-- Alter field date_uploaded on rangeproductfileupload
--
DROP INDEX IF EXISTS "offer_rangeproductfileupload_date_uploaded_f0a4f9ae";
--
-- Alter field priority on conditionaloffer
--
DROP INDEX IF EXISTS "offer_conditionaloffer_priority_4c2fc582";
COMMIT;
