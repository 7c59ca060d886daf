BEGIN;
--
-- Alter field name on voucher
--
ALTER TABLE "voucher_voucher" ADD CONSTRAINT "voucher_voucher_name_b96d3b47_uniq" UNIQUE ("name");
CREATE INDEX "voucher_voucher_name_b96d3b47_like" ON "voucher_voucher" ("name" varchar_pattern_ops);
--
-- Alter field name on voucherset
--
ALTER TABLE "voucher_voucherset" ADD CONSTRAINT "voucher_voucherset_name_4c6aac05_uniq" UNIQUE ("name");
CREATE INDEX "voucher_voucherset_name_4c6aac05_like" ON "voucher_voucherset" ("name" varchar_pattern_ops);
--
-- Remove field offer from voucherset
--
SET CONSTRAINTS "voucher_voucherset_offer_id_1d10d5d6_fk_offer_con" IMMEDIATE; ALTER TABLE "voucher_voucherset" DROP CONSTRAINT "voucher_voucherset_offer_id_1d10d5d6_fk_offer_con";
ALTER TABLE "voucher_voucherset" DROP COLUMN "offer_id" CASCADE;
COMMIT;
