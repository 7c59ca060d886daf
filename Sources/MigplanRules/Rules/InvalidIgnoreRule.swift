import MigplanModel

/// Flags a malformed `# migplan:` comment, an unknown rule id in one, or a suppression without
/// a reason while `require-reason` is on (reported by the engine).
struct InvalidIgnoreRule: Rule {
  static let id = "invalid-ignore"
  static let summary = "a malformed suppression comment, an unknown rule id, or a missing reason"
  static let phase = Phase.review
  static let defaultSeverity = Severity.error
}
