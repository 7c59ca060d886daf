BEGIN;
--
-- Add field stockrecord to stockalert
--
SET CONSTRAINTS "partner_stockalert_stockrecord_id_68ad503a_fk_partner_s" IMMEDIATE; ALTER TABLE "partner_stockalert" DROP CONSTRAINT "partner_stockalert_stockrecord_id_68ad503a_fk_partner_s";
ALTER TABLE "partner_stockalert" DROP COLUMN "stockrecord_id" CASCADE;
--
-- Alter unique_together for stockrecord (1 constraint(s))
--
ALTER TABLE "partner_stockrecord" DROP CONSTRAINT "partner_stockrecord_partner_id_partner_sku_8441e010_uniq";
--
-- Create model StockRecord
--
DROP TABLE "partner_stockrecord" CASCADE;
--
-- Create model StockAlert
--
DROP TABLE "partner_stockalert" CASCADE;
--
-- Create model PartnerAddress
--
DROP TABLE "partner_partneraddress" CASCADE;
--
-- Create model Partner
--
DROP TABLE "partner_partner_users" CASCADE;
DROP TABLE "partner_partner" CASCADE;
COMMIT;
