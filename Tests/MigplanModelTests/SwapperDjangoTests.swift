import Foundation
import MigplanModel
import MigplanTestSupport
import Testing

/// The `swapper` package's helpers as migplan evaluates them, against swapper itself (run by
/// the Python of `DjangoPython`, with the same settings): OpenWISP's migrations depend on
/// `swapper.dependency(*swapper.split(settings.AUTH_USER_MODEL), version="…")`.
@Suite(.enabled(if: DjangoPython.enabled))
struct SwapperDjangoTests {
  static let settings = [
    "AUTH_USER_MODEL": "openwisp_users.User", "PKI_CA_MODEL": "sample_pki.Ca",
  ]

  @Test func dependenciesAsSwapperMakesThem() throws {
    let calls = [
      #"swapper.dependency("config", "Device")"#,
      #"swapper.dependency("pki", "Ca")"#,
      #"swapper.dependency("pki", "Ca", version="0003_x")"#,
      #"swapper.dependency("pki", "Cert", "0002_y")"#,
      #"swapper.dependency(*swapper.split(settings.AUTH_USER_MODEL), version="0004_default_groups")"#,
      #"swapper.dependency("auth", "User", version=None)"#,
      #"swapper.dependency("auth", "Group", version="")"#,
    ]
    let script = """
      import json, sys
      from django.conf import settings
      settings.configure(**json.loads(sys.argv[1]))
      import swapper
      print(json.dumps([list(eval(c)) for c in sys.argv[2:]]))
      """
    let json = String(
      decoding: try JSONSerialization.data(withJSONObject: Self.settings), as: UTF8.self)
    let python = try runProcess(DjangoPython.path, ["-c", script, json] + calls)
    try #require(python.status == 0, "\(python.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [[String]])
    try #require(want.count == calls.count)
    var module = "import swapper\nfrom django.conf import settings\n"
    for (i, c) in calls.enumerated() { module += "X\(i) = \(c)\n" }
    let (e, _) = EvaluatorTests.module(module, settings: Settings(Self.settings))
    for (i, c) in calls.enumerated() {
      let got: [String]?
      switch e.module["X\(i)"] {
      case .swappableDependency(_, let app, _)?: got = [app, "__first__"]
      case .tuple(let xs, _)?: got = xs.compactMap(\.stringValue)
      default: got = nil
      }
      #expect(got == want[i], "\(c): \(String(describing: e.module["X\(i)"]))")
    }
  }
}
