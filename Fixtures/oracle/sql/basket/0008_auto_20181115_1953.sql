BEGIN;
--
-- Alter field date_created on line
--
CREATE INDEX "basket_line_date_created_eb0dfb1b" ON "basket_line" ("date_created");
COMMIT;
