BEGIN;
--
-- Create model Badge
--
CREATE TABLE "features_badge" ("code" varchar(5) NOT NULL PRIMARY KEY);
--
-- Create model Token
--
CREATE TABLE "features_token" ("id" uuid NOT NULL PRIMARY KEY);
--
-- Raw SQL operation
--
INSERT INTO features_badge (code) VALUES ('1'), ('2'); INSERT INTO features_token (id) VALUES ('00000000-0000-0000-0000-000000000001'), ('12345678-1234-5678-1234-567812345678');
--
-- Add field badge to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "badge_id" varchar(5) DEFAULT '1' NOT NULL CONSTRAINT "features_mixtape_badge_id_03665102_fk_features_badge_code" REFERENCES "features_badge"("code") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_mixtape_badge_id_03665102_fk_features_badge_code" IMMEDIATE;
ALTER TABLE "features_mixtape" ALTER COLUMN "badge_id" DROP DEFAULT;
--
-- Add field token to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "token_id" uuid DEFAULT '00000000000000000000000000000001'::uuid NOT NULL CONSTRAINT "features_mixtape_token_id_f1e501fe_fk_features_token_id" REFERENCES "features_token"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_mixtape_token_id_f1e501fe_fk_features_token_id" IMMEDIATE;
ALTER TABLE "features_mixtape" ALTER COLUMN "token_id" DROP DEFAULT;
--
-- Add field token_text to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "token_text_id" uuid DEFAULT '12345678123456781234567812345678'::uuid NOT NULL CONSTRAINT "features_mixtape_token_text_id_01acdf3f_fk_features_token_id" REFERENCES "features_token"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_mixtape_token_text_id_01acdf3f_fk_features_token_id" IMMEDIATE;
ALTER TABLE "features_mixtape" ALTER COLUMN "token_text_id" DROP DEFAULT;
--
-- Add field badge_later to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "badge_later_id" varchar(5) NULL CONSTRAINT "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code" REFERENCES "features_badge"("code") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "features_mixtape_badge_later_id_6b5e5fe7_fk_features_badge_code" IMMEDIATE;
--
-- Alter field badge_later on mixtape
--
ALTER TABLE "features_mixtape" ALTER COLUMN "badge_later_id" SET DEFAULT '2';
UPDATE "features_mixtape" SET "badge_later_id" = '2' WHERE "badge_later_id" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "features_mixtape" ALTER COLUMN "badge_later_id" SET NOT NULL;
ALTER TABLE "features_mixtape" ALTER COLUMN "badge_later_id" DROP DEFAULT;
--
-- Add field serial to mixtape
--
ALTER TABLE "features_mixtape" ADD COLUMN "serial" uuid DEFAULT 'ffffffffffffffffffffffffffffffff'::uuid NOT NULL;
ALTER TABLE "features_mixtape" ALTER COLUMN "serial" DROP DEFAULT;
CREATE INDEX "features_badge_code_c6aa7767_like" ON "features_badge" ("code" varchar_pattern_ops);
CREATE INDEX "features_mixtape_badge_id_03665102" ON "features_mixtape" ("badge_id");
CREATE INDEX "features_mixtape_badge_id_03665102_like" ON "features_mixtape" ("badge_id" varchar_pattern_ops);
CREATE INDEX "features_mixtape_token_id_f1e501fe" ON "features_mixtape" ("token_id");
CREATE INDEX "features_mixtape_token_text_id_01acdf3f" ON "features_mixtape" ("token_text_id");
CREATE INDEX "features_mixtape_badge_later_id_6b5e5fe7" ON "features_mixtape" ("badge_later_id");
CREATE INDEX "features_mixtape_badge_later_id_6b5e5fe7_like" ON "features_mixtape" ("badge_later_id" varchar_pattern_ops);
COMMIT;
