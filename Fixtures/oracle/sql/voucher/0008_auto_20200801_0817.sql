BEGIN;
--
-- Change Meta options on voucher
--
-- (no-op)
--
-- Change Meta options on voucherapplication
--
-- (no-op)
--
-- Change Meta options on voucherset
--
-- (no-op)
--
-- Alter field date_created on voucher
--
CREATE INDEX "voucher_voucher_date_created_f3081a03" ON "voucher_voucher" ("date_created");
--
-- Alter field date_created on voucherapplication
--
CREATE INDEX "voucher_voucherapplication_date_created_2d9acdaf" ON "voucher_voucherapplication" ("date_created");
--
-- Alter field date_created on voucherset
--
CREATE INDEX "voucher_voucherset_date_created_3dd68c8e" ON "voucher_voucherset" ("date_created");
COMMIT;
