BEGIN;
--
-- Alter field redirect_link on redirect
--
ALTER TABLE "wagtailredirects_redirect" ALTER COLUMN "redirect_link" TYPE varchar(200);
COMMIT;
