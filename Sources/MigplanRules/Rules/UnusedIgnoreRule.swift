import MigplanModel

/// Flags a rule id in a suppression comment that silences nothing (reported by the engine).
struct UnusedIgnoreRule: Rule {
  static let id = "unused-ignore"
  static let summary = "a suppression comment that silences nothing"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning
}
