BEGIN;
--
-- Alter field name on partner
--
CREATE INDEX "partner_partner_name_caa0c2ee" ON "partner_partner" ("name");
CREATE INDEX "partner_partner_name_caa0c2ee_like" ON "partner_partner" ("name" varchar_pattern_ops);
--
-- Alter field date_created on stockalert
--
CREATE INDEX "partner_stockalert_date_created_832cf043" ON "partner_stockalert" ("date_created");
COMMIT;
