BEGIN;
--
-- Alter unique_together for redirect (1 constraint(s))
--
ALTER TABLE "wagtailredirects_redirect" DROP CONSTRAINT "wagtailredirects_redirect_old_path_site_id_783622d7_uniq";
--
-- Alter field old_path on redirect
--
DROP INDEX IF EXISTS "wagtailredirects_redirect_old_path_bb35247b";
DROP INDEX IF EXISTS "wagtailredirects_redirect_old_path_bb35247b_like";
ALTER TABLE "wagtailredirects_redirect" ADD CONSTRAINT "wagtailredirects_redirect_old_path_bb35247b_uniq" UNIQUE ("old_path");
CREATE INDEX "wagtailredirects_redirect_old_path_bb35247b_like" ON "wagtailredirects_redirect" ("old_path" varchar_pattern_ops);
COMMIT;
