BEGIN;
--
-- Rename model Title to PageContent
--
ALTER TABLE "cms_title" RENAME TO "cms_pagecontent";
ALTER TABLE "cms_title_placeholders" RENAME TO "cms_pagecontent_placeholders";
ALTER TABLE "cms_pagecontent_placeholders" RENAME COLUMN "title_id" TO "pagecontent_id";
--
-- Change Meta options on pagecontent
--
-- (no-op)
--
-- Alter field page on pagecontent
--
-- (no-op)
COMMIT;
