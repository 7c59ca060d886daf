BEGIN;
--
-- Change Meta options on placeholder
--
-- (no-op)
--
-- Remove field placeholders from pagecontent
--
DROP TABLE "cms_pagecontent_placeholders" CASCADE;
COMMIT;
