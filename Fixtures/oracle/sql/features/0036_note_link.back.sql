BEGIN;
--
-- Create model NoteLink
--
DROP TABLE "features_notelink" CASCADE;
COMMIT;
