BEGIN;
--
-- Delete model EditorsPick
--
DROP TABLE "wagtailsearch_editorspick" CASCADE;
COMMIT;
