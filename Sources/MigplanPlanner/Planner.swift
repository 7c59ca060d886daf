import MigplanModel
import MigplanSQL

/// Phase-by-phase deploy plans and split migrations (issue 6).
public enum Planner {}
