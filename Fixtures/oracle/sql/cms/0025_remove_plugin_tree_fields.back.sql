BEGIN;
--
-- Remove field path from cmsplugin
--
ALTER TABLE "cms_cmsplugin" ADD COLUMN "path" varchar(255) NOT NULL UNIQUE;
--
-- Remove field numchild from cmsplugin
--
ALTER TABLE "cms_cmsplugin" ADD COLUMN "numchild" integer DEFAULT 0 NOT NULL CHECK ("numchild" >= 0);
ALTER TABLE "cms_cmsplugin" ALTER COLUMN "numchild" DROP DEFAULT;
--
-- Remove field depth from cmsplugin
--
ALTER TABLE "cms_cmsplugin" ADD COLUMN "depth" integer NOT NULL CHECK ("depth" >= 0);
--
-- Create index cms_cmsplug_placeho_3f2b0f_idx on field(s) placeholder, language, position of model cmsplugin
--
DROP INDEX IF EXISTS "cms_cmsplug_placeho_3f2b0f_idx";
--
-- Alter unique_together for cmsplugin (1 constraint(s))
--
ALTER TABLE "cms_cmsplugin" DROP CONSTRAINT "cms_cmsplugin_placeholder_id_language_position_bad60ebe_uniq";
--
-- Alter field position on cmsplugin
--
ALTER TABLE "cms_cmsplugin" ADD CONSTRAINT "cms_cmsplugin_position_49730488_check" CHECK ("position" >= 0);
--
-- Change Meta options on cmsplugin
--
-- (no-op)
CREATE INDEX "cms_cmsplugin_path_4917bb44_like" ON "cms_cmsplugin" ("path" varchar_pattern_ops);
COMMIT;
