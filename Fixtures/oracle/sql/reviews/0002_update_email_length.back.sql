BEGIN;
--
-- Alter field email on productreview
--
ALTER TABLE "reviews_productreview" ALTER COLUMN "email" TYPE varchar(75);
COMMIT;
