BEGIN;
--
-- Alter field permission_type on grouppagepermission
--
-- (no-op)
COMMIT;
