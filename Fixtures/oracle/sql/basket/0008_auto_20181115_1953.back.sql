BEGIN;
--
-- Alter field date_created on line
--
DROP INDEX IF EXISTS "basket_line_date_created_eb0dfb1b";
COMMIT;
