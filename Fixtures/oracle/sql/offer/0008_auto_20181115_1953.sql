BEGIN;
--
-- Alter field priority on conditionaloffer
--
CREATE INDEX "offer_conditionaloffer_priority_4c2fc582" ON "offer_conditionaloffer" ("priority");
--
-- Alter field date_uploaded on rangeproductfileupload
--
CREATE INDEX "offer_rangeproductfileupload_date_uploaded_f0a4f9ae" ON "offer_rangeproductfileupload" ("date_uploaded");
COMMIT;
