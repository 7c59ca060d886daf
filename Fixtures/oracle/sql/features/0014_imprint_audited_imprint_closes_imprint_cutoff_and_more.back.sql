BEGIN;
--
-- Add field reissued to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "reissued" CASCADE;
--
-- Add field opened to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "opened" CASCADE;
--
-- Add field listed to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "listed" CASCADE;
--
-- Add field lead_time to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "lead_time" CASCADE;
--
-- Add field grace to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "grace" CASCADE;
--
-- Add field founded to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "founded" CASCADE;
--
-- Add field cutoff to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "cutoff" CASCADE;
--
-- Add field closes to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "closes" CASCADE;
--
-- Add field audited to imprint
--
ALTER TABLE "features_imprint" DROP COLUMN "audited" CASCADE;
COMMIT;
