import Foundation
import MigplanRules
import MigplanTestSupport
import Testing

/// The registry, `Rules/*.md`, the `Rules/README.md` index and the docs built into the binary
/// agree (ty's and swift-format's consistency checks, STYLE.md §3.3).
@Suite struct RuleCatalogTests {
  @Test func registryIsSortedAndUnique() {
    let ids = Rules.all.map { $0.id }
    #expect(ids == ids.sorted())
    #expect(Set(ids).count == ids.count)
  }

  @Test func everyRuleHasADocAndEveryDocARule() {
    let ids = Set(Rules.all.map { $0.id })
    let docs = Set(RuleDoc.all.map(\.id))
    for id in ids.subtracting(docs).sorted() { Issue.record("rule \(id) has no Rules/\(id).md") }
    for id in docs.subtracting(ids).sorted() { Issue.record("Rules/\(id).md names no rule") }
  }

  /// `ConcurrentlyInAtomicRule` ↔ `concurrently-in-atomic`.
  @Test func typeNamesMatchIDs() {
    for rule in Rules.all {
      let name = String(describing: rule)
      #expect(name.hasSuffix("Rule"), "\(name)")
      var kebab = ""
      for ch in name.dropLast(4) {
        if ch.isUppercase && !kebab.isEmpty { kebab += "-" }
        kebab += ch.lowercased()
      }
      #expect(kebab == rule.id, "\(name) should be named after \(rule.id)")
    }
  }

  @Test(arguments: RuleDoc.all)
  func docHasTheSectionsAndMetadata(_ doc: RuleDoc) throws {
    let rule = try #require(Rules.named(doc.id))
    #expect(doc.text.hasPrefix("# \(doc.id)\n"), "\(doc.testDescription) starts with its id")
    let required = ["What it does", "Why is this bad?", "Bad", "Good", "Safe recipe", "References"]
    let present = doc.headings.filter { required.contains($0) }
    #expect(present == required, "\(doc.testDescription) sections: \(doc.headings)")
    let meta = "**Severity:** \(rule.defaultSeverity.rawValue) · **Phase:** \(rule.phase.rawValue)"
    #expect(doc.text.contains(meta), "\(doc.testDescription) should say \(meta)")
  }

  /// The index table lists the registry's id, phase and summary, in order.
  @Test func readmeIndexMatchesRegistry() throws {
    let text = try String(contentsOfFile: RuleDoc.folder + "/README.md", encoding: .utf8)
    var rows: [[String]] = []
    for line in text.components(separatedBy: "\n") where line.hasPrefix("| [") {
      rows.append(
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
    }
    let expected = Rules.all.map { ["[\($0.id)](\($0.id).md)", $0.phase.rawValue, $0.summary] }
    #expect(rows == expected)
  }

  /// `RuleDocs+Generated.swift` holds every document as it is on disk
  /// (`python3 Scripts/gen-rule-docs.py` rewrites it).
  @Test func embeddedDocsAreInSync() throws {
    #expect(
      Set(RuleDocs.text.keys) == Set(RuleDoc.all.map(\.id)),
      "run `python3 Scripts/gen-rule-docs.py`")
    for doc in RuleDoc.all {
      var onDisk = Substring(doc.text)
      while onDisk.hasSuffix("\n") { onDisk = onDisk.dropLast() }
      #expect(
        RuleDocs.text[doc.id] == String(onDisk),
        "\(doc.testDescription) differs from the copy in the binary; run `python3 Scripts/gen-rule-docs.py`"
      )
    }
  }
}
