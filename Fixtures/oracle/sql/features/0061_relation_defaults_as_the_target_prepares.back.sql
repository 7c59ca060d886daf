BEGIN;
--
-- Add field serial to mixtape
--
ALTER TABLE "features_mixtape" DROP COLUMN "serial" CASCADE;
--
-- Alter field badge_later on mixtape
--
SET CONSTRAINTS "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code" IMMEDIATE; ALTER TABLE "features_mixtape" DROP CONSTRAINT "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code";
ALTER TABLE "features_mixtape" ALTER COLUMN "badge_later_id" DROP NOT NULL;
ALTER TABLE "features_mixtape" ADD CONSTRAINT "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code" FOREIGN KEY ("badge_later_id") REFERENCES "features_badge" ("code") DEFERRABLE INITIALLY DEFERRED;
--
-- Add field badge_later to mixtape
--
SET CONSTRAINTS "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code" IMMEDIATE; ALTER TABLE "features_mixtape" DROP CONSTRAINT "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code";
ALTER TABLE "features_mixtape" DROP COLUMN "badge_later_id" CASCADE;
--
-- Add field token_text to mixtape
--
SET CONSTRAINTS "features_mixtape_token_text_id_01acdf3f_fk_features_token_id" IMMEDIATE; ALTER TABLE "features_mixtape" DROP CONSTRAINT "features_mixtape_token_text_id_01acdf3f_fk_features_token_id";
ALTER TABLE "features_mixtape" DROP COLUMN "token_text_id" CASCADE;
--
-- Add field token to mixtape
--
SET CONSTRAINTS "features_mixtape_token_id_f1e501fe_fk_features_token_id" IMMEDIATE; ALTER TABLE "features_mixtape" DROP CONSTRAINT "features_mixtape_token_id_f1e501fe_fk_features_token_id";
ALTER TABLE "features_mixtape" DROP COLUMN "token_id" CASCADE;
--
-- Add field badge to mixtape
--
SET CONSTRAINTS "features_mixtape_badge_id_03665102_fk_features_badge_code" IMMEDIATE; ALTER TABLE "features_mixtape" DROP CONSTRAINT "features_mixtape_badge_id_03665102_fk_features_badge_code";
ALTER TABLE "features_mixtape" DROP COLUMN "badge_id" CASCADE;
--
-- Raw SQL operation
--
-- (no-op)
--
-- Create model Token
--
DROP TABLE "features_token" CASCADE;
--
-- Create model Badge
--
DROP TABLE "features_badge" CASCADE;
COMMIT;
