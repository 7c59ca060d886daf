import Foundation
import MigplanTestSupport
import Testing

/// End-to-end tests of the built `migplan` binary: exit status, stdout and stderr.
@Suite struct CLITests {
  let root = PackageRoot.path()

  @Test func helpExitsZeroAndListsDebug() throws {
    let run = try runMigplan(["--help"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout.contains("debug"))
  }

  /// DESIGN.md: usage errors exit 2 like every other input error (argument-parser says 64).
  @Test(arguments: [["--no-such-option"], ["debug", "bench", "--seconds"], ["debug", "ast"]])
  func usageErrorsExitTwo(_ arguments: [String]) throws {
    let run = try runMigplan(arguments)
    #expect(run.status == 2, "stderr: \(run.stderr)")
    #expect(run.stderr.contains("Error:"), "stderr: \(run.stderr)")
  }

  @Test func syntaxErrorIsReportedWithItsLocationAndExitsTwo() throws {
    let file = try TemporaryFile(contents: "x = 1\ny = )\n", name: "broken.py")
    defer { file.remove() }
    let run = try runMigplan(["debug", "ast", file.path])
    #expect(run.status == 2)
    let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(
      first.wholeMatch(of: /(.+):2:(\d+): error: .+/)?.1 == Substring(file.path),
      "stderr: \(run.stderr)")
  }

  /// Every command places a syntax error where lint and CPython do: the column counts Unicode
  /// scalars, so the multibyte string before the error moves it by characters, not bytes.
  @Test func everyCommandCountsASyntaxErrorsColumnInCharacters() throws {
    let project = try TemporaryFolder("migplan-columns")
    try project.writeMigration(
      "shop", "0001_initial",
      """
      from django.db import migrations


      class Migration(migrations.Migration):
          operations = ["ünïcödé", )]

      """)
    let file = project.path + "/shop/migrations/0001_initial.py"
    let script =
      "import ast,sys\ntry: ast.parse(open(sys.argv[1], encoding='utf-8').read())\n"
      + "except SyntaxError as e: print(f'{e.lineno}:{e.offset}')"
    let cpython = try runProcess("python3", ["-c", script, file])
    try #require(cpython.status == 0, "python3 failed: \(cpython.stderr)")
    let expected = "\(file):\(cpython.stdout.trimmingCharacters(in: .whitespacesAndNewlines)):"
    for arguments in [
      ["lint", "--root", project.path], ["sql", "shop", "0001", "--root", project.path],
      ["plan", "--root", project.path], ["debug", "ast", file], ["debug", "tokens", file],
      ["debug", "locks", "--root", project.path],
    ] {
      let run = try runMigplan(arguments)
      #expect(run.status == 2, "\(arguments): \(run.stderr)")
      let said = arguments[0] == "lint" ? run.stdout : run.stderr
      #expect(said.hasPrefix(expected), "\(arguments): \(said)")
    }
  }

  /// `debug locks` prints one JSON object per statement `migrate` runs, with the judgement
  /// `PlanLocksOracleTests` checks against `pg_locks`: there, dropping features' foreign key to
  /// `features_series` (0016) takes ACCESS EXCLUSIVE on both tables.
  @Test func debugLocksPrintsEachStatementAsJSON() throws {
    let run = try runMigplan(
      ["debug", "locks", "--root", root + "/Fixtures/projects/features", "--pg-version", "15"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    var migrations: Set<String> = []
    var dropped: [[String: Any]] = []
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      let o = try #require(object, "not a JSON object: \(line)")
      migrations.insert(o["migration"] as? String ?? "")
      let sql = o["sql"] as? String ?? ""
      if sql.contains("DROP CONSTRAINT \"features_imprint_ser_series_id_4e8fc8ce_fk_features_\"") {
        dropped += o["locks"] as? [[String: Any]] ?? []
      }
    }
    #expect(migrations.count > 25 && !migrations.contains(""))
    #expect(
      dropped.map { "\($0["table"] ?? "") \($0["mode"] ?? "")" }.sorted() == [
        "features_imprint_series ACCESS EXCLUSIVE", "features_series ACCESS EXCLUSIVE",
      ])
  }

  @Test func missingFileIsReportedAtOneOneAndExitsTwo() throws {
    let path = root + "/Fixtures/syntax/ok/no-such-file.py"
    let run = try runMigplan(["debug", "ast", path])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("\(path):1:1: error:"), "stderr: \(run.stderr)")
  }

  /// CPython is the oracle: `debug ast` prints what `ast.dump(..., include_attributes=True)` does.
  @Test func debugASTMatchesCPython() throws {
    let path = root + "/Fixtures/syntax/ok/migration_basic.py"
    let script =
      "import ast,sys; "
      + "print(ast.dump(ast.parse(open(sys.argv[1],\"rb\").read()), include_attributes=True))"
    let cpython = try runProcess("python3", ["-c", script, path])
    try #require(cpython.status == 0, "python3 failed: \(cpython.stderr)")
    let ours = try runMigplan(["debug", "ast", path])
    #expect(ours.status == 0, "stderr: \(ours.stderr)")
    if ours.stdout != cpython.stdout {  // the dumps are long: report where they part
      Issue.record("differs from CPython: \(firstDifference(cpython.stdout, ours.stdout))")
    }
  }

  @Test func debugBenchEndsWithTheRatioLine() throws {
    let run = try runMigplan(["debug", "bench", "--seconds", "0.05", root + "/Fixtures/syntax/ok"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(
      last.wholeMatch(of: /parse: \d+\.\d× CPython ast\.parse/) != nil, "stdout: \(run.stdout)")
  }
}

/// Where two texts first differ, with some context from each, for readable failures.
func firstDifference(_ expected: String, _ actual: String) -> String {
  let e = Array(expected.utf8)
  let a = Array(actual.utf8)
  var i = 0
  while i < e.count, i < a.count, e[i] == a[i] { i += 1 }
  func context(_ bytes: [UInt8]) -> String {
    String(decoding: bytes[max(0, i - 80)..<min(bytes.count, i + 80)], as: UTF8.self)
  }
  return "first difference at byte \(i)\n  expected: …\(context(e))…\n  actual:   …\(context(a))…"
}

/// A file in a fresh temporary folder, for inputs that must not live in Fixtures/.
struct TemporaryFile {
  let folder: URL
  let path: String

  init(contents: String, name: String) throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appendingPathComponent(name).path
    try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}
