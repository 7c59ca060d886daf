// Tests for MigplanRules live in this folder.
