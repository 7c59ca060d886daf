// Tests for MigplanSQL live in this folder.
