BEGIN;
--
-- Create model PageUrl
--
DROP TABLE "cms_pageurl" CASCADE;
--
-- Add field soft_root to title
--
ALTER TABLE "cms_title" DROP COLUMN "soft_root" CASCADE;
--
-- Add field xframe_options to title
--
ALTER TABLE "cms_title" DROP COLUMN "xframe_options" CASCADE;
--
-- Add field template to title
--
ALTER TABLE "cms_title" DROP COLUMN "template" CASCADE;
--
-- Add field limit_visibility_in_menu to title
--
ALTER TABLE "cms_title" DROP COLUMN "limit_visibility_in_menu" CASCADE;
--
-- Add field in_navigation to title
--
ALTER TABLE "cms_title" DROP COLUMN "in_navigation" CASCADE;
--
-- Add field created_by to title
--
ALTER TABLE "cms_title" DROP COLUMN "created_by" CASCADE;
--
-- Add field changed_date to title
--
ALTER TABLE "cms_title" DROP COLUMN "changed_date" CASCADE;
--
-- Add field changed_by to title
--
ALTER TABLE "cms_title" DROP COLUMN "changed_by" CASCADE;
COMMIT;
