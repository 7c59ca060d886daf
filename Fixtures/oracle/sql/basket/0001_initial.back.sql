BEGIN;
--
-- Create model LineAttribute
--
DROP TABLE "basket_lineattribute" CASCADE;
--
-- Create model Line
--
DROP TABLE "basket_line" CASCADE;
--
-- Create model Basket
--
DROP TABLE "basket_basket" CASCADE;
COMMIT;
