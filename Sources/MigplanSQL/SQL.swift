import MigplanModel

/// Django 5.2's PostgreSQL schema editor, emulated: the SQL `sqlmigrate` prints.
public enum SQL {}
