import Foundation
import MigplanModel
import MigplanTestSupport
import Testing

@testable import MigplanSQL

/// `GenericIPAddressField` defaults as Django prepares them (`get_prep_value`:
/// `clean_ipv6_address` for a value with a `:`, `adapt_ipaddressfield_value`: psycopg's `Inet`)
/// and its PostgreSQL schema editor quotes them, run by the Django in `.venv-test`: fixed
/// cases, then random IPv6 texts (zero runs, leading zeros, upper case, IPv4 tails).
@Suite(.enabled(if: DjangoPython.enabled))
struct IPAddressLiteralDjangoTests {
  static let fixed = [
    "0.0.0.0", "192.168.0.1", "::1", "::", "0:0:0:0:0:0:0:1", "2001:DB8::1",
    "2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8:0:0:1:0:0:1", "1:0:0:2:0:0:0:3",
    "::ffff:1.2.3.4", "::ffff:0102:0304", "::1.2.3.4", "64:ff9b::192.0.2.33",
    "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "fe80::1%eth0", "1::2::3", "12345::", "::ffff:1.2.3",
    "1.2.3.04", ":1:2:3:4:5:6:7", "",
  ]

  /// IPv6 texts from a fixed seed: eight groups with zero runs, some written with leading
  /// zeros or in upper case, some compressed, some with an IPv4 tail.
  static func random() -> [String] {
    var rng = SplitMix64(seed: 20_261_124)
    var out: [String] = []
    for _ in 0..<300 {
      var groups: [UInt16] = (0..<8).map { _ in rng.next() % 3 == 0 ? 0 : UInt16(rng.next() % 65536)
      }
      if rng.next() % 4 == 0 { groups[0..<5] = [0, 0, 0, 0, 0] }
      if rng.next() % 6 == 0 { groups[5] = 0xffff }
      var text = groups.map { g -> String in
        let h = String(g, radix: 16)
        let padded = rng.next() % 3 == 0 ? String(repeating: "0", count: 4 - h.count) + h : h
        return rng.next() % 4 == 0 ? padded.uppercased() : padded
      }.joined(separator: ":")
      if rng.next() % 3 == 0, let r = text.firstRange(of: ":0:0:") {
        text.replaceSubrange(r, with: "::")
        if text.firstRange(of: ":::") != nil { continue }
      }
      if rng.next() % 5 == 0 {
        let v4 = (0..<4).map { _ in String(rng.next() % 256) }.joined(separator: ".")
        text = groups[..<6].map { String($0, radix: 16) }.joined(separator: ":") + ":" + v4
      }
      out.append(text)
    }
    return out
  }

  @Test(arguments: [false, true])
  func ipAddressDefaultsArePreparedAsDjangoPreparesThem(unpack: Bool) throws {
    let values = Self.fixed + Self.random()
    let script = """
      import ipaddress, json, sys
      import django
      from django.conf import settings
      settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}})
      django.setup()
      from django.db import connection, models
      editor = connection.schema_editor()
      field = models.GenericIPAddressField(unpack_ipv4=sys.argv[2] == "1", null=True)
      out = []
      for v in json.loads(sys.argv[1]):
          try:
              prepared = field.get_db_prep_save(v, connection)
          except ValueError:
              out.append([None, "fails"])  # sqlmigrate fails
              continue
          quoted = None if prepared is None else editor.quote_value(prepared)
          mapped = getattr(prepared, "ipv4_mapped", None) is not None
          out.append([quoted, "mapped" if mapped else "written"])
      print(json.dumps(out))
      """
    let encoded = String(
      decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
    let run = try runProcess(
      DjangoPython.path, ["-W", "ignore", "-c", script, encoded, unpack ? "1" : "0"])
    try #require(run.status == 0, "python: \(run.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[Any]])
    try #require(want.count == values.count)
    var keywords = [Keyword(name: "null", value: .bool(true, .init(0, 0)))]
    if unpack { keywords.append(Keyword(name: "unpack_ipv4", value: .bool(true, .init(0, 0)))) }
    let field = Field(
      .call(
        callee: "django.db.models.GenericIPAddressField", args: [], keywords: keywords,
        range: .init(0, 0)))
    let sqlField = SQLField(
      name: "ip", field: field, column: "ip", internalType: "GenericIPAddressField",
      dbType: "inet", null: true, primaryKey: false, unique: false, dbIndex: false, check: nil,
      suffix: nil, collation: nil, target: nil, dbConstraint: true, through: nil,
      emptyStringsAllowed: false, blank: false, autoCreated: false)
    var written = 0
    for (v, row) in zip(values, want) {
      let django = row[0] as? String
      let ours = Literal.prepared(
        .string(v, .init(0, 0)), sqlField, LiteralSettings(useTZ: true, timeZone: "UTC"))
      if row[1] as? String == "written" {
        #expect(ours == django, "\(v)")
        if ours != nil { written += 1 }
      } else {
        // An address Python rejects (sqlmigrate fails), or an IPv4-mapped one, whose `str()`
        // depends on the Python version: the placeholder.
        #expect(ours?.hasPrefix("'<unknown default") == true, "\(v): \(ours ?? "nil")")
      }
    }
    #expect(written > 200, "\(written) written")
  }
}
