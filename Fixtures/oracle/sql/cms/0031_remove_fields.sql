BEGIN;
--
-- Alter unique_together for page (0 constraint(s))
--
-- (no-op)
--
-- Remove field publisher_public from page
--
SET CONSTRAINTS "cms_page_publisher_public_id_d619fca0_fk_cms_page_id" IMMEDIATE; ALTER TABLE "cms_page" DROP CONSTRAINT "cms_page_publisher_public_id_d619fca0_fk_cms_page_id";
ALTER TABLE "cms_page" DROP COLUMN "publisher_public_id" CASCADE;
--
-- Remove field publisher_is_draft from page
--
ALTER TABLE "cms_page" DROP COLUMN "publisher_is_draft" CASCADE;
--
-- Remove field publication_date from page
--
ALTER TABLE "cms_page" DROP COLUMN "publication_date" CASCADE;
--
-- Remove field publication_end_date from page
--
ALTER TABLE "cms_page" DROP COLUMN "publication_end_date" CASCADE;
--
-- Remove field template from page
--
ALTER TABLE "cms_page" DROP COLUMN "template" CASCADE;
--
-- Remove field xframe_options from page
--
ALTER TABLE "cms_page" DROP COLUMN "xframe_options" CASCADE;
--
-- Remove field in_navigation from page
--
ALTER TABLE "cms_page" DROP COLUMN "in_navigation" CASCADE;
--
-- Remove field soft_root from page
--
ALTER TABLE "cms_page" DROP COLUMN "soft_root" CASCADE;
--
-- Remove field limit_visibility_in_menu from page
--
ALTER TABLE "cms_page" DROP COLUMN "limit_visibility_in_menu" CASCADE;
--
-- Remove field publisher_is_draft from title
--
ALTER TABLE "cms_title" DROP COLUMN "publisher_is_draft" CASCADE;
--
-- Remove field publisher_public from title
--
SET CONSTRAINTS "cms_title_publisher_public_id_003a2702_fk_cms_title_id" IMMEDIATE; ALTER TABLE "cms_title" DROP CONSTRAINT "cms_title_publisher_public_id_003a2702_fk_cms_title_id";
ALTER TABLE "cms_title" DROP COLUMN "publisher_public_id" CASCADE;
--
-- Remove field published from title
--
ALTER TABLE "cms_title" DROP COLUMN "published" CASCADE;
--
-- Remove field publisher_state from title
--
ALTER TABLE "cms_title" DROP COLUMN "publisher_state" CASCADE;
--
-- Remove field slug from title
--
ALTER TABLE "cms_title" DROP COLUMN "slug" CASCADE;
--
-- Remove field path from title
--
ALTER TABLE "cms_title" DROP COLUMN "path" CASCADE;
--
-- Remove field has_url_overwrite from title
--
ALTER TABLE "cms_title" DROP COLUMN "has_url_overwrite" CASCADE;
COMMIT;
