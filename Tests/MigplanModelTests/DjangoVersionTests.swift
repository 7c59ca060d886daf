import Foundation
import MigplanSyntax
import MigplanTestSupport
import Testing

@testable import MigplanModel

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
      from django import VERSION
      from django import VERSION as DJANGO_VERSION
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
          # django-notifs' test.
          if float(django.get_version()[:3]) >= 3.1:
              operations += [migrations.AlterModelTable("order", "shop_orders")]
          if int(django.get_version().split(".")[0]) < 4:
              operations += [migrations.AlterModelTableComment("order", "old")]
          # drf-jwt's blacklist 0002: the tuple imported by name.
          if VERSION >= (2, 2):
              operations.append(migrations.AlterModelTableComment("order", "new"))
          if DJANGO_VERSION[0] < 2:
              operations.append(migrations.RemoveField("order", "id"))

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
        if case .unresolved(_, let why) = $0 { return why.contains("migplan cannot decide") }
        return false
      }, "\(undecided.operations)")
  }

  /// A field class bound by Django's version in its own module (django-notifs' `fields.py`:
  /// `if float(django.get_version()[:3]) >= 3.1: from django.db.models import JSONField`) is
  /// the class Python imports with the installed Django.
  @Test func aFieldClassChosenByDjangosVersionInItsModule() throws {
    let folder = try TemporaryFolder("migplan-django-version-module")
    try folder.write(
      "shop/fields.py",
      """
      import django
      from django.db import models
      from django.db.models import TextField as JSONField

      django_version = float(django.get_version()[:3])

      if django_version >= 3.1:
          from django.db.models import JSONField  # noqa

      """)
    try folder.writeMigration(
      "shop", "0001_initial",
      """
      import shop.fields
      from django.db import migrations, models

      class Migration(migrations.Migration):
          operations = [
              migrations.CreateModel(
                  "Order",
                  [("id", models.AutoField(primary_key=True)), ("data", shop.fields.JSONField())],
              ),
          ]

      """)
    let script = """
      import os, sys
      import django
      from django.conf import settings
      settings.configure()
      sys.path.insert(0, sys.argv[1])
      import shop.fields
      print(os.path.dirname(os.path.dirname(django.__file__)))
      print(shop.fields.JSONField.__name__)
      """
    let python = try runProcess(DjangoPython.path, ["-c", script, folder.path])
    try #require(python.status == 0, "\(python.stderr)")
    let lines = python.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 2)
    let project = Loader.load(roots: [folder.path], sitePackages: [lines[0]])
    let m = try #require(project.migrations[MigrationKey("shop", "0001_initial")])
    guard case .createModel(_, let fields, _, _, _)? = m.typedOperations.first?.kind else {
      Issue.record("\(m.typedOperations)")
      return
    }
    #expect(fields.last?.1.djangoClass == lines[1], "\(fields)")
  }

  /// `get_version()` of a VERSION tuple is what Django's own `django.utils.version.get_version`
  /// makes of it, for each release level.
  @Test func versionStringsAreDjangos() throws {
    let tuples = [
      (5, 2, 19, "final", 0), (5, 2, 0, "final", 0), (4, 2, 1, "rc", 2), (6, 0, 0, "beta", 1),
      (5, 1, 0, "alpha", 3), (3, 10, 4, "final", 0),
    ]
    let literals = tuples.map { "(\($0.0), \($0.1), \($0.2), \"\($0.3)\", \($0.4))" }
    let script = """
      import sys
      from django.utils.version import get_version
      for t in sys.argv[1:]:
          print(get_version(eval(t)))
      """
    let python = try runProcess(DjangoPython.path, ["-c", script] + literals)
    try #require(python.status == 0, "\(python.stderr)")
    let want = python.stdout.split(separator: "\n").map(String.init)
    let at = TextRange(0, 0)
    let ours = tuples.map { t in
      Evaluator.versionString(
        .tuple(
          [
            .int("\(t.0)", at), .int("\(t.1)", at), .int("\(t.2)", at), .string(t.3, at),
            .int("\(t.4)", at),
          ], at))
    }
    #expect(ours == want.map { Optional($0) })
    // A development version's suffix is a git changeset: not known.
    #expect(
      Evaluator.versionString(
        .tuple(
          [.int("6", at), .int("1", at), .int("0", at), .string("alpha", at), .int("0", at)], at))
        == nil)
  }
}
