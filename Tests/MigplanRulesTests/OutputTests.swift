import Foundation
import MigplanModel
import MigplanRules
import MigplanSyntax
import Testing

/// The four output formats, rendered from a hand-made result.
@Suite struct OutputTests {
  /// A file whose flagged text sits after a tab and multibyte text on its line.
  static let source = "x = 1\n\t# é\n\té = f(\"漢\", TARGET(1))\n"
  static var result: LintResult { result(of: source) }

  /// One finding on `TARGET(1)` in `source`.
  static func result(of source: String) -> LintResult {
    let bytes = Array(source.utf8)
    let start = bytes.firstRange(of: Array("TARGET".utf8))!.lowerBound
    let file = SourceFile(
      path: "./shop/migrations/0002_a,b.py", bytes: bytes, comments: [], errors: [])
    let finding = Finding(
      rule: "concurrently-in-atomic", severity: .error, phase: .unsafe, path: file.path,
      range: TextRange(start, start + 9), message: "100% unsafe, really: yes\nsecond line",
      why: "because", help: "do this", key: MigrationKey("shop", "0002_a,b"), operationIndex: 3)
    return LintResult(findings: [finding], sources: [file.path: file], filesChecked: 1)
  }

  /// Line 3; the tab and `é = f("漢", ` are 12 scalars before TARGET, so column 13.
  static let line = 3
  static let column = 13

  @Test func text() throws {
    let out = Renderer(format: .text).render(Self.result)
    let lines = out.components(separatedBy: "\n")
    #expect(
      lines[0]
        == "shop/migrations/0002_a,b.py:3:13: error[concurrently-in-atomic]: 100% unsafe, really: yes"
    )
    let excerpt = try #require(lines.firstIndex { $0.hasPrefix("3 | ") })
    #expect(lines[excerpt] == "3 | \té = f(\"漢\", TARGET(1))")
    // The tab is kept so the carets line up; one caret per scalar of `TARGET(1)`.
    #expect(lines[excerpt + 1] == "  | \t           ^^^^^^^^^")
    #expect(out.contains("  = phase: unsafe (locks or rewrites as written)\n"))
    #expect(out.contains("  = why: because\n  = help: do this\n"))
    #expect(out.hasSuffix("Found 1 finding (1 error) in 1 file.\n"))
    #expect(!out.contains("\u{1B}["))
    #expect(Renderer(format: .text, color: true).render(Self.result).contains("\u{1B}[1;31m"))
  }

  /// A finding on a very long line shows a window of the line around its start, cut with `…`,
  /// the carets still under the range.
  @Test func longLineIsShownAroundTheRange() throws {
    func render(before: Int, after: Int) -> [String] {
      let source =
        "x = [" + String(repeating: "a, ", count: before) + "TARGET(1)"
        + String(repeating: ", b", count: after) + "]\n"
      return Renderer(format: .text).render(Self.result(of: source))
        .components(separatedBy: "\n")
    }
    // In the middle of a 60,000-character line: cut at both ends.
    let middle = render(before: 10_000, after: 10_000)
    let line = try #require(middle.firstIndex { $0.hasPrefix("1 | ") })
    let shown = String(middle[line].dropFirst("1 | ".count))
    #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
    #expect(shown.unicodeScalars.count == 160 + 2)
    let caretLine = middle[line + 1]
    let caretsAt = try #require(caretLine.firstIndex(of: "^"))
    let offset = caretLine.distance(from: caretLine.startIndex, to: caretsAt) - "  | ".count
    #expect(Array(shown)[offset...].starts(with: "TARGET(1)"))
    #expect(caretLine.hasSuffix(String(repeating: "^", count: 9)))
    // Near the start of the line: shown from its first character, cut at the end only.
    let early = render(before: 2, after: 10_000)
    let first = try #require(early.first { $0.hasPrefix("1 | ") })
    #expect(first.hasPrefix("1 | x = [a, a, TARGET(1), b") && first.hasSuffix("…"))
    // `x = [a, a, ` is 11 scalars.
    #expect(early.contains("  | " + String(repeating: " ", count: 11) + "^^^^^^^^^"))
    // A line of ordinary length is shown whole.
    let short = render(before: 2, after: 2)
    #expect(short.contains("1 | x = [a, a, TARGET(1), b, b]"))
  }

  @Test func json() throws {
    let out = Renderer(format: .json, version: "9.9").render(Self.result)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.count == 1)
    let f = findings[0]
    #expect(f["rule"] as? String == "concurrently-in-atomic")
    #expect(f["path"] as? String == "shop/migrations/0002_a,b.py")
    #expect(f["operation"] as? Int == 3)
    #expect(f["migration"] as? String == "0002_a,b")
    let start = try #require(f["start"] as? [String: Int])
    #expect(start["line"] == Self.line && start["column"] == Self.column)
    #expect(f["message"] as? String == "100% unsafe, really: yes\nsecond line")
    #expect((f["fingerprint"] as? String)?.count == 16)
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary["error"] == 1 && summary["files"] == 1)
  }

  @Test func github() {
    let out = Renderer(format: .github).render(Self.result)
    #expect(
      out == "::error file=shop/migrations/0002_a%2Cb.py,line=3,col=13,endLine=3,endColumn=22,"
        + "title=migplan concurrently-in-atomic::100%25 unsafe, really: yes%0Asecond line [unsafe]"
        + "%0Ahelp: do this\n")
  }

  @Test func sarif() throws {
    let out = Renderer(format: .sarif, version: "9.9").render(Self.result)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(object["version"] as? String == "2.1.0")
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "migplan")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String } == Rules.all.map { $0.id })
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    #expect(result["ruleId"] as? String == "concurrently-in-atomic")
    let index = try #require(result["ruleIndex"] as? Int)
    #expect(rules[index]["id"] as? String == "concurrently-in-atomic")
    #expect(result["level"] as? String == "error")
    let location = try #require((result["locations"] as? [[String: Any]])?.first)
    let physical = try #require(location["physicalLocation"] as? [String: Any])
    let artifact = try #require(physical["artifactLocation"] as? [String: Any])
    #expect(artifact["uri"] as? String == "shop/migrations/0002_a%2Cb.py")
    let region = try #require(physical["region"] as? [String: Int])
    #expect(region["startLine"] == Self.line && region["startColumn"] == Self.column)
    let help = try #require((rules[index]["help"] as? [String: Any])?["text"] as? String)
    #expect(help.hasPrefix("# concurrently-in-atomic"))
  }
}
