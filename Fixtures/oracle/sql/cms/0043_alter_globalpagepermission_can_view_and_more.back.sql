BEGIN;
--
-- Alter field can_view on pagepermission
--
-- (no-op)
--
-- Alter field can_view on globalpagepermission
--
-- (no-op)
--
-- Alter field can_change_permissions on pagepermission
--
-- (no-op)
--
-- Alter field can_change_permissions on globalpagepermission
--
-- (no-op)
COMMIT;
