BEGIN;
--
-- Create model Image
--
DROP TABLE "filer_image" CASCADE;
--
-- Create model FolderPermission
--
DROP TABLE "filer_folderpermission" CASCADE;
--
-- Add field files to clipboard
--
-- (no-op)
--
-- Create model ThumbnailOption
--
DROP TABLE "filer_thumbnailoption" CASCADE;
--
-- Create model ClipboardItem
--
DROP TABLE "filer_clipboarditem" CASCADE;
--
-- Create model File
--
DROP TABLE "filer_file" CASCADE;
--
-- Create model Folder
--
DROP TABLE "filer_folder" CASCADE;
--
-- Create model Clipboard
--
DROP TABLE "filer_clipboard" CASCADE;
COMMIT;
