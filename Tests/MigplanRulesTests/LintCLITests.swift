import Foundation
import MigplanRules
import MigplanTestSupport
import Testing

/// `migplan lint`, `rules` and `explain` run as a built binary.
@Suite struct LintCLITests {
  static let risky = migration(concurrentIndex)

  func project(_ files: [String: String]) throws -> String {
    try ExampleProject.write(files.map { ExampleFile(path: $0.key, text: $0.value) })
  }

  @Test func textOutputAndExitStatus() throws {
    let root = try project(["shop/migrations/0002_idx.py": Self.risky])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let r = try runMigplan(["lint"], currentDirectory: root)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(
      r.stdout.hasPrefix(
        "shop/migrations/0002_idx.py:11:9: error[concurrently-in-atomic]: `AddIndexConcurrently` in an atomic migration\n"
      ))
    #expect(r.stdout.hasSuffix("Found 1 finding (1 error) in 2 files.\n"))
    let clean = try runMigplan(["lint", "shop/migrations/0001_initial.py"], currentDirectory: root)
    #expect(clean.status == 0)
    #expect(clean.stdout == "No findings in 1 file.\n")
    let sarif = try runMigplan(["lint", "--format", "sarif"], currentDirectory: root)
    #expect(sarif.status == 1)
    #expect((try? JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8))) != nil)
  }

  @Test func inputErrorsExitTwo() throws {
    let root = try project([
      "shop/migrations/0002_bad.py": "class Migration(:\n", ".migplan.toml": "colour = 1\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let config = try runMigplan(["lint"], currentDirectory: root)
    #expect(config.status == 2)
    #expect(config.stderr.contains(".migplan.toml:1:1: error: key `colour`: unknown key"))
    try FileManager.default.removeItem(atPath: root + "/.migplan.toml")
    let syntax = try runMigplan(["lint"], currentDirectory: root)
    #expect(syntax.status == 2)
    #expect(syntax.stdout.contains("shop/migrations/0002_bad.py:1:17: error[syntax-error]"))
    let usage = try runMigplan(["lint", "--pg-version", "9"], currentDirectory: root)
    #expect(usage.status == 2)
    let missing = try runMigplan(["lint", "nope/0001.py"], currentDirectory: root)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nope/0001.py:1:1: error: no such file or folder"))
  }

  /// Every command finds the configuration of a project given by `--root` from elsewhere
  /// (it walked up from the current folder only in `sql`, `plan`, `split` and `trace`).
  @Test func theConfigIsFoundFromTheRoot() throws {
    let root = try project([".migplan.toml": "colour = 1\n"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let commands = [
      ["lint"], ["sql", "shop", "0001"], ["plan"], ["split", "shop", "0001"],
      ["trace", "shop", "0001", "--database", "postgresql://127.0.0.1:1/none"],
      ["check", "--database", "postgresql://127.0.0.1:1/none"],
    ]
    for command in commands {
      let r = try runMigplan(command + ["--root", root], currentDirectory: "/")
      #expect(r.status == 2, "\(command)")
      #expect(
        r.stderr.contains(".migplan.toml:1:1: error: key `colour`: unknown key"),
        "\(command): \(r.stderr)")
    }
    // A PATH comes first: lint and plan of a file start there.
    let file = root + "/shop/migrations/0001_initial.py"
    for command in [["lint", file], ["plan", file]] {
      let r = try runMigplan(command, currentDirectory: "/")
      #expect(r.status == 2, "\(command)")
      #expect(r.stderr.contains("key `colour`"), "\(command): \(r.stderr)")
    }
  }

  @Test func baselineRoundTrip() throws {
    let root = try project(["shop/migrations/0002_idx.py": Self.risky])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let write = try runMigplan(["lint", "--write-baseline", "b.json"], currentDirectory: root)
    #expect(write.status == 0)
    #expect(write.stderr.contains("wrote 1 finding to b.json"))
    let again = try runMigplan(["lint", "--baseline", "b.json"], currentDirectory: root)
    #expect(again.status == 0)
    #expect(again.stdout == "No findings in 2 files; 1 in the baseline.\n")
  }

  @Test func changedSince() throws {
    let root = try project(["shop/migrations/0002_idx.py": Self.risky])
    defer { try? FileManager.default.removeItem(atPath: root) }
    func git(_ args: String...) throws {
      let r = try runProcess(
        "git", ["-c", "user.name=t", "-c", "user.email=t@e"] + args, currentDirectory: root)
      #expect(r.status == 0, "git \(args): \(r.stderr)")
    }
    try git("init", "-q")
    try git("add", "-A")
    try git("commit", "-qm", "one")
    let none = try runMigplan(["lint", "--changed-since", "HEAD"], currentDirectory: root)
    #expect(none.status == 0)
    #expect(none.stdout == "No findings in 0 files.\n")
    try migration(concurrentIndex, deps: #"[("shop", "0002_idx")]"#)
      .replacingOccurrences(of: "shop_note_idx", with: "shop_note2_idx")
      .write(toFile: root + "/shop/migrations/0003_idx.py", atomically: true, encoding: .utf8)
    let untracked = try runMigplan(["lint", "--changed-since", "HEAD"], currentDirectory: root)
    #expect(untracked.status == 1)
    #expect(untracked.stdout.contains("0003_idx.py:11:9"))
    #expect(!untracked.stdout.contains("0002_idx.py"))
    let bad = try runMigplan(["lint", "--changed-since", "no-such-ref"], currentDirectory: root)
    #expect(bad.status == 2)
  }

  @Test func rulesAndExplain() throws {
    let rules = try runMigplan(["rules"])
    #expect(rules.status == 0)
    for rule in Rules.all { #expect(rules.stdout.contains("\n\(rule.id) ")) }
    let doc = try String(contentsOfFile: RuleDoc.folder + "/graph-conflict.md", encoding: .utf8)
    let explain = try runMigplan(["explain", "graph-conflict"], currentDirectory: "/")
    #expect(explain.status == 0)
    #expect(explain.stdout == doc)
    let unknown = try runMigplan(["explain", "nope"])
    #expect(unknown.status == 2)
  }
}
