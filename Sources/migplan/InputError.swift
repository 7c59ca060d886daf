import ArgumentParser
import MigplanModel
import MigplanRules
import MigplanSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Input problems reported as `path:line:col: error: reason` on stderr, ending with exit 2.
enum InputError {
  /// Writes one line to standard error.
  static func printError(_ line: String) {
    var text = line
    text.append("\n")
    let bytes = Array(text.utf8)
    var at = 0
    while at < bytes.count {
      let n = bytes[at...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      at += n
    }
  }

  /// Reports each syntax error of a file (offsets into `bytes`) and returns the exit code to
  /// use (2), or nil if none.
  static func report(path: String, errors: [SyntaxError], bytes: [UInt8]) -> ExitCode? {
    guard !errors.isEmpty else { return nil }
    let lines = SourceLines(bytes)
    // Later errors are mostly echoes of the first; a few are enough to act on.
    let shown = 10
    for error in errors.prefix(shown) {
      let at = lines.location(error.range.start)
      printError("\(path):\(at.line):\(at.column): error: \(error.message)")
    }
    if errors.count > shown {
      printError("\(path): \(errors.count - shown) more errors not shown")
    }
    return ExitCode(2)
  }

  /// A migration by app label and name (a unique prefix is enough); an unknown or ambiguous
  /// name is reported and ends with exit 2.
  static func migration(_ project: Project, app: String, name: String) throws -> Migration {
    switch project.migration(app: app, prefix: name) {
    case .success(let m): return m
    case .failure(.notFound):
      if !project.apps.contains(where: { $0.label == app }) {
        let labels = project.apps.filter { !$0.installed }.map(\.label).sorted()
        printError(
          "error: no app labelled \(app) under the roots"
            + (labels.isEmpty ? "" : " (apps: \(labels.joined(separator: ", ")))"))
      } else {
        printError("error: no migration \(name) in app \(app)")
      }
      throw ExitCode(2)
    case .failure(.ambiguous(let keys)):
      printError("error: \(name) matches \(keys.map(\.description).joined(separator: ", "))")
      throw ExitCode(2)
    }
  }

  /// Reads a whole file, or reports why not (`path:1:1: error: …`) and returns nil.
  static func readFile(_ path: String) -> [UInt8]? {
    switch FileSystem.read(path) {
    case .success(let bytes): return bytes
    case .failure(let error):
      printError("\(path):1:1: error: cannot read file: \(error.message)")
      return nil
    }
  }

  /// `path:line:col: severity: message` for a byte range of a file, the column counted in
  /// Unicode scalars as lint counts it (1:1 when the file cannot be read or there is no range).
  static func located(path: String, range: TextRange?, severity: String, _ message: String)
    -> String
  {
    var at = SourceLocation(line: 1, column: 1)
    if let range, case .success(let raw) = FileSystem.read(path) {
      at = SourceLines(SourceText.prepare(raw).bytes).location(range.start)
    }
    return "\(Renderer.displayPath(path)):\(at.line):\(at.column): \(severity): \(message)"
  }

  /// Prints `located(…)` on standard error.
  static func printLocated(path: String, range: TextRange?, severity: String, _ message: String) {
    printError(located(path: path, range: range, severity: severity, message))
  }

  /// Prints each loader diagnostic as an error and exits 2 when there is any.
  static func exitOnDiagnostics(_ diagnostics: [Diagnostic]) throws {
    guard !diagnostics.isEmpty else { return }
    for d in diagnostics {
      printLocated(path: d.path, range: d.range, severity: "error", d.message)
    }
    throw ExitCode(2)
  }

  /// Writes text to standard output.
  static func writeOut(_ text: String) {
    print(text, terminator: "")
  }

  /// Writes bytes to standard output as they are (unbuffered, to the end or the first error).
  static func writeOut(_ bytes: [UInt8]) {
    var at = 0
    while at < bytes.count {
      let n = bytes[at...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      at += n
    }
  }
}
