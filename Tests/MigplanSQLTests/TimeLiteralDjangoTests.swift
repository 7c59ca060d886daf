import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

@testable import MigplanSQL

/// Defaults that are points in time or durations (`datetime.datetime(…)`, `date`, `time`,
/// `timedelta`) as Django prepares them for a field (`get_db_prep_save`) and its PostgreSQL
/// schema editor quotes them (`quote_value`), run by the Django in `.venv-test` under several
/// `USE_TZ`/`TIME_ZONE` settings. migplan must write Django's literal, or none (an unknown
/// default) where the result depends on a time zone it has no offsets for or Django does not
/// take the value; for natural pairs in a UTC project it must write Django's.
@Suite(.enabled(if: DjangoPython.enabled))
struct TimeLiteralDjangoTests {
  static let expressions = [
    "datetime.datetime(2016, 1, 11, 23, 44, 32, 192477, tzinfo=datetime.timezone.utc)",
    "datetime.datetime(2016, 1, 11, 2, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))",
    "datetime.datetime(2016, 12, 31, 22, 0, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=-3)))",
    "datetime.datetime(9999, 12, 31, 23, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-2)))",
    "datetime.datetime(2016, 2, 29, 0, 0, 0, 5)",
    "datetime.datetime(year=1, month=1, day=1)",
    "datetime.date(2000, 2, 29)",
    "datetime.time(9, 5, 7, 120)",
    "datetime.time()",
    "datetime.timedelta(weeks=1, days=-9, hours=25, minutes=-1, seconds=3, milliseconds=1500, microseconds=-7)",
    "datetime.timedelta(0)",
    "datetime.timedelta(-1)",
    "datetime.timedelta(days=-3, seconds=86399)",
    "datetime.timedelta(days=1, seconds=1)",
  ]
  static let fields = ["DateTimeField", "DateField", "TimeField", "DurationField"]
  /// (`USE_TZ`, `TIME_ZONE`).
  static let settings: [(Bool, String)] = [(true, "UTC"), (false, "UTC"), (true, "Europe/Paris")]

  /// Whether a UTC project must get Django's literal for this value and field.
  static func natural(_ expression: String, _ field: String) -> Bool {
    switch field {
    case "DateTimeField", "DateField":
      return expression.hasPrefix("datetime.datetime(") || expression.hasPrefix("datetime.date(")
    case "TimeField": return expression.hasPrefix("datetime.time(")
    default: return expression.hasPrefix("datetime.timedelta(")
    }
  }

  @Test func pointsInTimeArePreparedAsDjangoPreparesThem() throws {
    let script = """
      import datetime, json, sys
      import django
      from django.conf import settings
      settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}})
      django.setup()
      from django.db import connection, models
      from django.test.utils import override_settings
      editor = connection.schema_editor()
      out = []
      for use_tz, zone in json.loads(sys.argv[1]):
          with override_settings(USE_TZ=use_tz, TIME_ZONE=zone):
              for e in json.loads(sys.argv[2]):
                  for f in json.loads(sys.argv[3]):
                      try:
                          field = getattr(models, f)()
                          out.append(editor.quote_value(field.get_db_prep_save(eval(e), connection)))
                      except Exception as x:
                          out.append(None)
      print(json.dumps(out))
      """
    func json(_ x: Any) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: x), as: UTF8.self)
    }
    let run = try runProcess(
      DjangoPython.path,
      [
        "-W", "ignore", "-c", script, try json(Self.settings.map { [$0.0, $0.1] }),
        try json(Self.expressions), try json(Self.fields),
      ])
    try #require(run.status == 0, "python: \(run.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any])
    try #require(want.count == Self.settings.count * Self.expressions.count * Self.fields.count)
    var i = 0
    var same = 0
    for (useTZ, zone) in Self.settings {
      let time = LiteralSettings(useTZ: useTZ, timeZone: zone)
      for e in Self.expressions {
        let parsed = Parser.parse(Array("import datetime\nX = \(e)\n".utf8))
        var evaluator = Evaluator(
          module: parsed, settings: Settings(), modulePath: "app.migrations.0001_initial",
          packagePath: "app.migrations")
        evaluator.runModule()
        let moment = try #require(evaluator.module["X"].flatMap(Literal.Moment.init), "\(e)")
        for f in Self.fields {
          let django = want[i] as? String
          i += 1
          let ours = moment.prepared(for: f, time)
          let context = "\(e) as \(f), USE_TZ=\(useTZ) TIME_ZONE=\(zone)"
          if ours != nil || (Self.natural(e, f) && zone == "UTC" && django != nil) {
            #expect(ours == django, "\(context)")
            if ours == django { same += 1 }
          }
        }
      }
    }
    // What migplan writes equal to Django's, counted when this test was written: the natural
    // pairs, the pairs Django prepares the same way (a datetime for a TimeField), and the
    // Paris setting's that need no conversion.
    #expect(same >= 73, "\(same) literals written")
  }

  /// `pytz.utc.localize(naive)` (Django 1.x makemigrations' one-off default, in
  /// openedx-completion-aggregator 0002) is `naive.replace(tzinfo=utc)`, as pytz documents for
  /// UTC: its literal is the one Django writes for that aware datetime (pytz is not installed
  /// here, so Django prepares the equivalent). A `localize` of another zone is not read.
  @Test func aMomentLocalizedAtUTC() throws {
    let naive = "datetime.datetime(2018, 2, 14, 10, 54, 48, 964281)"
    let script = """
      import datetime, sys
      import django
      from django.conf import settings
      settings.configure(USE_TZ=True, TIME_ZONE="UTC", DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}})
      django.setup()
      from django.db import connection, models
      value = eval(sys.argv[1]).replace(tzinfo=datetime.timezone.utc)
      print(connection.schema_editor().quote_value(models.DateTimeField().get_db_prep_save(value, connection)))
      """
    let run = try runProcess(DjangoPython.path, ["-W", "ignore", "-c", script, naive])
    try #require(run.status == 0, "python: \(run.stderr)")
    let django = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(django == "'2018-02-14 10:54:48.964281+00:00'::timestamptz")
    func moment(_ e: String) -> Literal.Moment? {
      let parsed = Parser.parse(Array("import datetime\nimport pytz\nX = \(e)\n".utf8))
      var evaluator = Evaluator(
        module: parsed, settings: Settings(), modulePath: "app.migrations.0001_initial",
        packagePath: "app.migrations")
      evaluator.runModule()
      return evaluator.module["X"].flatMap(Literal.Moment.init)
    }
    let time = LiteralSettings(useTZ: true, timeZone: "UTC")
    for tz in ["pytz.utc", "pytz.UTC"] {
      let ours = moment("\(tz).localize(\(naive))")?.prepared(for: "DateTimeField", time)
      #expect(ours == django, "\(tz)")
    }
    #expect(moment("pytz.timezone('Europe/Paris').localize(\(naive))") == nil)
  }
}
