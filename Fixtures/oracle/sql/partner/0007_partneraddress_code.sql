BEGIN;
--
-- Add field code to partneraddress
--
ALTER TABLE "partner_partneraddress" ADD COLUMN "code" varchar(255) NULL UNIQUE;
CREATE INDEX "partner_partneraddress_code_f65ed678_like" ON "partner_partneraddress" ("code" varchar_pattern_ops);
COMMIT;
