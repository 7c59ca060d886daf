// Tests for MigplanPostgres live in this folder.
