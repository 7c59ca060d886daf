BEGIN;
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
--
-- Add field overwrite_url to pagecontent
--
ALTER TABLE "cms_pagecontent" DROP COLUMN "overwrite_url" CASCADE;
--
-- Add field slug to pagecontent
--
ALTER TABLE "cms_pagecontent" DROP COLUMN "slug" CASCADE;
COMMIT;
