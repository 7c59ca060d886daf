import Foundation
import MigplanSQL
import MigplanTestSupport
import Testing

/// The names migplan generates against Django's own functions (`truncate_name` and the
/// PostgreSQL schema editor's `_create_index_name`, run by the Django in `.venv-test` that
/// Scripts/test.sh makes, or `MIGPLAN_TEST_PYTHON`): ASCII and multibyte names, combining
/// marks (one character, two code points), digits of other scripts, around the 63 limit.
/// Without that Python the suite is skipped, except with `CI=true`, where it fails.
@Suite(.enabled(if: DjangoPython.enabled))
struct NamesDjangoTests {
  /// Names of every kind and length, made from a fixed seed; ASCII only (the byte-wise path
  /// of `Names.index`, which long mixed names seldom reach) when `ascii`.
  static func names(_ count: Int, ascii: Bool = false) -> [String] {
    let pieces = [
      "a", "Z", "_", "7", "page", "é", "e\u{301}", "ü", "日本", "٣", "Ⅻ", "½", "😀", "ß", "x",
    ].filter { !ascii || $0.utf8.allSatisfy { $0 < 0x80 } }
    var seed: UInt64 = 42
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33) % n
    }
    return (0..<count).map { _ in
      let length = [1, 5, 20, 30, 40, 59, 60, 61, 62, 63, 64, 70, 90][next(13)]
      var s = ""
      while s.unicodeScalars.count < length { s += pieces[next(pieces.count)] }
      return s
    }
  }

  @Test func generatedNamesMatchDjango() throws {
    let tables = Self.names(300) + Self.names(300, ascii: true)
    let columns = Self.names(300) + Self.names(300, ascii: true).reversed()
    let suffixes = ["", "_like", "_uniq", "_fk_auth_user_id", "_check", "_pk"]
    var cases: [[String: Any]] = []
    for (i, table) in tables.enumerated() {
      let cols = i % 3 == 0 ? [columns[i], columns[(i + 7) % columns.count]] : [columns[i]]
      cases.append(["table": table, "columns": cols, "suffix": suffixes[i % suffixes.count]])
    }
    let input = String(decoding: try JSONSerialization.data(withJSONObject: cases), as: UTF8.self)
    let script = """
      import json, sys
      import django
      from django.conf import settings
      settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}})
      django.setup()
      from django.db import connection
      from django.db.backends.utils import truncate_name
      editor = connection.schema_editor()
      out = []
      for c in json.loads(sys.argv[1]):
          out.append([truncate_name(c["table"], 63),
                      editor._create_index_name(c["table"], c["columns"], suffix=c["suffix"])])
      print(json.dumps(out))
      """
    let run = try runProcess(DjangoPython.path, ["-c", script, input])
    try #require(run.status == 0, "python: \(run.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String]])
    try #require(want.count == cases.count)
    var failures = 0
    for (i, c) in cases.enumerated() {
      let table = c["table"] as! String
      let cols = c["columns"] as! [String]
      let suffix = c["suffix"] as! String
      let truncated = Names.truncate(table)
      let index = Names.index(table: table, columns: cols, suffix: suffix)
      if truncated != want[i][0] || index != want[i][1] {
        failures += 1
        if failures <= 5 {
          Issue.record(
            "\(table) \(cols) \(suffix): truncate \(truncated) vs \(want[i][0]); index \(index) vs \(want[i][1])"
          )
        }
      }
    }
    #expect(failures == 0, "\(failures) of \(cases.count) names differ from Django's")
  }
}
