BEGIN;
--
-- Create index wagtailcore_uuid_d6363b_idx on field(s) uuid, action, -timestamp of model modellogentry
--
CREATE INDEX "wagtailcore_uuid_d6363b_idx" ON "wagtailcore_modellogentry" ("uuid", "action", "timestamp" DESC);
--
-- Create index wagtailcore_uuid_06a44d_idx on field(s) uuid, action, -timestamp of model pagelogentry
--
CREATE INDEX "wagtailcore_uuid_06a44d_idx" ON "wagtailcore_pagelogentry" ("uuid", "action", "timestamp" DESC);
COMMIT;
