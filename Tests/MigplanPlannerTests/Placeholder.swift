// Tests for MigplanPlanner live in this folder.
