BEGIN;
--
-- Alter field page on editorspick
--
-- (no-op)
--
-- Alter field description on editorspick
--
-- (no-op)
--
-- Change Meta options on querydailyhits
--
-- (no-op)
--
-- Change Meta options on editorspick
--
-- (no-op)
COMMIT;
