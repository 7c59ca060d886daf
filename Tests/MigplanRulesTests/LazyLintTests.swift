import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanTestSupport
import Testing

/// Reports, per operation, what a rule sees: the size of the state before and after it, the
/// operated model's fields before it and, when `needsSQL`, the SQL `migrate` runs for it.
struct LazySQLProbeRule: Rule {
  static let id = "lazy-sql-probe"
  static let summary = "test only"
  static let phase = Phase.review
  static let defaultSeverity = Severity.note
  static let needsSQL = true

  func check(operation: OperationContext, into report: inout Report) {
    report.add(Self.self, at: operation.value.range, LazyStateProbeRule.describe(operation))
  }
}

/// The same probe without SQL: the loader then needs only the linted migrations' ancestors.
struct LazyStateProbeRule: Rule {
  static let id = "lazy-state-probe"
  static let summary = "test only"
  static let phase = Phase.review
  static let defaultSeverity = Severity.note

  func check(operation: OperationContext, into report: inout Report) {
    report.add(Self.self, at: operation.value.range, Self.describe(operation))
  }

  static func describe(_ ctx: OperationContext) -> String {
    let model = ctx.operation.modelNameLower.flatMap {
      ctx.before.models[ModelKey(ctx.migration.app, $0)]
    }
    let fields = model?.fields.map { "\($0.name)=\($0.field.path)" }.joined(separator: ",") ?? "-"
    let sql = ctx.impacts.map(\.sql).joined(separator: " | ")
    return
      "models=\(ctx.before.models.count)/\(ctx.after.models.count) fields=\(fields) sql=\(sql)"
  }
}

/// A lint of some files loads only what their findings depend on (as `migplan lint FILE`
/// does: `Loader.load(…, operationsFor: Loader.files(under: paths))`): its findings and
/// problems must be exactly those of a lint of the whole corpus for the same files.
@Suite struct LazyLintTests {
  @Test(arguments: [false, true]) func fileLintEqualsWholeLint(sql: Bool) throws {
    let roots = OracleProject.packageRoots()
    try #require(!roots.isEmpty, "run python3 Scripts/fetch-corpus.py first")
    let rules: [any Rule.Type] = Rules.all + [sql ? LazySQLProbeRule.self : LazyStateProbeRule.self]
    let whole = Linter.run(LintRequest(roots: roots), rules: rules)
    let files = whole.sources.keys.sorted()
    try #require(files.count > 500)
    let probe = sql ? LazySQLProbeRule.id : LazyStateProbeRule.id
    #expect(whole.findings.filter { $0.rule == probe }.count > 1000)
    if sql {
      #expect(whole.findings.contains { $0.rule == probe && !$0.message.hasSuffix("sql=") })
    }
    // A spread of files across the plan and the packages, and two at once.
    var picks = stride(from: 0, to: files.count, by: files.count / 6).map { [files[$0]] }
    picks.append([files[files.count - 1]])
    picks.append([files[7], files[files.count / 2 + 3]])
    for paths in picks {
      let request = LintRequest(roots: roots, paths: paths)
      let project = Loader.load(roots: roots, operationsFor: Loader.files(under: paths))
      let part = Linter.run(request, project: project, rules: rules)
      // Not a whole load under another name: some migrations were read without operations.
      #expect(project.migrations.values.contains { $0.source.isEmpty })
      #expect(part.problems == whole.problems, "\(paths)")
      #expect(part.findings == whole.findings.filter { paths.contains($0.path) }, "\(paths)")
      #expect(part.filesChecked == paths.count)
    }
  }
}
