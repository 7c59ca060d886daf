import Foundation
import MigplanModel
import MigplanRules
import MigplanSQL
import Testing

/// Reports, per operation, the fields of `shop.order` before it and the SQL the engine handed
/// over for it.
struct SQLProbeRule: Rule {
  static let id = "sql-probe"
  static let summary = "test only"
  static let phase = Phase.review
  static let defaultSeverity = Severity.note
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    let fields =
      operation.before.models[ModelKey("shop", "order")]?.fields.map(\.0).joined(separator: ",")
      ?? "-"
    let sql = operation.impacts.map(\.sql).joined(separator: " | ")
    report.add(
      Self.self, at: operation.value.range,
      "\(operation.migration.name)[\(operation.index)] fields=\(fields) sql=\(sql) statements=\(operation.statements.count) pg=\(operation.pgVersion)"
    )
  }
}

/// The same probe without `needsSQL`: the engine must not generate SQL for it.
struct StateOnlyProbeRule: Rule {
  static let id = "state-only-probe"
  static let summary = "test only"
  static let phase = Phase.review
  static let defaultSeverity = Severity.note

  func check(operation: OperationContext, into report: inout Report) {
    let fields =
      operation.before.models[ModelKey("shop", "order")]?.fields.map(\.0).joined(separator: ",")
      ?? "-"
    report.add(
      Self.self, at: operation.value.range,
      "\(operation.migration.name)[\(operation.index)] fields=\(fields) impacts=\(operation.impacts.count)"
    )
  }
}

@Suite struct EngineSQLTests {
  /// Two branches off 0001 and a merge: the plan runs 0002_a before 0002_b, but 0002_b depends
  /// only on 0001, so Django renders it from a state without 0002_a's changes.
  static let branches = [
    ExampleFile(
      path: "shop/migrations/0002_a.py",
      text: migration(
        """
                migrations.AlterField("order", "note", models.CharField(max_length=10, null=True)),
                migrations.AddField("order", "extra", models.IntegerField(null=True)),
        """)),
    ExampleFile(
      path: "shop/migrations/0002_b.py",
      text: migration(
        """
                migrations.AlterField("order", "note", models.TextField(null=True)),
                migrations.AddField("order", "other", models.IntegerField(null=True)),
        """)),
    ExampleFile(
      path: "shop/migrations/0003_merge.py",
      text: migration(
        "", deps: #"[("shop", "0002_a"), ("shop", "0002_b")]"#)),
  ]

  func lint(_ rules: [any Rule.Type], config: LintConfig = LintConfig()) throws -> [String] {
    let root = try ExampleProject.write(Self.branches)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let request = LintRequest(
      roots: [root], paths: [root + "/shop/migrations/0002_b.py"], config: config)
    let result = Linter.run(request, rules: rules)
    #expect(result.problems.isEmpty, "\(result.problems)")
    return result.findings.map(\.message)
  }

  @Test func operationsSeeTheirAncestorsStateNotThePlanPrefix() throws {
    let messages = try lint([StateOnlyProbeRule.self])
    // 0002_a's `extra` is not there, and 0002_b's own first operation is.
    #expect(
      messages == [
        "0002_b[0] fields=id,created,note,total impacts=0",
        "0002_b[1] fields=id,created,note,total impacts=0",
      ])
  }

  @Test func sqlComesFromTheAncestorsStateToo() throws {
    var config = LintConfig()
    config.pgVersion = 16
    let messages = try lint([SQLProbeRule.self], config: config)
    // Django compares 0002_b's TextField with the TextField of its ancestors: no ALTER TYPE
    // (from the plan prefix it would see 0002_a's varchar(10)).
    #expect(
      messages == [
        "0002_b[0] fields=id,created,note,total sql= statements=0 pg=16",
        #"0002_b[1] fields=id,created,note,total sql=ALTER TABLE "shop_order" ADD COLUMN "other" integer NULL; statements=1 pg=16"#,
      ])
  }
}
