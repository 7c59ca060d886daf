BEGIN;
--
-- Change Meta options on cmsplugin
--
-- (no-op)
--
-- Alter field position on cmsplugin
--
ALTER TABLE "cms_cmsplugin" DROP CONSTRAINT "cms_cmsplugin_position_check";
--
-- Alter unique_together for cmsplugin (1 constraint(s))
--
ALTER TABLE "cms_cmsplugin" ADD CONSTRAINT "cms_cmsplugin_placeholder_id_language_position_bad60ebe_uniq" UNIQUE ("placeholder_id", "language", "position");
--
-- Create index cms_cmsplug_placeho_3f2b0f_idx on field(s) placeholder, language, position of model cmsplugin
--
CREATE INDEX "cms_cmsplug_placeho_3f2b0f_idx" ON "cms_cmsplugin" ("placeholder_id", "language", "position");
--
-- Remove field depth from cmsplugin
--
ALTER TABLE "cms_cmsplugin" DROP COLUMN "depth" CASCADE;
--
-- Remove field numchild from cmsplugin
--
ALTER TABLE "cms_cmsplugin" DROP COLUMN "numchild" CASCADE;
--
-- Remove field path from cmsplugin
--
ALTER TABLE "cms_cmsplugin" DROP COLUMN "path" CASCADE;
COMMIT;
