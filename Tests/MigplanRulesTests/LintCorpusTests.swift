import Foundation
import MigplanRules
import MigplanTestSupport
import Testing

/// Lints the whole fetched corpus (`.corpus/`, every package a root) with every rule.
@Suite struct LintCorpusTests {
  /// Files under a `migrations` folder that Django would load: `*.py`, not `_*` or `~*`.
  static func migrationFiles(under root: String) -> [String] {
    var out: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let rel = enumerator?.nextObject() as? String {
      let parts = rel.split(separator: "/")
      guard parts.count >= 2, parts[parts.count - 2] == "migrations", let name = parts.last,
        name.hasSuffix(".py"), !name.hasPrefix("_"), !name.hasPrefix("~")
      else { continue }
      out.append(root + "/" + rel)
    }
    return out
  }

  @Test func everyCorpusFileIsJudged() throws {
    let roots = OracleProject.packageRoots()
    try #require(!roots.isEmpty, "run python3 Scripts/fetch-corpus.py first")
    let result = Linter.run(LintRequest(roots: roots))
    // Django's own `django/db/migrations` is its migration framework, not an app: none of its
    // modules holds a migration (`class Migration` there has no base; writer.py has one only
    // in a template string), so lint does not judge it.
    let framework = "/django/db/migrations/"
    let all = Set(roots.flatMap { Self.migrationFiles(under: $0) })
    try #require(all.contains { $0.contains(framework) })
    let onDisk = all.filter { !$0.contains(framework) }
    #expect(result.filesChecked == onDisk.count)
    #expect(Set(result.sources.keys) == onDisk)

    // Counts per rule and per package, for the notes.
    func package(_ path: String) -> String {
      let rest = path.dropFirst(OracleProject.corpus.count + 1)
      return String(rest.prefix { $0 != "/" })
    }
    var byRule: [String: Int] = [:]
    var byPackage: [String: [String: Int]] = [:]
    for f in result.findings {
      byRule[f.rule, default: 0] += 1
      byPackage[package(f.path), default: [:]][f.rule, default: 0] += 1
    }
    let rules = byRule.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    print(
      "lint corpus: \(result.filesChecked) files, \(result.findings.count) findings, \(result.suppressed) suppressed; by rule: \(rules.joined(separator: " "))"
    )
    for (name, counts) in byPackage.sorted(by: { $0.key < $1.key }) {
      let list = counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      print("lint corpus: \(name): \(list.joined(separator: " "))")
    }
    // Every finding is located in a linted file and names a registered rule.
    let ids = Set(Rules.all.map { $0.id })
    for f in result.findings {
      #expect(ids.contains(f.rule), "\(f.rule)")
      #expect(result.sources[f.path] != nil, "\(f.path)")
    }

    // A file linted alone (the pre-commit run: SQL only for it and its ancestors) gets the
    // findings it gets in the whole run. Every 80th file, and every 8th file with a finding of
    // a rule that reads the migration as a whole (each run loads the whole corpus again).
    let sqlRules = Set(Rules.all.filter { $0.needsSQL }.map { $0.id })
    var sample = Set(onDisk.sorted().enumerated().filter { $0.offset % 80 == 0 }.map(\.element))
    let whole = Set(
      result.findings.filter { ["exclusive-lock-then-work", "add-foreign-key"].contains($0.rule) }
        .map(\.path))
    sample.formUnion(whole.sorted().enumerated().filter { $0.offset % 8 == 0 }.map(\.element))
    func key(_ f: Finding) -> String {
      "\(f.rule) \(f.range.map { "\($0.start)-\($0.end)" } ?? "-") \(f.message)"
    }
    var sqlFindings = 0
    for path in sample.sorted() {
      let alone = Linter.run(LintRequest(roots: roots, paths: [path]))
      let whole = result.findings.filter { $0.path == path }
      sqlFindings += whole.filter { sqlRules.contains($0.rule) }.count
      #expect(alone.findings.map(key) == whole.map(key), "\(path)")
    }
    print("lint corpus: \(sample.count) files linted alone, \(sqlFindings) SQL findings compared")
  }
}
