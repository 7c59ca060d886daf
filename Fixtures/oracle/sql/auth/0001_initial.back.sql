BEGIN;
--
-- Create model User
--
DROP TABLE "auth_user_groups" CASCADE;
DROP TABLE "auth_user_user_permissions" CASCADE;
DROP TABLE "auth_user" CASCADE;
--
-- Create model Group
--
DROP TABLE "auth_group_permissions" CASCADE;
DROP TABLE "auth_group" CASCADE;
--
-- Create model Permission
--
DROP TABLE "auth_permission" CASCADE;
COMMIT;
