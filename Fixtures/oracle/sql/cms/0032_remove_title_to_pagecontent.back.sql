BEGIN;
--
-- Alter field page on pagecontent
--
-- (no-op)
--
-- Change Meta options on pagecontent
--
-- (no-op)
--
-- Rename model Title to PageContent
--
ALTER TABLE "cms_pagecontent" RENAME TO "cms_title";
ALTER TABLE "cms_pagecontent_placeholders" RENAME TO "cms_title_placeholders";
ALTER TABLE "cms_title_placeholders" RENAME COLUMN "pagecontent_id" TO "title_id";
COMMIT;
