BEGIN;
--
-- Remove field offer from voucherset
--
ALTER TABLE "voucher_voucherset" ADD COLUMN "offer_id" bigint NULL UNIQUE CONSTRAINT "voucher_voucherset_offer_id_1d10d5d6_fk_offer_con" REFERENCES "offer_conditionaloffer"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "voucher_voucherset_offer_id_1d10d5d6_fk_offer_con" IMMEDIATE;
--
-- Alter field name on voucherset
--
ALTER TABLE "voucher_voucherset" DROP CONSTRAINT "voucher_voucherset_name_4c6aac05_uniq";
DROP INDEX IF EXISTS "voucher_voucherset_name_4c6aac05_like";
--
-- Alter field name on voucher
--
ALTER TABLE "voucher_voucher" DROP CONSTRAINT "voucher_voucher_name_b96d3b47_uniq";
DROP INDEX IF EXISTS "voucher_voucher_name_b96d3b47_like";
COMMIT;
