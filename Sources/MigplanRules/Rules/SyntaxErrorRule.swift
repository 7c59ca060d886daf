import MigplanModel

/// Flags a linted file that does not parse as Python; an input error (exit status 2).
struct SyntaxErrorRule: Rule {
  static let id = "syntax-error"
  static let summary = "the file does not parse as Python"
  static let phase = Phase.review
  static let defaultSeverity = Severity.error
  static let isInputError = true

  func check(file: FileContext, into report: inout Report) {
    // Later errors are mostly echoes of the first, which is the one CPython reports.
    guard let first = file.source.errors.first else { return }
    report.add(
      Self.self, at: first.range, first.message,
      why: "Django cannot import this module, so `migrate` stops here; nothing in it was judged",
      help: "fix the syntax error; `python -m py_compile FILE` shows the same one")
  }
}
