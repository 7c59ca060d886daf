BEGIN;
--
-- Add field vouchers to basket
--
DROP TABLE "basket_basket_vouchers" CASCADE;
COMMIT;
