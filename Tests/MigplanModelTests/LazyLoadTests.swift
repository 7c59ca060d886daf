import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// `Loader.load(…, operationsFor:)` against a full load of the oracle project: the same graph,
/// plan and diagnostics, operations only where the picked migrations need them, and the same
/// project state before and after each picked migration.
@Suite struct LazyLoadTests {
  /// Every property of every model, in a form that compares with `==`.
  static func dump(_ state: ProjectState) -> [[AnyHashable]] {
    state.models.keys.sorted().map { key in
      let m = state.models[key]!
      return [
        key.description, m.app, m.name, m.fields.map(\.name), m.fields.map(\.field), m.options,
        m.bases, m.managers, m.indexes, m.constraints, m.uniqueTogether, m.indexTogether,
      ]
    }
  }

  /// Keys whose state a picked migration depends on: itself and its ancestors (for one a
  /// squash replaces, those in the graph without squashes).
  static func ancestors(_ project: Project, _ keys: [MigrationKey]) -> Set<MigrationKey> {
    var seen: Set<MigrationKey> = []
    var stack = keys
    while let k = stack.popLast() {
      guard seen.insert(k).inserted else { continue }
      stack += project.graph.nodeMap[k]?.parents ?? []
      stack += project.unreplacedGraph?.nodeMap[k]?.parents ?? []
    }
    return seen
  }

  /// Migrations to pick: the first and last of the plan, the leaves of three apps, and a
  /// migration a squash replaces (not in the plan).
  static func picks(_ full: Project) -> [[MigrationKey]] {
    let plan = full.plan
    var picks: [[MigrationKey]] = [[plan[0]], [plan[plan.count - 1]], [plan[plan.count / 2]]]
    for app in ["wagtailcore", "auth", "cms"] {
      if let leaf = full.graph.leafNodes(app: app).first { picks.append([leaf]) }
    }
    if let replaced = full.migrations.keys.sorted().first(where: { !full.graph.nodes.contains($0) })
    {
      picks.append([replaced])
    }
    picks.append([plan[plan.count / 3], plan[plan.count / 4]])
    return picks
  }

  @Test func lazyLoadMatchesFullLoad() throws {
    let (apps, unmigrated) = OracleProject.apps()
    try #require(!apps.isEmpty, "run python3 Scripts/fetch-corpus.py first")
    let full = Loader.load(apps: apps, unmigratedApps: unmigrated)
    try #require(full.plan.count > 100)
    let fullStates = AncestorStates(full)
    for picked in Self.picks(full) {
      let paths = Set(picked.map { full.migrations[$0]!.path })
      let lazy = Loader.load(
        apps: apps, unmigratedApps: unmigrated, operationsFor: { paths.contains($0) })
      #expect(lazy.plan == full.plan)
      #expect(lazy.diagnostics == full.diagnostics)
      #expect(lazy.graph.nodes == full.graph.nodes)
      #expect(Set(lazy.migrations.keys) == Set(full.migrations.keys))

      let needed = Self.ancestors(full, picked)
      var typed = 0
      for (key, m) in full.migrations {
        let l = lazy.migrations[key]!
        #expect(l.dependencies == m.dependencies && l.replaces == m.replaces, "\(key)")
        #expect(l.runBefore == m.runBefore && l.atomic == m.atomic, "\(key)")
        if needed.contains(key) {
          #expect(l.operations == m.operations, "\(key) lost its operations")
          #expect(l.typedOperations.count == m.typedOperations.count, "\(key)")
          typed += 1
        } else {
          #expect(l.operations.isEmpty, "\(key) was evaluated though nothing picked needs it")
        }
      }
      #expect(typed == needed.count)
      // Skipping work is the point: a pick early in the plan leaves most of it untyped.
      if picked == [full.plan[0]] { #expect(typed < full.migrations.count / 10) }

      let lazyStates = AncestorStates(lazy)
      for key in picked {
        #expect(
          Self.dump(lazy.state(at: key, atEnd: true).0)
            == Self.dump(full.state(at: key, atEnd: true).0), "\(key)")
        if let whole = full.withoutReplacing, !full.plan.contains(key) {
          let lazyWhole = try #require(lazy.withoutReplacing)
          #expect(
            Self.dump(lazyWhole.state(at: key, atEnd: true).0)
              == Self.dump(whole.state(at: key, atEnd: true).0), "\(key)")
          #expect(!whole.state(at: key, atEnd: true).0.models.keys.isEmpty, "\(key)")
        }
        if let before = fullStates.before[key] {
          #expect(Self.dump(lazyStates.before[key]!) == Self.dump(before), "\(key)")
        }
      }
    }
  }

  /// `class Migration` attributes other than `operations` are evaluated in a header-only read,
  /// and statements that bind only `operations` are not (in an `if` block neither).
  @Test func headerReadSkipsOnlyOperations() throws {
    let source = """
      from django.db import connection, migrations, models

      class Migration(migrations.Migration):
          atomic = False
          dependencies = [("app", "0001_initial")]
          operations = [migrations.RemoveField("m", "f")]
          operations += [migrations.DeleteModel("m")]
          if connection.vendor == "postgresql":
              operations += [migrations.RunSQL("SELECT 1")]
          replaces = [("app", "0002_a"), ("app", "0002_b")]
      """
    let parsed = Parser.parse(Array(source.utf8))
    let key = MigrationKey("app", "0002_squashed")
    let header = try #require(
      Migration.read(parsed, key: key, path: "x.py", operations: false))
    let full = try #require(Migration.read(parsed, key: key, path: "x.py"))
    #expect(header.operations.isEmpty && header.attributes["operations"] == nil)
    #expect(full.operations.count == 3)
    #expect(header.dependencies == full.dependencies && header.dependencies.count == 1)
    #expect(header.replaces == full.replaces && header.replaces.count == 2)
    #expect(header.atomic == false && full.atomic == false)
  }
}
