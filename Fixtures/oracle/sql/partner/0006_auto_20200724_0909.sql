BEGIN;
--
-- Remove field cost_price from stockrecord
--
ALTER TABLE "partner_stockrecord" DROP COLUMN "cost_price" CASCADE;
--
-- Remove field price_retail from stockrecord
--
ALTER TABLE "partner_stockrecord" DROP COLUMN "price_retail" CASCADE;
--
-- Alter field price_excl_tax on stockrecord
--
-- (no-op)
--
-- Rename field price_excl_tax on stockrecord to price
--
ALTER TABLE "partner_stockrecord" RENAME COLUMN "price_excl_tax" TO "price";
COMMIT;
