import MigplanModel

/// The lint rule catalog.
public enum Rules {}
