BEGIN;
--
-- Alter field site on page
--
-- (no-op)
--
-- Rename field node on page to node_deprecated
--
SET CONSTRAINTS "cms_page_node_id_c87b85a9_fk_cms_treenode_id" IMMEDIATE; ALTER TABLE "cms_page" DROP CONSTRAINT "cms_page_node_id_c87b85a9_fk_cms_treenode_id";
ALTER TABLE "cms_page" RENAME COLUMN "node_id" TO "node_deprecated_id";
ALTER TABLE "cms_page" ADD CONSTRAINT "cms_page_node_deprecated_id_f1deaefb_fk_cms_treenode_id" FOREIGN KEY ("node_deprecated_id") REFERENCES "cms_treenode" ("id") DEFERRABLE INITIALLY DEFERRED;
--
-- Alter field node_deprecated on page
--
ALTER TABLE "cms_page" ALTER COLUMN "node_deprecated_id" DROP NOT NULL;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Remove field node_deprecated from page
--
ALTER TABLE "cms_page" DROP COLUMN "node_deprecated_id" CASCADE;
--
-- Delete model TreeNode
--
DROP TABLE "cms_treenode" CASCADE;
--
-- Alter field clipboard on usersettings
--
SET CONSTRAINTS "cms_usersettings_clipboard_id_3ae17c19_fk_cms_placeholder_id" IMMEDIATE; ALTER TABLE "cms_usersettings" DROP CONSTRAINT "cms_usersettings_clipboard_id_3ae17c19_fk_cms_placeholder_id";
ALTER TABLE "cms_usersettings" ADD CONSTRAINT "cms_usersettings_clipboard_id_3ae17c19_fk_cms_placeholder_id" FOREIGN KEY ("clipboard_id") REFERENCES "cms_placeholder" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
