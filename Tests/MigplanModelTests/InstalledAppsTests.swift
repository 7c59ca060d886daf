import Foundation
import MigplanTestSupport
import Testing

@testable import MigplanModel

/// Apps a project's migrations depend on that its roots do not hold, found installed in a
/// Python environment beside it: a project in a temporary folder with a virtual environment
/// (`.venv/pyvenv.cfg`, `.venv/lib/python3.11/site-packages`) whose packages hold apps written
/// here. Django's own `auth` and `contenttypes`, found in a real environment, are
/// `InstalledDjangoOracleTests`' (MigplanPlannerTests), against Django's `sqlmigrate`.
@Suite struct InstalledAppsTests {
  /// The project: `shop` under `src/` depends on the installed `base` (whose app folder name
  /// is not its label) and `extra`, which depends on `base` in turn; `unused` is installed too,
  /// and `loose` lies in a folder that is no Python package.
  final class Layout {
    let folder: TemporaryFolder
    var dir: String { folder.path }
    var root: String { dir + "/src" }
    var sitePackages: String { dir + "/.venv/lib/python3.11/site-packages" }

    init() throws {
      folder = try TemporaryFolder("migplan-installed")
      let migration = { (deps: String, ops: String) in
        "from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n"
          + "    dependencies = [\(deps)]\n    operations = [\(ops)]\n"
      }
      let create = { (name: String) in
        "migrations.CreateModel(name=\"\(name)\", fields=[(\"id\", models.AutoField(primary_key=True))])"
      }
      try write("src/shop/__init__.py", "")
      try write("src/shop/migrations/__init__.py", "")
      try write(
        "src/shop/migrations/0001_initial.py",
        migration(
          "(\"base\", \"0001_initial\"), (\"extra\", \"__first__\")",
          "migrations.CreateModel(name=\"Order\", fields=[(\"id\", models.AutoField(primary_key=True)), "
            + "(\"item\", models.ForeignKey(\"base.Item\", on_delete=models.CASCADE))])"))
      try write(".venv/pyvenv.cfg", "home = /usr/bin\n")
      let pkg = ".venv/lib/python3.11/site-packages/"
      try write(pkg + "vendor/__init__.py", "")
      try write(pkg + "vendor/core/__init__.py", "")
      try write(
        pkg + "vendor/core/apps.py",
        "from django.apps import AppConfig\n\nclass CoreConfig(AppConfig):\n"
          + "    name = \"vendor.core\"\n    label = \"base\"\n")
      try write(pkg + "vendor/core/migrations/__init__.py", "")
      try write(pkg + "vendor/core/migrations/0001_initial.py", migration("", create("Item")))
      // Risky, but not the project's to lint.
      try write(
        pkg + "vendor/core/migrations/0002_drop.py",
        migration(
          "(\"base\", \"0001_initial\")",
          "migrations.AddIndex(\"item\", models.Index(fields=[\"id\"], name=\"base_item_id_idx\"))")
      )
      try write(pkg + "extra/__init__.py", "")
      try write(pkg + "extra/migrations/__init__.py", "")
      try write(
        pkg + "extra/migrations/0001_initial.py",
        migration("(\"base\", \"0002_drop\")", create("Note")))
      try write(pkg + "unused/__init__.py", "")
      try write(pkg + "unused/migrations/__init__.py", "")
      try write(pkg + "unused/migrations/0001_initial.py", migration("", create("Thing")))
      try write(pkg + "notapackage/loose/__init__.py", "")
      try write(pkg + "notapackage/loose/migrations/__init__.py", "")
      try write(pkg + "notapackage/loose/migrations/0001_initial.py", migration("", create("L")))
    }

    func write(_ path: String, _ text: String) throws { try folder.write(path, text) }
  }

  @Test func aVirtualEnvironmentAboveTheRootIsFound() throws {
    let layout = try Layout()
    #expect(PythonEnvironment.sitePackages(near: [layout.root]).first == layout.sitePackages)
  }

  @Test func installedAppsTheProjectNeedsAreLoadedAndNoOthers() throws {
    let layout = try Layout()
    let project = Loader.load(roots: [layout.root])
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    let installed = project.apps.filter(\.installed)
    #expect(installed.map(\.label).sorted() == ["base", "extra"])
    #expect(installed.map(\.modulePath).sorted() == ["extra", "vendor.core"])
    #expect(project.apps.filter { !$0.installed }.map(\.label) == ["shop"])
    #expect(
      project.plan.map(\.description) == [
        "base.0001_initial", "base.0002_drop", "extra.0001_initial", "shop.0001_initial",
      ])
    // The installed model is in the state the project's migration builds on.
    let state = project.state(at: MigrationKey("shop", "0001_initial"), atEnd: true).0
    #expect(state.models[ModelKey("base", "item")] != nil)
    #expect(state.models[ModelKey("shop", "order")] != nil)
  }

  /// An installed app only another installed app depends on is found in a second round.
  @Test func theDependenciesOfInstalledAppsAreFoundToo() throws {
    let layout = try Layout()
    let blog = try TemporaryFolder("migplan-installed-blog")
    try blog.write("blog/migrations/__init__.py", "")
    try blog.write(
      "blog/migrations/0001_initial.py",
      "from django.db import migrations\n\nclass Migration(migrations.Migration):\n"
        + "    dependencies = [(\"extra\", \"0001_initial\")]\n    operations = []\n")
    let project = Loader.load(roots: [blog.path], sitePackages: [layout.sitePackages])
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.apps.filter(\.installed).map(\.label).sorted() == ["base", "extra"])
    #expect(project.plan.last?.description == "blog.0001_initial")
  }

  /// Where an app usually lies is looked at before a whole environment is walked: a package
  /// named as the label, Django's `contrib`, a subpackage of a package whose name starts the
  /// label. What lies there counts only as an importable app with that label.
  @Test func anAppIsLookedForWhereItsLabelSaysFirst() throws {
    let sp = try TemporaryFolder("migplan-likely")
    for pkg in [
      "django", "django/contrib", "django/contrib/auth", "taggit", "wagtail", "wagtail/images",
      "allauth", "allauth/account",
    ] {
      try sp.write(pkg + "/__init__.py", "")
    }
    for app in [
      "django/contrib/auth", "taggit", "wagtail", "wagtail/images", "allauth/account", "notes",
      "loose",
    ] {
      try sp.write(app + "/migrations/__init__.py", "")
    }
    let config = { (label: String) in
      "from django.apps import AppConfig\n\nclass C(AppConfig):\n    label = \"\(label)\"\n"
    }
    try sp.write("wagtail/apps.py", config("wagtailcore"))
    try sp.write("wagtail/images/apps.py", config("wagtailimages"))
    try sp.write("notes/__init__.py", "")
    try sp.write("notes/apps.py", config("blognotes"))
    #expect(Loader.likelyApp("auth", in: sp.path)?.modulePath == "django.contrib.auth")
    #expect(Loader.likelyApp("taggit", in: sp.path)?.directory == sp.path + "/taggit")
    #expect(Loader.likelyApp("wagtailimages", in: sp.path)?.modulePath == "wagtail.images")
    #expect(Loader.likelyApp("wagtailcore", in: sp.path)?.modulePath == "wagtail")
    #expect(Loader.likelyApp("account", in: sp.path)?.modulePath == "allauth.account")
    #expect(Loader.likelyApp("blognotes", in: sp.path) == nil)  // not where the label says
    #expect(Loader.likelyApp("notes", in: sp.path) == nil)  // its label is another
    #expect(Loader.likelyApp("loose", in: sp.path) == nil)  // no package: not importable
    #expect(Loader.likelyApp("images", in: sp.path) == nil)
  }

  /// A label found nowhere it usually lies is found by the walk, even where a folder of that
  /// name holds an app with another label.
  @Test func aLabelNotWhereItUsuallyLiesIsFoundByTheWalk() throws {
    let sp = try TemporaryFolder("migplan-walked")
    try sp.write("notes/__init__.py", "")
    try sp.write(
      "notes/apps.py",
      "from django.apps import AppConfig\n\nclass C(AppConfig):\n    label = \"blognotes\"\n")
    try sp.write("notes/migrations/__init__.py", "")
    for pkg in ["vendor", "vendor/plugins", "vendor/plugins/notes"] {
      try sp.write(pkg + "/__init__.py", "")
    }
    try sp.write("vendor/plugins/notes/migrations/__init__.py", "")
    try sp.write(
      "vendor/plugins/notes/migrations/0001_initial.py",
      "from django.db import migrations\n\nclass Migration(migrations.Migration):\n"
        + "    operations = []\n")
    let root = try TemporaryFolder("migplan-walked-root")
    try root.write("shop/migrations/__init__.py", "")
    try root.write(
      "shop/migrations/0001_initial.py",
      "from django.db import migrations\n\nclass Migration(migrations.Migration):\n"
        + "    dependencies = [(\"notes\", \"0001_initial\")]\n    operations = []\n")
    let project = Loader.load(roots: [root.path], sitePackages: [sp.path])
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.apps.filter(\.installed).map(\.modulePath) == ["vendor.plugins.notes"])
  }

  @Test func withoutSitePackagesTheAppsAreUnknown() throws {
    let layout = try Layout()
    let project = Loader.load(roots: [layout.root], sitePackages: [])
    #expect(project.apps.map(\.label) == ["shop"])
    #expect(
      project.diagnostics.map(\.message).sorted()
        == [
          "migration shop.0001_initial depends on nonexistent migration base.0001_initial (no root holds it and no Python environment was found; name the folder Django and the project's packages are installed in with `site-packages` in the config (`.migplan.toml`, or `[tool.migplan]` in pyproject.toml))",
          "dependency on unknown app: extra (no root holds it and no Python environment was found; name the folder Django and the project's packages are installed in with `site-packages` in the config (`.migplan.toml`, or `[tool.migplan]` in pyproject.toml))",
        ].sorted(), "\(project.diagnostics)")
  }

  @Test func sitePackagesNamedExplicitlyAreTheOnlyOnesSearched() throws {
    let layout = try Layout()
    let named = Loader.load(roots: [layout.root], sitePackages: [layout.sitePackages])
    #expect(named.diagnostics.isEmpty, "\(named.diagnostics)")
    let elsewhere = Loader.load(roots: [layout.root], sitePackages: [layout.dir + "/src"])
    #expect(elsewhere.apps.filter(\.installed).isEmpty)
    #expect(elsewhere.diagnostics.count == 2)
    #expect(
      elsewhere.diagnostics.allSatisfy {
        $0.message.hasSuffix(
          "nor \(layout.dir)/src; install the app there, or give the setting that decides this dependency in the config's `settings`)"
        )
      }, "\(elsewhere.diagnostics)")
  }

  /// Where the environment points, in order: a venv beside the project, `$VIRTUAL_ENV`, the
  /// `python3` on `$PATH` (a venv's own, or the version a pyenv shim picks), `~/.local`.
  @Test func theEnvironmentVariablesArePlacesToLook() throws {
    let layout = try Layout()
    let d = layout.dir
    let fm = FileManager.default
    for folder in [
      "active/lib/python3.12/site-packages", "onpath/lib/python3.10/site-packages",
      "pyenv/versions/3.12.1/lib/python3.12/site-packages",
      "home/.local/lib/python3.9/site-packages",
      "home/.local/lib/python3.12/site-packages",
    ] {
      try fm.createDirectory(atPath: d + "/" + folder, withIntermediateDirectories: true)
    }
    try layout.write("onpath/pyvenv.cfg", "")
    try layout.write("onpath/bin/python3", "")
    try layout.write("pyenv/shims/python3", "")
    for exe in ["onpath/bin/python3", "pyenv/shims/python3"] {
      try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: d + "/" + exe)
    }
    func look(_ env: [String: String]) -> [String] {
      PythonEnvironment.sitePackages(near: [layout.root], variable: { env[$0] })
        .filter { $0.hasPrefix(d) }
    }
    #expect(
      look([
        "VIRTUAL_ENV": d + "/active", "PATH": "/nonexistent:" + d + "/onpath/bin",
        "HOME": d + "/home",
      ]) == [
        layout.sitePackages, d + "/active/lib/python3.12/site-packages",
        d + "/onpath/lib/python3.10/site-packages",
        d + "/home/.local/lib/python3.12/site-packages",
        d + "/home/.local/lib/python3.9/site-packages",
      ])
    // A pyenv shim: the version `PYENV_VERSION` names; `system` is none of pyenv's.
    #expect(
      look(["PATH": d + "/pyenv/shims", "PYENV_VERSION": "3.12.1"]) == [
        layout.sitePackages, d + "/pyenv/versions/3.12.1/lib/python3.12/site-packages",
      ])
    #expect(look(["PATH": d + "/pyenv/shims", "PYENV_VERSION": "system"]) == [layout.sitePackages])
  }
}
