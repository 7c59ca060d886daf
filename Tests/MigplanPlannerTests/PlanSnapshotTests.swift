import Foundation
import MigplanTestSupport
import Testing

/// The plans README shows: `migplan plan --format markdown` of each example project's change
/// (`Fixtures/projects/plan-examples/<example>`, the migrations in `<app>/split.txt`), kept in
/// `<example>/plan.md`. Regression snapshots: `RECORD_SNAPSHOTS=1` rewrites them. That the
/// plans are right is the split oracle's part: it applies the same chains with Django.
@Suite struct PlanSnapshotTests {
  @Test(arguments: SplitOracle.exampleNames)
  func planMatchesItsSnapshot(example: String) throws {
    let folder = SplitOracle.examples + "/" + example
    var files: [String] = []
    for app in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
      guard let list = try? String(contentsOfFile: "\(folder)/\(app)/split.txt", encoding: .utf8)
      else { continue }
      files += list.split(separator: "\n").map { "\(app)/migrations/\($0).py" }
    }
    let run = try runMigplan(
      ["plan"] + files + ["--root", ".", "--format", "markdown"], currentDirectory: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let snapshot = folder + "/plan.md"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try run.stdout.write(toFile: snapshot, atomically: true, encoding: .utf8)
    }
    let recorded = try? String(contentsOfFile: snapshot, encoding: .utf8)
    #expect(recorded == run.stdout, "\(snapshot) is out of date; RECORD_SNAPSHOTS=1 rewrites it")
  }
}
