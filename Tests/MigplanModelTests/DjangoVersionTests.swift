import Foundation
import MigplanModel
import MigplanTestSupport
import Testing

/// `django.VERSION` in a migration (django-newsletter's `if django.VERSION >= (1,8):
/// operations += […]`) is the tuple of the Django in site-packages, as Django's own import of
/// the migration sees it.
@Suite(.enabled(if: DjangoPython.enabled))
struct DjangoVersionTests {
  @Test func aBranchOnDjangoVersionIsDecidedByTheInstalledDjango() throws {
    let folder = try TemporaryFolder("migplan-django-version")
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      import django
      import django.db.models.manager
      from django.db import migrations, models

      class Migration(migrations.Migration):
          operations = [
              migrations.CreateModel("Order", [("id", models.AutoField(primary_key=True))]),
          ]
          if django.VERSION >= (1, 8):
              operations += [migrations.AlterModelManagers("order", [])]
          if django.VERSION[0] < 3:
              operations.append(migrations.DeleteModel("Order"))
          if django.VERSION[:2] >= (4, 2) and django.VERSION > (4,):
              operations += [migrations.AlterModelOptions("order", {"ordering": ["id"]})]

      """)
    let script = """
      import importlib, json, os, sys
      import django
      from django.conf import settings
      settings.configure()
      sys.path.insert(0, sys.argv[1])
      m = importlib.import_module("shop.migrations.0001_initial").Migration
      print(json.dumps({
          "site": os.path.dirname(os.path.dirname(django.__file__)),
          "operations": [type(o).__name__ for o in m.operations],
      }))
      """
    let python = try runProcess(DjangoPython.path, ["-c", script, folder.path])
    try #require(python.status == 0, "\(python.stderr)")
    let want = try #require(
      try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: Any])
    let site = try #require(want["site"] as? String)
    let operations = try #require(want["operations"] as? [String])

    let project = Loader.load(roots: [folder.path], sitePackages: [site])
    let m = try #require(project.migrations[MigrationKey("shop", "0001_initial")])
    #expect(
      m.typedOperations.map { $0.callee.split(separator: ".").last.map(String.init) } == operations)
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")

    // Without Django's source the branch stays undecided, and says so.
    let alone = Loader.load(roots: [folder.path], sitePackages: [])
    let undecided = try #require(alone.migrations[MigrationKey("shop", "0001_initial")])
    #expect(
      undecided.operations.contains {
        if case .unresolved(_, let why) = $0 { return why.contains("django.VERSION") }
        return false
      }, "\(undecided.operations)")
  }
}
