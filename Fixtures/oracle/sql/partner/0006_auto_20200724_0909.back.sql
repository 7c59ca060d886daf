BEGIN;
--
-- Rename field price_excl_tax on stockrecord to price
--
ALTER TABLE "partner_stockrecord" RENAME COLUMN "price" TO "price_excl_tax";
--
-- Alter field price_excl_tax on stockrecord
--
-- (no-op)
--
-- Remove field price_retail from stockrecord
--
ALTER TABLE "partner_stockrecord" ADD COLUMN "price_retail" numeric(12, 2) NULL;
--
-- Remove field cost_price from stockrecord
--
ALTER TABLE "partner_stockrecord" ADD COLUMN "cost_price" numeric(12, 2) NULL;
COMMIT;
