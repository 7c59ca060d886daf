import Foundation
import MigplanTestSupport
import Testing

/// README's first command, `migplan lint Fixtures/projects/lint-demo`, run as the built binary
/// from the package root: the configuration is found from the path, the risky migration's
/// findings are printed in the rustc/ruff style and the exit status is 1.
@Suite struct LintDemoTests {
  /// `path:line:col: severity[rule]` of each finding line of the text output.
  static func heads(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").compactMap { line in
      guard let bracket = line.firstIndex(of: "]"),
        line.contains(": error[") || line.contains(": warning[")
      else { return nil }
      return String(line[...bracket])
    }
  }

  /// What Django does with `0002_order_status`: adds `status` NOT NULL with a temporary default,
  /// drops `note`, runs the unbatched backfill without a reverse in the same transaction.
  static let expected = [
    "shop/migrations/0002_order_status.py:6:18: warning[runpython-unbatched]",
    "shop/migrations/0002_order_status.py:15:9: error[add-not-null-column]",
    "shop/migrations/0002_order_status.py:20:9: error[drop-column]",
    "shop/migrations/0002_order_status.py:20:9: warning[mixed-phase-migration]",
    "shop/migrations/0002_order_status.py:21:9: warning[data-and-schema-together]",
    "shop/migrations/0002_order_status.py:21:9: warning[runpython-no-reverse]",
  ]

  @Test func readmeCommandFromThePackageRoot() throws {
    let r = try runMigplan(
      ["lint", "Fixtures/projects/lint-demo"], currentDirectory: PackageRoot.path())
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    let heads = Self.heads(r.stdout)
    for e in Self.expected {
      #expect(heads.contains("Fixtures/projects/lint-demo/" + e), "\(r.stdout)")
    }
    // The initial and the safe migration pass.
    #expect(!heads.contains { !$0.contains("0002_order_status.py") }, "\(heads)")
    // rustc/ruff style: the source line, carets under the operation, phase, why, help, see.
    #expect(
      r.stdout.contains(
        """
           |
        20 |         migrations.RemoveField(model_name="order", name="note"),
           |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
           = phase: contract (safe only after the old code is gone)
        """))
    #expect(r.stdout.contains("   = see: migplan explain drop-column\n"))
  }

  @Test func sameFindingsFromInsideTheProject() throws {
    let r = try runMigplan(
      ["lint"], currentDirectory: PackageRoot.path() + "/Fixtures/projects/lint-demo")
    #expect(r.status == 1, "\(r.stderr)")
    let heads = Self.heads(r.stdout)
    for e in Self.expected { #expect(heads.contains(e), "\(r.stdout)") }
    let safe = try runMigplan(
      ["lint", "shop/migrations/0003_order_coupon.py"],
      currentDirectory: PackageRoot.path() + "/Fixtures/projects/lint-demo")
    #expect(safe.status == 0, "\(safe.stdout)")
  }
}
