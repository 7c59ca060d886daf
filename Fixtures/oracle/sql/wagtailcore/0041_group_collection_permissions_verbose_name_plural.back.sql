BEGIN;
--
-- Change Meta options on groupcollectionpermission
--
-- (no-op)
COMMIT;
