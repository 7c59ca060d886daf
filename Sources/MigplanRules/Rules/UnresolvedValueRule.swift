import MigplanModel
import MigplanSyntax

/// Flags a value inside an operation that migplan cannot evaluate without running Python, and
/// a built-in operation's argument that is missing or not of the kind Django expects.
struct UnresolvedValueRule: Rule {
  static let id = "unresolved-value"
  static let summary = "an operation argument migplan cannot evaluate statically"
  static let phase = Phase.review
  static let defaultSeverity = Severity.warning

  static let why =
    "what migplan cannot evaluate it cannot judge; the operation is never assumed safe"
  static let help =
    "use a literal or a module-level constant, or suppress with the reason it is safe"

  func check(operation: OperationContext, into report: inout Report) {
    let op = operation.operation
    op.value.walk { v in
      guard case .unresolved(let range, let why) = v else { return }
      let help =
        why.hasPrefix("setting ")
        ? "give the setting a value under [tool.migplan.settings] in the config" : Self.help
      report.add(
        Self.self, at: range, "cannot evaluate statically: \(why)", why: Self.why, help: help)
    }
    // Arguments the typed operation needed: missing ones, and ones of the wrong kind that
    // hold nothing unresolved (those are reported above).
    for (name, value) in op.unresolved {
      if value.range == TextRange(0, 0) {
        report.add(
          Self.self, at: op.range, "`\(op.className)` is missing its `\(name)` argument",
          why: Self.why, help: "pass `\(name)=…` as Django's `\(op.className)` requires")
        continue
      }
      var nested = false
      value.walk { if case .unresolved = $0 { nested = true } }
      if nested { continue }
      report.add(
        Self.self, at: value.range,
        "argument `\(name)` of `\(op.className)` is not a value migplan can read as Django does",
        why: Self.why, help: Self.help)
    }
  }
}
