BEGIN;
--
-- Add field date_updated to line
--
ALTER TABLE "basket_line" ADD COLUMN "date_updated" timestamp with time zone DEFAULT '<now>'::timestamptz NOT NULL;
ALTER TABLE "basket_line" ALTER COLUMN "date_updated" DROP DEFAULT;
CREATE INDEX "basket_line_date_updated_a74d069d" ON "basket_line" ("date_updated");
COMMIT;
