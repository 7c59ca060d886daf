BEGIN;
--
-- Add field code to productreview
--
ALTER TABLE "reviews_productreview" ADD COLUMN "code" varchar(255) NULL UNIQUE;
CREATE INDEX "reviews_productreview_code_d8521aa6_like" ON "reviews_productreview" ("code" varchar_pattern_ops);
COMMIT;
