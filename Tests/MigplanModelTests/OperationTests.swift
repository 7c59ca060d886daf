import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// Typed operations against Django's own reading of the same files
/// (`Fixtures/oracle/operations.txt`, written by `Scripts/oracle/state.py` from Django's
/// `MigrationLoader`).
@Suite struct OperationTests {
  /// `app.migration<TAB>index<TAB>class path` lines of every operation, as migplan reads them.
  static func lines(_ project: Project) -> [String: String] {
    var out: [String: String] = [:]
    func walk(_ key: MigrationKey, _ prefix: String, _ ops: [Operation]) {
      for (i, op) in ops.enumerated() {
        let index = "\(prefix)\(i)"
        out["\(key)\t\(index)"] = op.isBuiltin ? "django:\(op.className)" : op.callee
        switch op.kind {
        case .separateDatabaseAndState(let db, let state):
          walk(key, "\(index).database.", db)
          walk(key, "\(index).state.", state)
        case .runSQL(_, _, let state, _):
          walk(key, "\(index).state_operations.", state)
        default: break
        }
      }
    }
    for (key, m) in project.migrations { walk(key, "", m.typedOperations) }
    return out
  }

  @Test func everyOperationIsTypedAsDjangoReadsIt() throws {
    let expected = try #require(OracleProject.fixture("operations.txt"))
    try #require(!OracleProject.packageRoots().isEmpty, "run python3 Scripts/fetch-corpus.py")
    let actual = Self.lines(OracleProject.load())
    var checked = 0
    var wrong: [String] = []
    for line in expected.split(separator: "\n") {
      let parts = line.split(separator: "\t").map(String.init)
      let where_ = parts[0] + "\t" + parts[1]
      let djangoClass = parts[2]
      let name = String(djangoClass.split(separator: ".").last!)
      // Django's own classes must be typed cases; any other class a named unknown whose path
      // ends in the same class name.
      let want = djangoClass.hasPrefix("django.") ? "django:\(name)" : name
      let got = actual[where_] ?? "<missing>"
      checked += 1
      if !(got == want || (!want.hasPrefix("django:") && got.hasSuffix("." + want))) {
        wrong.append("\(where_): django \(djangoClass), migplan \(got)")
      }
    }
    print("operations: \(checked - wrong.count) of \(checked) typed as Django reads them")
    #expect(checked > 1000)
    #expect(wrong.isEmpty, "\(wrong.prefix(10).joined(separator: "\n"))")
    #expect(actual.count == checked, "migplan reads \(actual.count) operations")
  }
}
