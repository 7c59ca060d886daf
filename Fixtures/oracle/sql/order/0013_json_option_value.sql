BEGIN;
--
-- Alter field value on lineattribute
--
ALTER TABLE "order_lineattribute" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
COMMIT;
