BEGIN;
--
-- Alter field num_allocated on line
--
ALTER TABLE "order_line" ALTER COLUMN "num_allocated" DROP NOT NULL;
COMMIT;
