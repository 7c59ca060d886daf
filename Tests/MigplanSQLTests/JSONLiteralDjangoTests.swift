import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

@testable import MigplanSQL

/// `JSONField` defaults as Django prepares them (`get_db_prep_save`: psycopg's `Jsonb` of
/// `json.dumps(value)`) and its PostgreSQL schema editor quotes them (`quote_value`), run by the
/// Django in `.venv-test`. Where Django raises (`json.dumps` of a `Decimal`, a set, bytes),
/// migplan must not write a literal.
@Suite(.enabled(if: DjangoPython.enabled))
struct JSONLiteralDjangoTests {
  static let expressions = [
    "None", "True", "0", "-12", "2.5", "1e16", "-0.0", "'x'", "'é \"q\" it''s'", "[]", "()",
    "{}", "(1, 'a', None)", "[[1.0], {'k': False}]", "{'a': 1, 'b': [2, 3]}",
    // Keys json.dumps converts; `1` and `True` (and `1.0`) are one key of the dict display.
    "{1: 'a', True: 'b', None: 'c', 2.5: 'd', False: 'e', 0: 'f'}", "{1.0: 'x', 1: 'y'}",
    "{'1': 'str', 1: 'int'}", "{-3: [None]}",
    // Values json.dumps refuses.
    "{'d': Decimal('1.5')}", "[Decimal(2)]", "{1, 2}", "[b'x']", "{(1, 2): 'tuple key'}",
  ]

  @Test func jsonDefaultsArePreparedAsDjangoPreparesThem() throws {
    let script = """
      import json, sys
      from decimal import Decimal
      import django
      from django.conf import settings
      settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}})
      django.setup()
      from django.db import connection, models
      editor = connection.schema_editor()
      field = models.JSONField()
      out = []
      for e in json.loads(sys.argv[1]):
          try:
              out.append(editor.quote_value(field.get_db_prep_save(eval(e), connection)))
          except Exception:
              out.append(None)
      print(json.dumps(out))
      """
    func json(_ x: Any) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: x), as: UTF8.self)
    }
    let run = try runProcess(
      DjangoPython.path, ["-W", "ignore", "-c", script, try json(Self.expressions)])
    try #require(run.status == 0, "python: \(run.stderr)")
    let want = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any])
    try #require(want.count == Self.expressions.count)
    // The cases cover both what Django writes and what it refuses.
    #expect(want.contains { $0 is String } && want.contains { $0 is NSNull })
    let field = Field(
      .call(callee: "django.db.models.JSONField", args: [], keywords: [], range: .init(0, 0)))
    let sqlField = SQLField(
      name: "j", field: field, column: "j", internalType: "JSONField", dbType: "jsonb",
      null: false, primaryKey: false, unique: false, dbIndex: false, check: nil, suffix: nil,
      collation: nil, target: nil, dbConstraint: true, through: nil,
      emptyStringsAllowed: false, blank: false, autoCreated: false)
    for (e, django) in zip(Self.expressions, want) {
      let parsed = Parser.parse(Array("from decimal import Decimal\nX = \(e)\n".utf8))
      var evaluator = Evaluator(
        module: parsed, settings: Settings(), modulePath: "app.migrations.0001_initial",
        packagePath: "app.migrations")
      evaluator.runModule()
      let value = try #require(evaluator.module["X"], "\(e)")
      let ours = Literal.prepared(value, sqlField, LiteralSettings(useTZ: true, timeZone: "UTC"))
      if django as? String == "NULL" {
        // `None` is SQL NULL: no DEFAULT at all.
        #expect(ours == nil, "\(e)")
      } else if let django = django as? String {
        #expect(ours == django, "\(e)")
      } else {
        // Django's placeholder where it refuses the value: never a literal.
        #expect(ours?.hasPrefix("'<unknown default") == true, "\(e): \(ours ?? "nil")")
      }
    }
  }
}
