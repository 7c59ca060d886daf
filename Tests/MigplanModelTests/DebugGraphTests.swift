import MigplanTestSupport
import Testing

/// `migplan debug graph` end to end, on the fixture projects.
@Suite struct DebugGraphTests {
  static let projects = PackageRoot.path() + "/Fixtures/projects"

  @Test func printsThePlanAsText() throws {
    let run = try runMigplan(["debug", "graph", "--root", Self.projects + "/squash"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout
        == "pages.0001_initial_squashed_0002_title\nmenus.0001_initial\npages.0003_slug\n")
  }

  @Test func printsThePlanAsJSON() throws {
    let run = try runMigplan([
      "debug", "graph", "--root", Self.projects + "/squash", "--format", "json",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "{\"plan\": [\n  {\"app\": \"pages\", \"name\": \"0001_initial_squashed_0002_title\""))
    #expect(run.stdout.contains("\"replaces\": [\"pages.0001_initial\", \"pages.0002_title\"]"))
    #expect(run.stdout.contains("\"dependencies\": [\"pages.0001_initial_squashed_0002_title\"]"))
  }

  /// `debug graph`, `state` and `schema` read the configuration as `sql` and `lint` do: its
  /// roots (and settings, site-packages) are the project's. Before, they ignored it and
  /// reported `.migplan.toml`'s project as a broken graph.
  @Test(arguments: [
    (["graph"], "features.0036_note_link"), (["state", "features"], "features.crew"),
    (["schema"], "\"features_crew\""),
  ]) func readsTheConfiguration(_ command: [String], _ expected: String) throws {
    let folder = try TemporaryFolder("migplan-debug-config")
    try folder.write(".migplan.toml", "roots = [\"\(Self.projects)/features\"]\n")
    let run = try runMigplan(["debug"] + command, currentDirectory: folder.path)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout.contains(expected), "\(run.stdout.prefix(300))")
  }

  @Test func brokenGraphExitsTwoNamingTheFile() throws {
    let root = Self.projects + "/missing"
    let run = try runMigplan(["debug", "graph", "--root", root])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr
        == "\(root)/app/migrations/0002_next.py:5:46: error: migration app.0002_next depends on nonexistent migration app.0001_nope\n"
    )
  }
}
