import MigplanModel
import MigplanTestSupport
import Testing

@testable import MigplanSQL

/// `migplan sql` against Django 5.2's `sqlmigrate` on PostgreSQL 15, taken with the database
/// in the state a real `migrate` had reached (`Fixtures/oracle/sql/`).
@Suite struct OracleSQLTests {
  /// The first differing line of two texts, for the report.
  static func firstDifference(_ want: String, _ got: String) -> String {
    let a = want.split(separator: "\n", omittingEmptySubsequences: false)
    let b = got.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, b.count) {
      let x = i < a.count ? String(a[i]) : "<end>"
      let y = i < b.count ? String(b[i]) : "<end>"
      if x != y { return "line \(i + 1):\n    django  \(x)\n    migplan \(y)" }
    }
    return "(equal)"
  }

  @Test func sqlEqualsSqlmigrate() throws {
    try #require(!OracleProject.packageRoots().isEmpty, "run python3 Scripts/fetch-corpus.py")
    let project = OracleProject.load()
    let outputs = SQLGenerator(project: project).all()
    #expect(outputs.count == project.plan.count)
    var equal = 0
    var report: [String] = []
    var raises = 0
    for o in outputs {
      let want = try #require(OracleProject.fixture("sql/\(o.key.app)/\(o.key.name).sql"))
      // Where sqlmigrate raises (`X.error`: cms 0031, which the graph without squashes renders
      // from a state whose unique_together the database never had), migplan says so, with
      // Django's message, where Django raises it.
      if let error = OracleProject.fixture("sql/\(o.key.app)/\(o.key.name).error") {
        let parts = error.split(separator: "\n")[0].split(separator: ": ", maxSplits: 1)
        let line = "-- migplan: Django raises \(parts[0]) here: \(parts.last ?? "");"
        if o.lines.contains(line) {
          raises += 1
        } else {
          report.append("\(o.key): sqlmigrate raises \(error); migplan does not say so")
        }
        continue
      }
      if want == o.text {
        equal += 1
      } else {
        report.append("\(o.key): \(Self.firstDifference(want, o.text))")
      }
    }
    let percent = Double(equal * 1000 / max(outputs.count, 1)) / 10
    print(
      "sql: \(equal) of \(outputs.count) migrations byte-identical to sqlmigrate (\(percent)%), "
        + "\(raises) where it raises say so")
    for r in report.prefix(Int(PackageRoot.environment("MIGPLAN_SHOW_DIFFS") ?? "") ?? 15) {
      print(r)
    }
    #expect(equal + raises == outputs.count, "\(report.count) differ")
    #expect(raises == 1)
  }
}

extension OracleSQLTests {
  /// `migplan sql --backwards` against `sqlmigrate --backwards`, taken just after `migrate`
  /// applied each migration (`sql/APP/X.back.sql`); where Django refuses (`X.back.error`: an
  /// irreversible operation), migplan must refuse too and write nothing.
  /// Where migplan's reverse SQL differs, and why: each must still differ (a fix removes it).
  static let backwardsKnownToDiffer = [
    // sqlmigrate reads the graph without squashes: the state before 0031 there has 0018's
    // unique_together, which the backwards adds again (the database never had the constraint:
    // the forward sqlmigrate of 0031 fails on it, see sql/cms/0031_remove_fields.error).
    // migplan replays that chain too, but the `template` field it has there has a default
    // only Python decides (a conditional on a setting), so migplan refuses the reverse
    // RemoveField rather than guess the column's default.
    "cms.0031_remove_fields"
  ]

  @Test func backwardsEqualsSqlmigrateBackwards() throws {
    try #require(!OracleProject.packageRoots().isEmpty, "run python3 Scripts/fetch-corpus.py")
    let project = OracleProject.load()
    let outputs = SQLGenerator(project: project).allBackwards()
    #expect(outputs.count == project.plan.count)
    var equal = 0
    var refused = 0
    var known = 0
    var report: [String] = []
    for o in outputs {
      let path = "sql/\(o.key.app)/\(o.key.name).back"
      let want = try #require(OracleProject.fixture(path + ".sql"))
      if let error = OracleProject.fixture(path + ".error") {
        if o.lines.isEmpty && !o.problems.isEmpty {
          refused += 1
        } else {
          report.append("\(o.key): Django refuses (\(error.prefix(120))), migplan writes SQL")
        }
      } else if want == o.text {
        equal += 1
        #expect(!Self.backwardsKnownToDiffer.contains("\(o.key)"), "\(o.key) is equal now")
      } else if Self.backwardsKnownToDiffer.contains("\(o.key)") {
        known += 1
      } else {
        report.append("\(o.key): \(Self.firstDifference(want, o.text))")
      }
    }
    print(
      "sql --backwards: \(equal) of \(outputs.count) migrations byte-identical to sqlmigrate "
        + "--backwards, \(refused) refused as Django refuses them, \(known) known to differ")
    for r in report.prefix(Int(PackageRoot.environment("MIGPLAN_SHOW_DIFFS") ?? "") ?? 15) {
      print(r)
    }
    #expect(known == Self.backwardsKnownToDiffer.count)
    #expect(equal + refused + known == outputs.count, "\(report.count) differ")
  }
}

extension OracleSQLTests {
  /// `AncestorStates` (each migration from its parent's cached state) against Django's
  /// definition (`Project.state(at:atEnd:)`, the ancestors replayed from scratch), compared by
  /// what `migplan debug state` shows of every model.
  @Test func cachedAncestorStatesEqualReplayingTheAncestors() throws {
    try #require(!OracleProject.packageRoots().isEmpty, "run python3 Scripts/fetch-corpus.py")
    let project = OracleProject.load()
    let states = AncestorStates(project)
    func text(_ s: ProjectState) -> [String] {
      s.models.sorted { $0.key < $1.key }.map { key, m in
        "\(key) "
          + m.fields.map { "\($0.name)=\($0.field.construct.value.python)" }.joined(separator: " ")
          + " \(m.options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.python)" })"
          + " \(m.uniqueTogether) \(m.indexTogether) \(m.indexes.map(\.name)) \(m.constraints.map(\.name))"
      }
    }
    var differ: [String] = []
    for key in project.plan {
      let want = text(project.state(at: key, atEnd: false).0)
      if text(states.before[key] ?? ProjectState()) != want { differ.append("\(key)") }
    }
    #expect(differ.isEmpty, "\(differ.prefix(10))")
    #expect(states.before.count == project.plan.count)
  }
}

extension OracleSQLTests {
  /// The statements the schema editor hands the lock judge already read (foreign keys, unique
  /// constraints, plain indexes) are what `DDL.parse` reads from their text, for every such
  /// statement of the oracle project and of the whole corpus.
  @Test func statementsKnownAsWrittenAreWhatTheirTextReads() throws {
    try #require(!OracleProject.packageRoots().isEmpty, "run python3 Scripts/fetch-corpus.py")
    for project in [OracleProject.load(), Loader.load(roots: OracleProject.packageRoots())] {
      let generator = SQLGenerator(project: project, mode: .migrate, comments: false)
      var known = 0
      var differ: [String] = []
      for output in generator.all() {
        for (i, statement) in output.read.sorted(by: { $0.key < $1.key }) {
          known += 1
          let text = output.lines[i]
          if String(reflecting: DDL.parse(text)) != String(reflecting: [statement]) {
            differ.append("\(output.key): \(text)\n    read:  \([statement])")
          }
        }
      }
      print("sql: \(known) statements known as written, \(differ.count) read otherwise")
      #expect(known > 500)
      #expect(differ.count == 0, "\(differ.prefix(5).joined(separator: "\n"))")
    }
  }
}

extension OracleSQLTests {
  /// A type the schema editor takes as read as written (`DDL.typeReadsAsWritten`) is what the
  /// reader's `type()` makes of it; the others are left to the reader.
  @Test(arguments: [
    ("bigint", true), ("varchar(100)", true), ("numeric(10, 2)", true),
    ("timestamp with time zone", true), ("double precision", true), ("interval", true),
    ("integer[]", false), ("varchar( 10)", false), ("Varchar(10)", false), ("bigint ", false),
    ("numeric(10,2)", false), ("numeric(10, 2) ", false), ("bit  varying", false),
    ("int unique", false), ("9int", false), ("", false), ("varchar(10", false),
  ])
  func typesReadAsWritten(_ type: String, _ asWritten: Bool) {
    #expect(DDL.typeReadsAsWritten(type) == asWritten)
    if asWritten {
      var parser = DDL.Parser(tokens: DDL.tokenize(type))
      #expect(parser.type() == type)
      #expect(parser.atEnd)
    }
  }
}
