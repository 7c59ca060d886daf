BEGIN;
--
-- Add field rgb_color to crew
--
ALTER TABLE "features_crew" ADD COLUMN "rgb_color" varchar(11) NULL UNIQUE;
CREATE INDEX "features_crew_rgb_color_f0cf4db8_like" ON "features_crew" ("rgb_color" varchar_pattern_ops);
COMMIT;
