import Foundation
import MigplanModel
import MigplanRules
import MigplanTestSupport
import Testing

/// `AUTH_USER_MODEL` read from the settings module `manage.py` names, as Django's
/// `startproject` lays a project out, when the configuration does not set it.
@Suite struct SettingsModuleTests {
  /// A project in a temporary folder: `manage.py`, `mysite/settings/{base,dev}.py` (dev
  /// star-imports base, which sets the user model), an `accounts` app with the user model and
  /// a `shop` app whose migration depends on `settings.AUTH_USER_MODEL`.
  final class Project {
    let folder: TemporaryFolder
    var dir: String { folder.path }

    init(settings base: String) throws {
      folder = try TemporaryFolder("migplan-settings")
      try write(
        "manage.py",
        "import os\n\n\ndef main():\n"
          + "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n")
      try write("mysite/__init__.py", "")
      try write("mysite/settings/__init__.py", "")
      try write("mysite/settings/base.py", base)
      try write("mysite/settings/dev.py", "from .base import *  # noqa\n\nDEBUG = True\n")
      let migration = { (deps: String, ops: String) in
        "from django.conf import settings\nfrom django.db import migrations, models\n\n"
          + "class Migration(migrations.Migration):\n    dependencies = [\(deps)]\n"
          + "    operations = [\(ops)]\n"
      }
      for app in ["accounts", "shop"] {
        try write(app + "/__init__.py", "")
        try write(app + "/migrations/__init__.py", "")
      }
      try write(
        "accounts/migrations/0001_initial.py",
        migration(
          "",
          "migrations.CreateModel(name=\"User\", fields=[(\"id\", models.BigAutoField(primary_key=True))])"
        ))
      try write(
        "shop/migrations/0001_initial.py",
        migration(
          "migrations.swappable_dependency(settings.AUTH_USER_MODEL)",
          "migrations.CreateModel(name=\"Order\", fields=[(\"id\", models.BigAutoField(primary_key=True)), "
            + "(\"owner\", models.ForeignKey(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL))])"
        ))
    }

    func write(_ path: String, _ text: String) throws { try folder.write(path, text) }
  }

  @Test func theSettingsModuleNamesTheUserModel() throws {
    let p = try Project(settings: "AUTH_USER_MODEL = 'accounts.User'\n")
    #expect(SettingsModule.authUserModel(roots: [p.dir]) == "accounts.User")
    var config = LintConfig()
    config.sitePackages = []
    let project = Loader.load(roots: [p.dir], config: config)
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.plan.map(\.description) == ["accounts.0001_initial", "shop.0001_initial"])
    let order = project.state(at: MigrationKey("shop", "0001_initial"), atEnd: true).0
      .models[ModelKey("shop", "order")]
    #expect(order?.field("owner")?.relatedModel == "accounts.User")
  }

  @Test func theConfigurationComesFirst() throws {
    let p = try Project(settings: "AUTH_USER_MODEL = 'accounts.User'\n")
    var config = LintConfig()
    config.sitePackages = []
    config.settings["AUTH_USER_MODEL"] = "auth.User"
    let project = Loader.load(roots: [p.dir], config: config)
    #expect(
      project.diagnostics.map(\.message).contains {
        $0.hasPrefix("dependency on unknown app: auth")
      })
  }

  /// A value computed at run time is not taken: Django's default stays.
  @Test func aComputedValueIsNotTaken() throws {
    let p = try Project(
      settings: "import os\nAUTH_USER_MODEL = os.environ.get('USER_MODEL', 'accounts.User')\n")
    #expect(SettingsModule.authUserModel(roots: [p.dir]) == nil)
    let none = try Project(settings: "DEBUG = False\n")
    #expect(SettingsModule.authUserModel(roots: [none.dir]) == nil)
  }
}
