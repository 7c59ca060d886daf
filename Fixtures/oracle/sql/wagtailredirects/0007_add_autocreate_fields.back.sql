BEGIN;
--
-- Add field redirect_page_route_path to redirect
--
ALTER TABLE "wagtailredirects_redirect" DROP COLUMN "redirect_page_route_path" CASCADE;
--
-- Add field created_at to redirect
--
ALTER TABLE "wagtailredirects_redirect" DROP COLUMN "created_at" CASCADE;
--
-- Add field automatically_created to redirect
--
ALTER TABLE "wagtailredirects_redirect" DROP COLUMN "automatically_created" CASCADE;
COMMIT;
