BEGIN;
--
-- Add field status to crew
--
ALTER TABLE "features_crew" ADD COLUMN "status" varchar(20) DEFAULT 'active' NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "status" DROP DEFAULT;
--
-- Add field page_size to crew
--
ALTER TABLE "features_crew" ADD COLUMN "page_size" integer DEFAULT 25 NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "page_size" DROP DEFAULT;
--
-- Add field preferences to crew
--
ALTER TABLE "features_crew" ADD COLUMN "preferences" jsonb DEFAULT '{"flow": {}, "count_length_in": "chars", "show_deadline": true, "limit": null, "sizes": [1, 2.5]}'::jsonb NOT NULL;
ALTER TABLE "features_crew" ALTER COLUMN "preferences" DROP DEFAULT;
COMMIT;
