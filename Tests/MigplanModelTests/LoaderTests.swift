import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// The loader on the small projects under `Fixtures/projects/`. Expected plans are what Django
/// 5.2.19's `showmigrations --plan` printed for the same folders (sqlite, nothing applied).
@Suite struct LoaderTests {
  static let projects = PackageRoot.path() + "/Fixtures/projects"

  static func load(_ name: String, settings: Settings = Settings()) -> Project {
    Loader.load(roots: [projects + "/" + name], settings: settings)
  }

  static func relative(_ path: String) -> String {
    String(path.dropFirst(projects.count + 1))
  }

  @Test func labelsFirstSwappableAndRunBefore() {
    let project = Self.load("basic", settings: Settings(["AUTH_USER_MODEL": "myshop.User"]))
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.apps.map(\.label).sorted() == ["blog", "myshop"])
    #expect(
      project.plan.map(\.description) == [
        "myshop.0001_initial", "blog.0001_initial", "blog.0002_before_item", "myshop.0002_item",
      ])
    let blog = project.migrations[MigrationKey("blog", "0001_initial")]!
    #expect(blog.dependencies.map { $0.swappableSetting } == [nil, "AUTH_USER_MODEL"])
  }

  /// With the default `AUTH_USER_MODEL` the swappable dependency names `auth`, which this
  /// project does not have (and no site-packages folder is searched): Django's "Dependency on
  /// unknown app", with what to do about it, unless `auth` is declared an installed app without
  /// migrations.
  @Test func swappableDependencyOnAnAppThatIsNotThere() throws {
    let project = Loader.load(roots: [Self.projects + "/basic"], sitePackages: [])
    try #require(project.diagnostics.count == 1, "\(project.diagnostics)")
    #expect(
      project.diagnostics[0].message
        == "dependency on unknown app: auth (no root holds it and no Python environment was found; name the folder Django and the project's packages are installed in with `site-packages` in the config (`.migplan.toml`, or `[tool.migplan]` in pyproject.toml))"
    )
    #expect(Self.relative(project.diagnostics[0].path) == "basic/blog/migrations/0001_initial.py")
    let apps = Loader.discover(roots: [Self.projects + "/basic"]).apps
    #expect(Loader.load(apps: apps, unmigratedApps: ["auth"]).diagnostics.isEmpty)
  }

  /// Headers migplan reads only in part (`Fixtures/projects/header`): dependencies assigned to
  /// `self` in `__init__` (simplejwt's token_blacklist 0011) are followed, what else `__init__`
  /// does to them is reported; a `swappable_dependency` of a package's own settings object
  /// (django-oauth-toolkit, knox) and a `run_before` computed when the module loads
  /// (wagtail-localize) are left out of the graph and reported, not input errors that stop
  /// every command. The plan is what Django 5.2.19's `showmigrations --plan` printed.
  @Test func headersReadInPart() throws {
    let project = Self.load("header")
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(
      project.plan.map(\.description) == [
        "tokens.0001_initial", "tokens.0002_expires", "tokens.0003_linearize",
        "grants.0001_initial", "grants.0002_token", "grants.0003_ordered",
      ])
    let linearize = try #require(project.migrations[MigrationKey("tokens", "0003_linearize")])
    #expect(linearize.dependencies.map(\.key) == [MigrationKey("tokens", "0002_expires")])
    let token = try #require(project.migrations[MigrationKey("grants", "0002_token")])
    #expect(
      token.dependencies.map(\.key) == [
        MigrationKey("grants", "0001_initial"), MigrationKey("tokens", "0003_linearize"),
      ])
    let ordered = try #require(project.migrations[MigrationKey("grants", "0003_ordered")])
    #expect(ordered.runBefore.isEmpty)
    for (m, line, text) in [
      (linearize, 15, "`__init__` changes `self.dependencies`"),
      (token, 9, "the model this `swappable_dependency` names"),
      (
        ordered, 18,
        "`run_before` (result of calling module function ordered_before()); migplan leaves it out of the graph"
      ),
    ] {
      try #require(m.unresolvedHeader.count == 1, "\(m.unresolvedHeader)")
      guard case .unresolved(let range, let why) = m.unresolvedHeader[0] else {
        Issue.record("not unresolved: \(m.unresolvedHeader[0])")
        continue
      }
      #expect(why.hasPrefix(text), "\(why)")
      #expect(LineIndex(m.source).location(range.start).line == line)
    }
  }

  @Test func aRootThatIsItselfAnApp() {
    let project = Loader.load(roots: [Self.projects + "/basic/shop"])
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.apps.map(\.modulePath) == ["shop"])
    #expect(project.plan.map(\.description) == ["myshop.0001_initial", "myshop.0002_item"])
  }

  @Test func aLinkBackUpTheTreeEndsTheWalk() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("migplan-loop-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: dir + "/app/migrations", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(
      FileManager.default.createFile(atPath: dir + "/app/migrations/__init__.py", contents: Data()))
    try FileManager.default.createSymbolicLink(atPath: dir + "/app/up", withDestinationPath: dir)
    let (apps, diagnostics) = Loader.discover(roots: [dir])
    #expect(diagnostics.isEmpty)
    #expect(apps.map(\.label) == ["app"])
  }

  /// A `migrations` package whose modules define no Migration class at all is a library (as
  /// Django's own `django/db/migrations`), not an app; one classless module among migrations
  /// is still an error.
  @Test func aMigrationsPackageWithoutMigrationsIsNoApp() throws {
    let folder = try TemporaryFolder("migplan-lib")
    let dir = folder.path
    let write = folder.write
    try write("framework/db/migrations/__init__.py", "")
    try write("framework/db/migrations/writer.py", "TEMPLATE = 'class Migration: ...'\n")
    try write("framework/db/migrations/loader.py", "def load():\n    pass\n")
    try write("framework/db/migrations/migration.py", "class Migration:\n    operations = []\n")
    try write("shop/migrations/__init__.py", "")
    try write(
      "shop/migrations/0001_initial.py",
      "from django.db import migrations\n\nclass Migration(migrations.Migration):\n"
        + "    operations = []\n")
    try write("shop/migrations/helpers.py", "X = 1\n")
    let project = Loader.load(roots: [dir])
    #expect(project.apps.map(\.label) == ["shop"])
    #expect(project.plan.map(\.description) == ["shop.0001_initial"])
    #expect(
      project.diagnostics.map(\.message) == [
        "migration helpers in app shop has no Migration class (`class Migration(migrations.Migration)`)"
      ])
  }

  @Test func squashedMigrationsReplaceTheirTargets() {
    let project = Self.load("squash")
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(
      project.plan.map(\.description) == [
        "pages.0001_initial_squashed_0002_title", "menus.0001_initial", "pages.0003_slug",
      ])
    // Exact names first: `0001_initial` is not ambiguous beside `0001_initial_squashed_…`.
    guard case .success(let m) = project.migration(app: "pages", prefix: "0001_initial") else {
      Issue.record("0001_initial not found")
      return
    }
    #expect(m.name == "0001_initial")
    guard case .success(let s) = project.migration(app: "pages", prefix: "0001_initial_sq") else {
      Issue.record("prefix lookup failed")
      return
    }
    #expect(s.name == "0001_initial_squashed_0002_title")
    #expect(
      project.migration(app: "pages", prefix: "0001").map(\.name)
        == .failure(
          .ambiguous([
            MigrationKey("pages", "0001_initial"),
            MigrationKey("pages", "0001_initial_squashed_0002_title"),
          ])))
    #expect(project.migration(app: "pages", prefix: "0009").map(\.name) == .failure(.notFound))
  }

  /// One diagnostic per broken project, naming the file and the line of the problem.
  @Test(arguments: [
    (
      "missing", "app/migrations/0002_next.py", 5,
      "migration app.0002_next depends on nonexistent migration app.0001_nope"
    ),
    (
      "cycle", "a/migrations/0001_initial.py", 4,
      "circular dependency: a.0001_initial, b.0001_initial"
    ),
    (
      "leaves", "app/migrations/0002_right.py", 4,
      "conflicting migrations in app app: 0002_left, 0002_right are all leaf nodes; add a merge migration"
    ),
    (
      "duplicate", "two/app/migrations/__init__.py", 1,
      "duplicate app label 'app'"
    ),
    ("syntax", "app/migrations/0001_initial.py", 6, "does not parse"),
    // 0002's edges are unknown, so 0001 looks like a second leaf: no conflict is made up.
    ("unevaluated", "app/migrations/0002_b.py", 4, "cannot evaluate `dependencies` statically"),
  ])
  func brokenGraphs(project name: String, file: String, line: Int, message: String) throws {
    let project = Self.load(name)
    try #require(project.diagnostics.count == 1, "\(project.diagnostics)")
    let d = project.diagnostics[0]
    #expect(Self.relative(d.path) == "\(name)/\(file)")
    #expect(d.message.hasPrefix(message), "\(d.message)")
    if let range = d.range, case .success(let bytes) = FileSystem.read(d.path) {
      #expect(LineIndex(bytes).location(range.start).line == line)
    } else {
      #expect(line == 1)
    }
    #expect(project.plan.count <= project.graph.nodes.count)
  }

  /// django-helpdesk's 0028 and 0043 both depend on an uninstalled extra's migration: each is
  /// reported at its dependency (Django names one of them, which one varying from run to run,
  /// since its loader reads the module names into a set).
  @Test func everyMigrationNamingAMissingOneIsReported() throws {
    let folder = try TemporaryFolder("migplan-missing-twice")
    let migrations = [
      ("0001_initial", "[]"),
      ("0002_team", #"[("app", "0001_initial"), ("teams", "0004_x")]"#),
      ("0003_plain", #"[("app", "0002_team")]"#),
      ("0004_team_again", #"[("app", "0003_plain")] + [("teams", "0004_x")]"#),
    ]
    for (name, dependencies) in migrations {
      try folder.writeMigration(
        "app", name,
        """
        from django.db import migrations


        class Migration(migrations.Migration):
            dependencies = \(dependencies)
            operations = []

        """)
    }
    let project = Loader.load(roots: [folder.path])
    let found = project.diagnostics.map { d in
      let line = d.range.flatMap { r in
        (try? FileSystem.read(d.path).get()).map { LineIndex($0).location(r.start).line }
      }
      return "\(d.path.split(separator: "/").last!):\(line ?? 0) \(d.message)"
    }
    #expect(found.count == 2, "\(found)")
    #expect(
      found.first?.hasPrefix(
        "0002_team.py:5 migration app.0002_team depends on nonexistent migration teams.0004_x")
        == true, "\(found)")
    #expect(
      found.last?.hasPrefix(
        "0004_team_again.py:5 migration app.0004_team_again depends on nonexistent migration teams.0004_x"
      ) == true, "\(found)")
  }
}

extension LoaderTests {
  /// `MigrationGraph.replace` against the graph built again from scratch with the migration's
  /// edges moved to the chain (the chain's first takes its parents, the last its children), for
  /// every third migration of the corpus's plan that has both, each as the first of its chain or not.
  @Test func replacingANodeEqualsBuildingTheGraphAgain() throws {
    let roots = try CorpusTests.packageRoots()
    let project = Loader.load(roots: roots)
    func edges(_ g: MigrationGraph) -> [String] {
      g.nodeMap.flatMap { child, links in links.parents.map { "\($0) -> \(child)" } }.sorted()
    }
    var checked = 0
    for (i, key) in project.plan.enumerated() where i % 3 == 0 {
      guard let links = project.graph.nodeMap[key], !links.parents.isEmpty,
        !links.children.isEmpty
      else { continue }
      let chain =
        checked % 2 == 0
        ? [MigrationKey(key.app, key.name + "_a"), MigrationKey(key.app, key.name + "_b")]
        : [key, MigrationKey(key.app, key.name + "_b")]
      var replaced = project.graph
      replaced.replace(key, with: chain)
      var rebuilt = MigrationGraph()
      for n in project.graph.nodes where n != key { rebuilt.addNode(n) }
      for n in chain { rebuilt.addNode(n) }
      for (child, l) in project.graph.nodeMap {
        for parent in l.parents {
          let c = child == key ? chain[0] : child
          let p = parent == key ? chain[1] : parent
          rebuilt.addDependency(origin: c, child: c, parent: p, range: TextRange(0, 0))
        }
      }
      rebuilt.addDependency(origin: chain[1], child: chain[1], parent: chain[0], range: .init(0, 0))
      #expect(replaced.nodes == rebuilt.nodes, "\(key)")
      #expect(edges(replaced) == edges(rebuilt), "\(key)")
      #expect(replaced.showPlan().count == project.plan.count + 1)
      checked += 1
    }
    #expect(checked > 50)
  }
}

extension LoaderTests {
  /// An app's label from the AppConfig in its package's `__init__.py` when `apps.py` sets none
  /// (Pulp's plugins: every plugin's app is a package named `app`, labelled by a
  /// `PulpPluginAppConfig` subclass there); `apps.py` first, and only a `…Config` class counts.
  @Test func aConfigInThePackageModuleLabelsTheApp() throws {
    let folder = try TemporaryFolder("migplan-init-label")
    let migration = { (deps: String) in
      "from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n"
        + "    dependencies = [\(deps)]\n"
        + "    operations = [migrations.CreateModel(name=\"M\", fields=[(\"id\", models.AutoField(primary_key=True))])]\n"
    }
    for package in ["file", "certguard", "other", "both"] {
      try folder.write("\(package)/__init__.py", "")
      try folder.write("\(package)/app/migrations/__init__.py", "")
    }
    try folder.write(
      "file/app/__init__.py",
      "from pulpcore.plugin import PulpPluginAppConfig\n\n"
        + "class PulpFilePluginAppConfig(PulpPluginAppConfig):\n"
        + "    name = \"file.app\"\n    label = \"file\"\n")
    try folder.write(
      "certguard/app/__init__.py",
      "from django import apps\n\nclass CertGuardConfig(apps.AppConfig):\n    label = \"certguard\"\n"
    )
    // Not a config: its `label` is some other class attribute.
    try folder.write("other/app/__init__.py", "class Choice(Base):\n    label = \"nope\"\n")
    try folder.write(
      "both/app/__init__.py", "class OldConfig(AppConfig):\n    label = \"stale\"\n")
    try folder.write(
      "both/app/apps.py", "class BothConfig(AppConfig):\n    label = \"both\"\n")
    try folder.write("file/app/migrations/0001_initial.py", migration(""))
    try folder.write(
      "certguard/app/migrations/0001_initial.py", migration("(\"file\", \"0001_initial\")"))
    try folder.write("other/app/migrations/0001_initial.py", migration(""))
    try folder.write("both/app/migrations/0001_initial.py", migration(""))
    let project = Loader.load(roots: [folder.path])
    #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    #expect(project.apps.map(\.label).sorted() == ["app", "both", "certguard", "file"])
    #expect(
      project.plan.map(\.description).sorted()
        == ["app.0001_initial", "both.0001_initial", "certguard.0001_initial", "file.0001_initial"])
    let file = try #require(project.apps.first { $0.label == "file" })
    #expect(file.labelSource?.path.hasSuffix("file/app/__init__.py") == true)
  }

  /// A dependency migplan cannot evaluate says why (OpenWISP's
  /// `swapper.dependency(*swapper.split(settings.CONFIG_DEVICE_MODEL), version=…)` with the
  /// setting unset), so the user knows which setting to give.
  @Test func anUnevaluableDependencySaysWhy() throws {
    let folder = try TemporaryFolder("migplan-dependency-why")
    try folder.writeMigration(
      "geo", "0001_initial",
      "import swapper\nfrom django.conf import settings\nfrom django.db import migrations\n\n"
        + "class Migration(migrations.Migration):\n    dependencies = [\n"
        + "        swapper.dependency(*swapper.split(settings.CONFIG_DEVICE_MODEL), version=\"0004_x\"),\n"
        + "    ]\n    operations = []\n")
    let project = Loader.load(roots: [folder.path])
    let messages = project.diagnostics.map(\.message)
    #expect(
      messages == [
        "entry of `dependencies` is not an (app, migration) pair migplan can evaluate: *args "
          + "migplan cannot expand: setting CONFIG_DEVICE_MODEL has no configured value"
      ], "\(messages)")
  }

  /// A root given twice (the config's `roots` and `--root`, or with a trailing slash) is one
  /// root: its apps are not reported as duplicates of themselves.
  @Test func aRootGivenTwiceIsWalkedOnce() throws {
    let settings = Settings(["AUTH_USER_MODEL": "myshop.User"])
    let project = Self.load("basic", settings: settings)
    try #require(!project.apps.isEmpty && project.diagnostics.isEmpty)
    let folder = Self.projects + "/basic"
    let twice = Loader.load(roots: [folder, folder + "/", folder], settings: settings)
    #expect(twice.diagnostics.isEmpty, "\(twice.diagnostics)")
    #expect(twice.apps.count == project.apps.count)
  }
}
