BEGIN;
--
-- Alter field old_path on redirect
--
ALTER TABLE "wagtailredirects_redirect" DROP CONSTRAINT "wagtailredirects_redirect_old_path_key";
CREATE INDEX "wagtailredirects_redirect_old_path_bb35247b" ON "wagtailredirects_redirect" ("old_path");
--
-- Alter unique_together for redirect (1 constraint(s))
--
ALTER TABLE "wagtailredirects_redirect" ADD CONSTRAINT "wagtailredirects_redirect_old_path_site_id_783622d7_uniq" UNIQUE ("old_path", "site_id");
COMMIT;
