BEGIN;
--
-- Alter field count on voucherset
--
ALTER TABLE "voucher_voucherset" ADD CONSTRAINT "voucher_voucherset_count_69b7878e_check" CHECK ("count" >= 0);
COMMIT;
