BEGIN;
--
-- Add field lead to shift
--
SET CONSTRAINTS "features_shift_lead_id_debb8f18_fk_features_crew_id" IMMEDIATE; ALTER TABLE "features_shift" DROP CONSTRAINT "features_shift_lead_id_debb8f18_fk_features_crew_id";
ALTER TABLE "features_shift" DROP COLUMN "lead_id" CASCADE;
--
-- Create model Shift
--
DROP TABLE "features_shift_crews" CASCADE;
DROP TABLE "features_shift" CASCADE;
--
-- Create proxy model CrewProxy
--
-- (no-op)
--
-- Create model Crew
--
DROP TABLE "features_crew" CASCADE;
--
-- Create proxy model PinnedSheet
--
-- (no-op)
--
-- Create proxy model SheetProxy
--
-- (no-op)
--
-- Create model Sheet
--
DROP TABLE "feature_sheets" CASCADE;
COMMIT;
