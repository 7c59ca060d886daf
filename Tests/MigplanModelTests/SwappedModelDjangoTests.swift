import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// `ModelState.swapped` against Django's own `Options.swapped`, run on the same settings for
/// each (app, model, `swappable` option) case.
@Suite(.enabled(if: DjangoPython.enabled))
struct SwappedModelDjangoTests {
  static let settings = [
    "AUTH_USER_MODEL": "auth.User", "SELF": "shop.Member", "CASED_APP": "Shop.member",
    "CASED_MODEL": "shop.MEMBER", "THREE_PARTS": "a.b.C", "NO_DOT": "member", "EMPTY": "",
  ]

  @Test func swappedAsDjangoDecidesIt() throws {
    let cases: [(app: String, name: String, swappable: String?)] = [
      ("shop", "Member", "AUTH_USER_MODEL"), ("auth", "User", "AUTH_USER_MODEL"),
      ("auth", "user", "AUTH_USER_MODEL"), ("shop", "Member", "SELF"),
      ("shop", "Member", "CASED_APP"), ("shop", "Member", "CASED_MODEL"),
      ("shop", "Member", "THREE_PARTS"), ("shop", "Member", "NO_DOT"),
      ("shop", "Member", "EMPTY"), ("shop", "Member", "NOT_SET"), ("shop", "Member", nil),
    ]
    let script = """
      import json, sys
      from django.conf import settings
      settings.configure(**json.loads(sys.argv[1]))
      from django.db.models.options import Options
      class Meta: pass
      out = []
      for app, name, swappable in json.loads(sys.argv[2]):
          o = Meta()
          o.swappable, o.label_lower = swappable, f"{app}.{name.lower()}"
          out.append(Options.swapped.func(o) is not None)
      print(json.dumps(out))
      """
    func json(_ value: Any) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }
    let list = cases.map { [$0.app, $0.name, $0.swappable ?? NSNull()] as [Any] }
    let python = try runProcess(
      DjangoPython.path, ["-c", script, try json(Self.settings), try json(list)])
    try #require(python.status == 0, "\(python.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [Bool])
    try #require(want.count == cases.count)
    #expect(want.contains(true) && want.contains(false))
    for (i, c) in cases.enumerated() {
      var options: [String: Value] = [:]
      if let s = c.swappable { options["swappable"] = .string(s, TextRange(0, 0)) }
      let got = ModelState.swapped(options, app: c.app, name: c.name, Settings(Self.settings))
      #expect(got == want[i], "\(c)")
    }
  }
}
