BEGIN;
--
-- Add field allocation_cancelled to line
--
ALTER TABLE "order_line" ADD COLUMN "allocation_cancelled" boolean DEFAULT false NOT NULL;
ALTER TABLE "order_line" ALTER COLUMN "allocation_cancelled" DROP DEFAULT;
--
-- Add field num_allocated to line
--
ALTER TABLE "order_line" ADD COLUMN "num_allocated" integer NULL CHECK ("num_allocated" >= 0);
COMMIT;
