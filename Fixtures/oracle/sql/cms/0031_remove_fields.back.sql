BEGIN;
--
-- Remove field has_url_overwrite from title
--
ALTER TABLE "cms_title" ADD COLUMN "has_url_overwrite" boolean DEFAULT false NOT NULL;
ALTER TABLE "cms_title" ALTER COLUMN "has_url_overwrite" DROP DEFAULT;
--
-- Remove field path from title
--
ALTER TABLE "cms_title" ADD COLUMN "path" varchar(255) NOT NULL;
--
-- Remove field slug from title
--
ALTER TABLE "cms_title" ADD COLUMN "slug" varchar(255) NOT NULL;
--
-- Remove field publisher_state from title
--
ALTER TABLE "cms_title" ADD COLUMN "publisher_state" smallint DEFAULT 0 NOT NULL;
ALTER TABLE "cms_title" ALTER COLUMN "publisher_state" DROP DEFAULT;
--
-- Remove field published from title
--
ALTER TABLE "cms_title" ADD COLUMN "published" boolean DEFAULT false NOT NULL;
ALTER TABLE "cms_title" ALTER COLUMN "published" DROP DEFAULT;
--
-- Remove field publisher_public from title
--
ALTER TABLE "cms_title" ADD COLUMN "publisher_public_id" integer NULL UNIQUE CONSTRAINT "cms_title_publisher_public_id_003a2702_fk_cms_title_id" REFERENCES "cms_title"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "cms_title_publisher_public_id_003a2702_fk_cms_title_id" IMMEDIATE;
--
-- Remove field publisher_is_draft from title
--
ALTER TABLE "cms_title" ADD COLUMN "publisher_is_draft" boolean DEFAULT true NOT NULL;
ALTER TABLE "cms_title" ALTER COLUMN "publisher_is_draft" DROP DEFAULT;
--
-- Remove field limit_visibility_in_menu from page
--
ALTER TABLE "cms_page" ADD COLUMN "limit_visibility_in_menu" smallint NULL;
--
-- Remove field soft_root from page
--
ALTER TABLE "cms_page" ADD COLUMN "soft_root" boolean DEFAULT false NOT NULL;
ALTER TABLE "cms_page" ALTER COLUMN "soft_root" DROP DEFAULT;
--
-- Remove field in_navigation from page
--
ALTER TABLE "cms_page" ADD COLUMN "in_navigation" boolean DEFAULT true NOT NULL;
ALTER TABLE "cms_page" ALTER COLUMN "in_navigation" DROP DEFAULT;
--
-- Remove field xframe_options from page
--
ALTER TABLE "cms_page" ADD COLUMN "xframe_options" integer DEFAULT 0 NOT NULL;
ALTER TABLE "cms_page" ALTER COLUMN "xframe_options" DROP DEFAULT;
--
-- Remove field template from page
--
ALTER TABLE "cms_page" ADD COLUMN "template" varchar(100) DEFAULT 'INHERIT' NOT NULL;
ALTER TABLE "cms_page" ALTER COLUMN "template" DROP DEFAULT;
--
-- Remove field publication_end_date from page
--
ALTER TABLE "cms_page" ADD COLUMN "publication_end_date" timestamp with time zone NULL;
--
-- Remove field publication_date from page
--
ALTER TABLE "cms_page" ADD COLUMN "publication_date" timestamp with time zone NULL;
--
-- Remove field publisher_is_draft from page
--
ALTER TABLE "cms_page" ADD COLUMN "publisher_is_draft" boolean DEFAULT true NOT NULL;
ALTER TABLE "cms_page" ALTER COLUMN "publisher_is_draft" DROP DEFAULT;
--
-- Remove field publisher_public from page
--
ALTER TABLE "cms_page" ADD COLUMN "publisher_public_id" integer NULL UNIQUE CONSTRAINT "cms_page_publisher_public_id_d619fca0_fk_cms_page_id" REFERENCES "cms_page"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "cms_page_publisher_public_id_d619fca0_fk_cms_page_id" IMMEDIATE;
--
-- Alter unique_together for page (0 constraint(s))
--
ALTER TABLE "cms_page" ADD CONSTRAINT "cms_page_node_id_publisher_is_draft_c1293d6a_uniq" UNIQUE ("node_id", "publisher_is_draft");
CREATE INDEX "cms_title_has_url_overwrite_ecf27bb9" ON "cms_title" ("has_url_overwrite");
CREATE INDEX "cms_title_path_c484314c" ON "cms_title" ("path");
CREATE INDEX "cms_title_path_c484314c_like" ON "cms_title" ("path" varchar_pattern_ops);
CREATE INDEX "cms_title_slug_4947d146" ON "cms_title" ("slug");
CREATE INDEX "cms_title_slug_4947d146_like" ON "cms_title" ("slug" varchar_pattern_ops);
CREATE INDEX "cms_title_publisher_state_9a952b0f" ON "cms_title" ("publisher_state");
CREATE INDEX "cms_title_publisher_is_draft_95874c88" ON "cms_title" ("publisher_is_draft");
CREATE INDEX "cms_page_limit_visibility_in_menu_30db6aa6" ON "cms_page" ("limit_visibility_in_menu");
CREATE INDEX "cms_page_soft_root_51efccbe" ON "cms_page" ("soft_root");
CREATE INDEX "cms_page_in_navigation_01c24279" ON "cms_page" ("in_navigation");
CREATE INDEX "cms_page_publication_end_date_12a0c46a" ON "cms_page" ("publication_end_date");
CREATE INDEX "cms_page_publication_date_684fabf7" ON "cms_page" ("publication_date");
CREATE INDEX "cms_page_publisher_is_draft_141cba60" ON "cms_page" ("publisher_is_draft");
COMMIT;
