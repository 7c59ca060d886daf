import Foundation
import MigplanModel
import MigplanTestSupport
import Testing

/// Dependencies that add a package settings module's list (django-helpdesk:
/// `[…] + helpdesk_settings.HELPDESK_TEAMS_MIGRATION_DEPENDENCIES`, a `getattr` default under an
/// `if` of another `getattr`), as Django's own import of the migration makes them.
@Suite(.enabled(if: DjangoPython.enabled))
struct ModuleConstantsDjangoTests {
  @Test func dependenciesFromAPackageSettingsModule() throws {
    let folder = try TemporaryFolder("migplan-module-constants")
    try folder.write("desk/__init__.py", "")
    try folder.write(
      "desk/settings.py",
      """
      from django.conf import settings

      TEAMS_MODE = getattr(settings, "DESK_TEAMS_MODE", True)
      if TEAMS_MODE:
          TEAMS_DEPENDENCIES = getattr(
              settings, "DESK_TEAMS_DEPENDENCIES", [("teams", "0004_auto"), ("auth", "0012_x")]
          )
      else:
          TEAMS_DEPENDENCIES = []
      PAIRS = (("teams", "0001_initial"),)
      LIMIT = 3

      """)
    try folder.write("desk/shortcuts.py", "from desk.settings import PAIRS as ALIASED\n")
    try folder.write("desk/migrations/__init__.py", "")
    let migration = { (dependencies: String) in
      """
      from django.db import migrations
      from desk import settings as desk_settings
      from desk.shortcuts import ALIASED

      class Migration(migrations.Migration):
          dependencies = \(dependencies)
          operations = []

      """
    }
    let dependencies = [
      "0001_initial": "[]",
      "0002_team": #"[("desk", "0001_initial")] + desk_settings.TEAMS_DEPENDENCIES"#,
      "0003_left": #"desk_settings.TEAMS_DEPENDENCIES + [("desk", "0002_team")]"#,
      "0004_tuple": #"(("desk", "0003_left"),) + ALIASED"#,
    ]
    for (name, d) in dependencies { try folder.write("desk/migrations/\(name).py", migration(d)) }

    let names = dependencies.keys.sorted()
    let script = """
      import importlib, json, sys
      from django.conf import settings
      settings.configure()
      sys.path.insert(0, sys.argv[1])
      out = {}
      for name in sys.argv[2:]:
          m = importlib.import_module("desk.migrations." + name).Migration
          out[name] = [list(d) for d in m.dependencies]
      print(json.dumps(out))
      """
    let python = try runProcess(DjangoPython.path, ["-c", script, folder.path] + names)
    try #require(python.status == 0, "\(python.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: [[String]]])

    let project = Loader.load(roots: [folder.path], sitePackages: [])
    for name in names {
      let m = try #require(project.migrations[MigrationKey("desk", name)])
      #expect(m.dependencies.map { [$0.key.app, $0.key.name] } == want[name], "\(name)")
    }
    // Only the unknown apps the list names are reported, nothing unevaluated.
    #expect(
      !project.diagnostics.contains { $0.message.contains("statically") }, "\(project.diagnostics)")
    // A scalar constant is no sequence to add, nor a tuple to a list (Python's TypeError).
    var settings = Settings()
    settings.fieldClasses = FieldClasses(roots: [folder.path], settings: Settings()) { [] }
    let (e, _) = EvaluatorTests.module(
      """
      import desk.settings
      X = [1] + desk.settings.LIMIT
      Y = [1] + desk.settings.PAIRS
      Z = [1] + desk.settings.TEAMS_DEPENDENCIES

      """, settings: settings)
    #expect(e.module["Z"]?.items?.count == 3)
    for name in ["X", "Y"] {
      guard case .unresolved = e.module[name] else {
        Issue.record("\(name): \(String(describing: e.module[name]))")
        continue
      }
    }
  }
}
