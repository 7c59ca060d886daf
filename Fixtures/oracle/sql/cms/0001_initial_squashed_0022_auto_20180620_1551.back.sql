BEGIN;
--
-- Change Meta options on page
--
-- (no-op)
--
-- Create model Title
--
DROP TABLE "cms_title" CASCADE;
--
-- Create model PagePermission
--
DROP TABLE "cms_pagepermission" CASCADE;
--
-- Create model PageUserGroup
--
DROP TABLE "cms_pageusergroup" CASCADE;
--
-- Create model StaticPlaceholder
--
DROP TABLE "cms_staticplaceholder" CASCADE;
--
-- Create proxy model PageType
--
-- (no-op)
--
-- Create model PlaceholderReference
--
DROP TABLE "cms_placeholderreference" CASCADE;
--
-- Create model AliasPluginModel
--
DROP TABLE "cms_aliaspluginmodel" CASCADE;
--
-- Create model PageUser
--
DROP TABLE "cms_pageuser" CASCADE;
--
-- Create model UrlconfRevision
--
DROP TABLE "cms_urlconfrevision" CASCADE;
--
-- Create model UserSettings
--
DROP TABLE "cms_usersettings" CASCADE;
--
-- Create model GlobalPagePermission
--
DROP TABLE "cms_globalpagepermission_sites" CASCADE;
DROP TABLE "cms_globalpagepermission" CASCADE;
--
-- Create model CMSPlugin
--
DROP TABLE "cms_cmsplugin" CASCADE;
--
-- Create model Page
--
DROP TABLE "cms_page_placeholders" CASCADE;
DROP TABLE "cms_page" CASCADE;
--
-- Create model TreeNode
--
DROP TABLE "cms_treenode" CASCADE;
--
-- Create model Placeholder
--
DROP TABLE "cms_placeholder" CASCADE;
COMMIT;
