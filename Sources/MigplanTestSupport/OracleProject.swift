import Foundation
import MigplanModel
import MigplanSyntax

/// The corpus apps and fixture apps that the Django oracle project installs
/// (`Scripts/oracle/oracle_project`), loaded the way `Fixtures/oracle/` was made: the project
/// behind `plan.txt`, `sql/`, `schema.json`, `operations.txt` and `state.json`.
public enum OracleProject {
  /// The package root.
  public static let root = PackageRoot.path()
  /// The fetched corpus (`Scripts/fetch-corpus.py`).
  public static let corpus = root + "/.corpus"

  /// migplan's hand-written fixture apps for what the corpus lacks (the settings put this
  /// folder on `sys.path`).
  public static let fixtureRoots = [root + "/Fixtures/projects/features"]

  /// One root per corpus package (`.corpus/django-oscar`, …), sorted; empty when not fetched.
  public static func packageRoots() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { corpus + "/" + $0 }
  }

  /// The oracle project's settings module, run by migplan's own evaluator.
  static func settingsModule() -> Evaluator? {
    let path = root + "/Scripts/oracle/oracle_project/settings.py"
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    var evaluator = Evaluator(module: Parser.parse(Array(data)))
    evaluator.runModule()
    return evaluator
  }

  /// INSTALLED_APPS of the oracle project.
  public static func installedApps() -> [String] {
    (settingsModule()?.module["INSTALLED_APPS"]?.items ?? []).compactMap(\.stringValue)
  }

  /// Settings the fixture apps' field classes read (`features.fields.LanguageCodeField`), as
  /// the oracle project sets them: what a project gives under `settings` in its config.
  static let fixtureSettings = ["LANGUAGE_CODE"]

  /// Whether an INSTALLED_APPS entry names the app at `modulePath` (the module itself or one
  /// of its AppConfig classes, `oscar.apps.address.apps.AddressConfig`).
  public static func names(_ entry: String, _ modulePath: String) -> Bool {
    entry == modulePath || entry.hasPrefix(modulePath + ".apps.")
  }

  /// The installed corpus apps and the labels taken as unmigrated apps.
  public static func apps() -> (apps: [AppSource], unmigrated: Set<String>) {
    let installed = installedApps()
    var apps: [AppSource] = []
    for packageRoot in packageRoots() + fixtureRoots {
      for app in Loader.discover(roots: [packageRoot]).apps
      where installed.contains(where: { names($0, app.modulePath) }) {
        apps.append(app)
      }
    }
    // Installed apps with no migrations in the corpus: Django's unmigrated apps (they have no
    // migrations package at all: messages, staticfiles, postgres, polymorphic, modelcluster,
    // treebeard, the oscar dashboards, …). Such a label is taken as the module's last part,
    // which is approximate (wagtail.sites is really `wagtailsites`), so a label that a migrated
    // app has is never taken as unmigrated: Django's labels are unique.
    let guessed = Set(
      installed.filter { entry in !apps.contains { names(entry, $0.modulePath) } }
        .map { entry -> String in
          let module = entry.components(separatedBy: ".apps.").first!
          return String(module.split(separator: ".").last!)
        })
    return (apps, guessed.subtracting(apps.map(\.label)))
  }

  /// The oracle project, loaded; modules the migrations import from (field classes,
  /// constants) are read from the package and fixture roots, as `--root` gives them.
  public static func load() -> Project {
    let (apps, unmigrated) = apps()
    var values: [String: String] = [:]
    let module = settingsModule()
    for name in fixtureSettings {
      if let v = module?.module[name]?.stringValue { values[name] = v }
    }
    var settings = Settings(values)
    settings.fieldClasses = FieldClasses(
      roots: packageRoots() + fixtureRoots, settings: settings, sitePackages: { [] })
    return Loader.load(apps: apps, settings: settings, unmigratedApps: unmigrated)
  }

  /// A generated file of `Fixtures/oracle/`.
  public static func fixture(_ name: String) -> String? {
    try? String(contentsOfFile: root + "/Fixtures/oracle/" + name, encoding: .utf8)
  }
}
