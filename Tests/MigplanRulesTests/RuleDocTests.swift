import Foundation
import MigplanRules
import Testing

/// Runs the Bad and Good examples of every `Rules/<id>.md` through the engine, as written and
/// mutated (STYLE.md §3.3): a multibyte prefix, the code inside a string, a suppression comment.
@Suite struct RuleDocTests {
  /// The files of one example section: each ```` ```python PATH ```` block is a file; an
  /// unnamed block is `shop/migrations/000N_example.py` (N from 2).
  static func files(_ doc: RuleDoc, _ section: String) -> [ExampleFile] {
    doc.python(section).enumerated().map { k, block in
      let parts = block.info.split(separator: " ")
      let path = parts.count > 1 ? String(parts[1]) : "shop/migrations/000\(k + 2)_example.py"
      return ExampleFile(
        path: path, text: block.code, origin: "Rules/\(doc.id).md", originLine: block.firstLine)
    }
  }

  /// The rule ids a section's result is compared on: the doc's own and any named by a marker.
  static func checked(_ doc: RuleDoc, _ files: [ExampleFile]) -> Set<String> {
    Set([doc.id] + ExampleProject.expectations(files).map(\.rule))
  }

  /// `Rules/x.md:LINE` for a mark in an example file.
  static func cite(_ mark: Mark, _ files: [ExampleFile]) -> String {
    guard let f = files.first(where: { $0.path == mark.file }) else { return mark.description }
    return "\(f.origin):\(f.originLine + mark.line - 1) \(mark)"
  }

  /// Lints the files and compares the checked rules' findings with the expectations; columns
  /// are compared where an expectation pins one.
  static func verify(
    _ doc: RuleDoc, _ files: [ExampleFile], expected: [Mark], checked: Set<String>,
    what: String
  ) throws -> [Mark] {
    let (result, root) = try ExampleProject.lint(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(result.problems.isEmpty, "\(doc.testDescription) \(what): \(result.problems)")
    let found = ExampleProject.marks(result, root: root).filter { checked.contains($0.rule) }
    let foundLines = found.map { Mark(file: $0.file, line: $0.line, column: nil, rule: $0.rule) }
    let expectedLines = expected.map {
      Mark(file: $0.file, line: $0.line, column: nil, rule: $0.rule)
    }
    for m in expectedLines where !foundLines.contains(m) {
      Issue.record("\(cite(m, files)): expected a finding, none reported (\(what))")
    }
    for m in foundLines where !expectedLines.contains(m) {
      Issue.record("\(cite(m, files)): unexpected finding (\(what))")
    }
    #expect(found.count == expected.count, "\(doc.testDescription) \(what): \(found)")
    for e in expected where e.column != nil {
      let hit = found.first { $0.file == e.file && $0.line == e.line && $0.rule == e.rule }
      #expect(hit?.column == e.column, "\(cite(e, files)): column (\(what))")
    }
    return found
  }

  @Test(arguments: RuleDoc.all)
  func examplesAsWritten(_ doc: RuleDoc) throws {
    _ = try #require(Rules.named(doc.id), "\(doc.testDescription) names no registered rule")
    let bad = Self.files(doc, "Bad")
    let good = Self.files(doc, "Good")
    try #require(!bad.isEmpty && !good.isEmpty, "\(doc.testDescription) needs Bad and Good")
    let expected = ExampleProject.expectations(bad)
    #expect(
      expected.contains { $0.rule == doc.id }, "\(doc.testDescription): Bad has no `# expect:`")
    #expect(ExampleProject.expectations(good).isEmpty, "Good examples carry no markers")
    _ = try Self.verify(
      doc, bad, expected: expected, checked: Self.checked(doc, bad), what: "Bad")
    _ = try Self.verify(doc, good, expected: [], checked: [doc.id], what: "Good")
  }

  /// A line of multibyte text before everything moves each finding one line down and leaves
  /// its column (counted in scalars) alone.
  @Test(arguments: RuleDoc.all)
  func multibytePrefix(_ doc: RuleDoc) throws {
    let bad = Self.files(doc, "Bad")
    let checked = Self.checked(doc, bad)
    let plain = try Self.verify(
      doc, bad, expected: ExampleProject.expectations(bad), checked: checked, what: "Bad")
    let prefixed = bad.map {
      ExampleFile(
        path: $0.path, text: "# ünïcødé prefix: é, 漢字, 🚀\n" + $0.text, origin: $0.origin,
        originLine: $0.originLine - 1)
    }
    let shifted = plain.map {
      Mark(file: $0.file, line: $0.line + 1, column: $0.column, rule: $0.rule)
    }
    _ = try Self.verify(
      doc, prefixed, expected: shifted, checked: checked, what: "Bad with a multibyte prefix")
    let good = Self.files(doc, "Good").map {
      ExampleFile(path: $0.path, text: "# é 🚀\n" + $0.text, origin: $0.origin)
    }
    _ = try Self.verify(doc, good, expected: [], checked: [doc.id], what: "Good with a prefix")
  }

  /// Rules that judge the migration graph: putting a file's code in a string changes the graph
  /// itself (the dependencies go with it), so the mutation says nothing about them.
  static let graphRules: Set<String> = ["graph-conflict"]

  /// The Bad code inside a string literal is not flagged: rules read the syntax tree.
  @Test(arguments: RuleDoc.all.filter { !graphRules.contains($0.id) })
  func insideString(_ doc: RuleDoc) throws {
    let wrapped = try Self.files(doc, "Bad").map { f in
      let quote = f.text.contains("'''") ? "\"\"\"" : "'''"
      try #require(!f.text.contains(quote), "\(f.origin): uses both kinds of triple quotes")
      let text = """
        from django.db import migrations

        SOURCE = r\(quote)
        \(f.text)\(quote)


        class Migration(migrations.Migration):
            dependencies = [("shop", "0001_initial")]

            operations = []

        """
      return ExampleFile(path: f.path, text: text, origin: f.origin)
    }
    _ = try Self.verify(doc, wrapped, expected: [], checked: [doc.id], what: "Bad inside a string")
  }

  /// Rules whose findings are about suppression comments; comments cannot silence them.
  static let metaRules: Set<String> = ["invalid-ignore", "unused-ignore"]

  /// A suppression comment on each flagged line, or alone on the line above it, silences the
  /// finding and is not itself reported.
  @Test(arguments: RuleDoc.all.filter { !metaRules.contains($0.id) })
  func suppressed(_ doc: RuleDoc) throws {
    let bad = Self.files(doc, "Bad")
    let expected = ExampleProject.expectations(bad)
    let checked = Self.checked(doc, bad).union(["unused-ignore", "invalid-ignore"])
    for above in [false, true] {
      let files = bad.map { f -> ExampleFile in
        var lines = f.text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated().reversed() {
          let ids = expected.filter { $0.file == f.path && $0.line == index + 1 }.map(\.rule)
          if ids.isEmpty { continue }
          let directive =
            "# migplan: ignore[\(Set(ids).sorted().joined(separator: ", "))] -- doc example"
          if above {
            let indent = line.prefix { $0 == " " }
            lines.insert(indent + directive, at: index)
          } else {
            lines[index] = line + "  " + directive
          }
        }
        return ExampleFile(path: f.path, text: lines.joined(separator: "\n"), origin: f.origin)
      }
      _ = try Self.verify(
        doc, files, expected: [], checked: checked,
        what: above ? "Bad with a suppression above" : "Bad with a suppression on the line")
    }
  }
}
