BEGIN;
--
-- Add field automatically_created to redirect
--
ALTER TABLE "wagtailredirects_redirect" ADD COLUMN "automatically_created" boolean DEFAULT false NOT NULL;
ALTER TABLE "wagtailredirects_redirect" ALTER COLUMN "automatically_created" DROP DEFAULT;
--
-- Add field created_at to redirect
--
ALTER TABLE "wagtailredirects_redirect" ADD COLUMN "created_at" timestamp with time zone DEFAULT '<now>'::timestamptz NULL;
ALTER TABLE "wagtailredirects_redirect" ALTER COLUMN "created_at" DROP DEFAULT;
--
-- Add field redirect_page_route_path to redirect
--
ALTER TABLE "wagtailredirects_redirect" ADD COLUMN "redirect_page_route_path" varchar(255) DEFAULT '' NOT NULL;
ALTER TABLE "wagtailredirects_redirect" ALTER COLUMN "redirect_page_route_path" DROP DEFAULT;
COMMIT;
