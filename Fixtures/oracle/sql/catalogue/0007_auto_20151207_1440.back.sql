BEGIN;
--
-- Alter unique_together for attributeoption (1 constraint(s))
--
ALTER TABLE "catalogue_attributeoption" DROP CONSTRAINT "catalogue_attributeoption_group_id_option_7a8f6c11_uniq";
COMMIT;
