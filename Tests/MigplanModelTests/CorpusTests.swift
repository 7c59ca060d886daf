import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// The real-world corpus (`.corpus/`, fetched by `Scripts/fetch-corpus.py`) and Django's own
/// `showmigrations --plan` order for the oracle project (`Fixtures/oracle/plan.txt`).
@Suite struct CorpusTests {
  static let root = PackageRoot.path()
  static let corpus = root + "/.corpus"

  /// One root per corpus package (`.corpus/django-oscar`, …), sorted.
  static func packageRoots() throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
      .filter { !$0.hasPrefix(".") }.sorted()
    return names.map { corpus + "/" + $0 }
  }

  @Test func everyCorpusFileLoads() throws {
    let roots = try Self.packageRoots()
    try #require(!roots.isEmpty, "run python3 Scripts/fetch-corpus.py first")
    var files = 0
    var loaded = 0
    var problems: [String] = []
    var unresolvedByPackage: [(String, Int, Int, String)] = []
    for packageRoot in roots {
      // One package at a time: wagtail's test apps share labels with each other.
      let (apps, found) = Loader.discover(roots: [packageRoot])
      #expect(found.isEmpty, "\(found)")
      var unresolved = 0
      var operations = 0
      var reasons: [String: Int] = [:]
      // django/db/migrations is Django's migration framework, not an app (its writer.py holds
      // a `class Migration` template that the corpus fetcher keeps).
      for app in apps where app.modulePath != "django.db" {
        let project = Loader.load(apps: [app])
        let onDisk = try FileManager.default.contentsOfDirectory(
          atPath: app.directory + "/migrations"
        )
        .filter { $0.hasSuffix(".py") && !$0.hasPrefix("_") }
        files += onDisk.count
        loaded += project.migrations.count
        for d in project.diagnostics
        where d.message.contains("parse") || d.message.contains("no Migration class")
          || d.message.contains("cannot evaluate") || d.message.contains("not an (app")
        {
          problems.append("\(d.path): \(d.message)")
        }
        for m in project.migrations.values {
          operations += m.operations.count
          for op in m.operations {
            op.walk { v in
              if case .unresolved(let r, let why) = v {
                unresolved += 1
                reasons[why, default: 0] += 1
                // MIGPLAN_SHOW_UNRESOLVED=1 lists each one, to see what is left to teach.
                if ProcessInfo.processInfo.environment["MIGPLAN_SHOW_UNRESOLVED"] != nil {
                  print("unresolved: \(m.path) \(r): \(why)")
                }
              }
            }
          }
        }
      }
      let top = reasons.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        .prefix(3).map { "\($0.value)× \($0.key)" }.joined(separator: "; ")
      unresolvedByPackage.append(
        (String(packageRoot.split(separator: "/").last!), unresolved, operations, top))
    }
    print("corpus: \(loaded) of \(files) migration files loaded")
    for (package, n, ops, top) in unresolvedByPackage {
      print(
        "unresolved values: \(package): \(n) (in \(ops) operations)\(top.isEmpty ? "" : ": " + top)"
      )
    }
    #expect(files > 500)
    #expect(loaded == files, "\(problems.prefix(10).joined(separator: "\n"))")
  }

  /// All corpus apps as one project (test apps included): a consistent graph with every
  /// squash applied.
  @Test func wholeCorpusIsOneConsistentGraph() throws {
    let roots = try Self.packageRoots()
    try #require(!roots.isEmpty, "run python3 Scripts/fetch-corpus.py first")
    let (found, problems) = Loader.discover(roots: roots)
    #expect(problems.isEmpty, "\(problems)")
    let apps = found.filter { $0.modulePath != "django.db" }
    let clock = ContinuousClock()
    var project: Project? = nil
    let elapsed = clock.measure { project = Loader.load(apps: apps) }
    let p = try #require(project)
    #expect(p.diagnostics.isEmpty, "\(p.diagnostics.prefix(5))")
    let replaced = p.migrations.count - p.graph.nodes.count
    print(
      "whole corpus: \(apps.count) apps, \(p.migrations.count) migrations (\(replaced) replaced by squashes), plan of \(p.plan.count), loaded in \(elapsed) (debug build)"
    )
    #expect(p.plan.count == p.graph.nodes.count)
  }

  /// The plan of the oracle project (`Scripts/oracle/`) against Django's `showmigrations --plan`
  /// (`Fixtures/oracle/plan.txt`).
  @Test
  func planEqualsShowmigrations() throws {
    let roots = try Self.packageRoots()
    try #require(!roots.isEmpty, "run python3 Scripts/fetch-corpus.py first")
    let (apps, unmigrated) = OracleProject.apps()
    let project = Loader.load(apps: apps, unmigratedApps: unmigrated)
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics.prefix(5))")
    let expected = try String(
      contentsOfFile: Self.root + "/Fixtures/oracle/plan.txt", encoding: .utf8
    )
    .split(separator: "\n").map(String.init)
    // Explicitly: none of the apps taken as unmigrated has a migration in Django's plan.
    let planned = Set(expected.map { String($0.split(separator: ".").first!) })
    #expect(planned.isDisjoint(with: unmigrated), "\(planned.intersection(unmigrated))")
    #expect(planned == Set(apps.map(\.label)), "\(planned.symmetricDifference(apps.map(\.label)))")
    let actual = project.plan.map(\.description)
    let equal = zip(expected, actual).filter { $0 == $1 }.count
    print(
      "oracle plan: \(equal) of \(expected.count) lines equal (migplan printed \(actual.count))")
    if expected != actual {
      var report: [String] = []
      for i in 0..<max(expected.count, actual.count) {
        let e = i < expected.count ? expected[i] : "<end>"
        let a = i < actual.count ? actual[i] : "<end>"
        if e != a {
          report.append("line \(i + 1): django \(e) | migplan \(a)")
          if report.count == 10 { break }
        }
      }
      let text = report.joined(separator: "\n")
      Issue.record("plan differs from showmigrations --plan:\n\(text)")
    }
  }
}
