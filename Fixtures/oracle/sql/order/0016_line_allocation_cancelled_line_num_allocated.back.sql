BEGIN;
--
-- Add field num_allocated to line
--
ALTER TABLE "order_line" DROP COLUMN "num_allocated" CASCADE;
--
-- Add field allocation_cancelled to line
--
ALTER TABLE "order_line" DROP COLUMN "allocation_cancelled" CASCADE;
COMMIT;
