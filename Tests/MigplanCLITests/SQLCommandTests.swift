import Foundation
import MigplanTestSupport
import Testing

/// `migplan sql` end to end, against the Django oracle's `sqlmigrate` output.
@Suite struct SQLCommandTests {
  let root = PackageRoot.path()

  /// django.contrib's apps are one project: `--root` their folder.
  var contrib: String { root + "/.corpus/django/django/contrib" }

  @Test(arguments: [
    ("auth", "0001", "auth/0001_initial"),
    ("auth", "0008_alter_user_username_max_length", "auth/0008_alter_user_username_max_length"),
    ("contenttypes", "0002", "contenttypes/0002_remove_content_type_name"),
  ])
  func printsWhatSqlmigratePrints(_ app: String, _ migration: String, _ oracle: String) throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan(["sql", app, migration, "--root", contrib])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let want = try String(
      contentsOfFile: root + "/Fixtures/oracle/sql/\(oracle).sql", encoding: .utf8)
    #expect(run.stdout == want)
  }

  @Test func withTimeoutsPrefixesTheSessionSettings() throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan([
      "sql", "sites", "0001", "--root", contrib, "--with-timeouts", "5s,15min",
    ])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout.hasPrefix("SET lock_timeout = '5s';\nSET statement_timeout = '15min';\nBEGIN;\n"))
  }

  @Test(arguments: [
    ["sql", "auth", "9999_nope"], ["sql", "nosuchapp", "0001"],
    ["sql", "auth", "0001", "--with-timeouts", "5s"],
    ["sql", "auth", "0001", "--with-timeouts", "5s;DROP TABLE x,1s"],
  ])
  func badInputExitsTwo(_ arguments: [String]) throws {
    try #require(PackageRoot.fileExists(contrib), "run python3 Scripts/fetch-corpus.py")
    let run = try runMigplan(arguments + ["--root", contrib])
    #expect(run.status == 2, "stdout: \(run.stdout) stderr: \(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("error"), "stderr: \(run.stderr)")
  }
}
