BEGIN;
--
-- Change Meta options on ordernote
--
-- (no-op)
--
-- Change Meta options on orderdiscount
--
-- (no-op)
COMMIT;
