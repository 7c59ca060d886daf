import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

@testable import MigplanSQL

/// `DecimalField` defaults as Django prepares them (`get_db_prep_save`: `Decimal(value)`, a
/// float rounded to `max_digits` significant digits) and its PostgreSQL schema editor quotes
/// them (`quote_value`: psycopg's `str()` of the Decimal, a space before a minus), run by the
/// Django in `.venv-test`: fixed cases, then random decimal texts and floats.
@Suite(.enabled(if: DjangoPython.enabled))
struct DecimalLiteralDjangoTests {
  static let fixed = [
    "Decimal('0.00')", "Decimal('-1.50')", "Decimal('1e3')", "Decimal(' +0.0000001 ')",
    "Decimal('1_000.000_1')", "Decimal('-0')", "Decimal('.5')", "Decimal('5.')",
    "Decimal('100e-2')", "Decimal('1E-7')", "Decimal('0.000001')",
    "Decimal('12345678901234567890.5')",
    "Decimal(3)", "Decimal(-7)", "Decimal(0.1)", "Decimal(-2.5)", "Decimal(1e300)",
    "Decimal(5e-324)", "Decimal(True)", "'2_5.50'", "'-0.5'", "'1e2'", "7", "-3", "0", "0.1",
    "2.0", "123.456", "-0.0", "1e20", "1e-7", "99999.5", "0.000015", "True",
  ]

  /// Decimal texts and floats of every magnitude, from a fixed seed.
  static func random() -> [String] {
    var rng = SplitMix64(seed: 20_261_123)
    var out: [String] = []
    for _ in 0..<150 {
      let count = 1 + Int(rng.next() % 25)
      let digits = String((0..<count).map { _ in Character(String(rng.next() % 10)) })
      let point = Int(rng.next() % UInt64(digits.count + 1))
      var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
      if rng.next() % 3 == 0 { text += "e" + String(Int(rng.next() % 41) - 20) }
      if rng.next() % 2 == 0 { text = "-" + text }
      out.append("Decimal('\(text)')")
      let bits = rng.next()
      let x = Double(bitPattern: bits)
      if x.isFinite { out.append(x.description) }  // Swift writes the shortest round trip, as repr does
      out.append(String(Double(Int64(bitPattern: rng.next()) % 1_000_000) / 1000))
    }
    return out
  }

  @Test func decimalDefaultsArePreparedAsDjangoPreparesThem() throws {
    let expressions = Self.fixed + Self.random()
    let precisions = [5, 10, 30]
    let script = """
      import json, sys
      from decimal import Decimal
      import django
      from django.conf import settings
      settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}})
      django.setup()
      from django.db import connection, models
      editor = connection.schema_editor()
      out = []
      for e in json.loads(sys.argv[1]):
          for p in json.loads(sys.argv[2]):
              try:
                  field = models.DecimalField(max_digits=p, decimal_places=2)
                  out.append(editor.quote_value(field.get_db_prep_save(eval(e), connection)))
              except Exception:
                  out.append(None)
      print(json.dumps(out))
      """
    func json(_ x: Any) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: x), as: UTF8.self)
    }
    let run = try runProcess(
      DjangoPython.path,
      ["-W", "ignore", "-c", script, try json(expressions), try json(precisions)])
    try #require(run.status == 0, "python: \(run.stderr)")
    let want = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any])
    try #require(want.count == expressions.count * precisions.count)
    var i = 0
    var written = 0
    for e in expressions {
      let parsed = Parser.parse(Array("from decimal import Decimal\nX = \(e)\n".utf8))
      var evaluator = Evaluator(
        module: parsed, settings: Settings(), modulePath: "app.migrations.0001_initial",
        packagePath: "app.migrations")
      evaluator.runModule()
      let value = try #require(evaluator.module["X"], "\(e)")
      for p in precisions {
        let django = want[i] as? String
        i += 1
        let field = Field(
          .call(
            callee: "django.db.models.DecimalField", args: [],
            keywords: [
              Keyword(name: "max_digits", value: .int(String(p), .init(0, 0))),
              Keyword(name: "decimal_places", value: .int("2", .init(0, 0))),
            ], range: .init(0, 0)))
        let sqlField = SQLField(
          name: "d", field: field, column: "d", internalType: "DecimalField",
          dbType: "numeric(\(p), 2)", null: false, primaryKey: false, unique: false,
          dbIndex: false, check: nil, suffix: nil, collation: nil, target: nil,
          dbConstraint: true, through: nil, emptyStringsAllowed: false, blank: false,
          autoCreated: false)
        let ours = Literal.prepared(value, sqlField, LiteralSettings(useTZ: true, timeZone: "UTC"))
        // Django's literal, or the placeholder where Django refuses the value.
        if let django {
          #expect(ours == django, "\(e), max_digits=\(p)")
        } else {
          #expect(ours?.hasPrefix("'<unknown default") == true, "\(e), max_digits=\(p)")
        }
        if ours == django { written += 1 }
      }
    }
    // Every value Django takes, each a literal migplan writes.
    #expect(written == want.compactMap { $0 as? String }.count, "\(written) written")
  }
}
