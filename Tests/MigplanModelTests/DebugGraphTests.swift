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
