BEGIN;
--
-- Add field code to useraddress
--
ALTER TABLE "address_useraddress" ADD COLUMN "code" varchar(255) NULL UNIQUE;
CREATE INDEX "address_useraddress_code_746f229c_like" ON "address_useraddress" ("code" varchar_pattern_ops);
COMMIT;
