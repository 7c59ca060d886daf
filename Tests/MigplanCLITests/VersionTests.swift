import Foundation
import MigplanTestSupport
import Testing

/// The VERSION file is the one place the version is kept: `migplan --version` (the constant in
/// Sources/migplan/Version.swift), the wheel (Scripts/build-wheel.sh reads VERSION) and
/// CHANGELOG.md must agree with it.
@Suite struct VersionTests {
  let root = PackageRoot.path()

  func versionFile() throws -> String {
    let text = try String(contentsOfFile: root + "/VERSION", encoding: .utf8)
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func versionFileIsOneSemanticVersionLine() throws {
    let text = try String(contentsOfFile: root + "/VERSION", encoding: .utf8)
    #expect(
      text.wholeMatch(of: /\d+\.\d+\.\d+(-(dev\d*|(alpha|a|beta|b|rc)\.?\d+))?\n/) != nil,
      "VERSION: \(text.debugDescription)")
  }

  @Test func migplanVersionPrintsTheVersionFile() throws {
    let run = try runMigplan(["--version"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout == (try versionFile()) + "\n")
  }

  /// A development version is written up under `## [Unreleased]`; a release has its own
  /// `## [X.Y.Z]` section.
  @Test func changelogHasTheSectionForTheVersion() throws {
    let version = try versionFile()
    let changelog = try String(contentsOfFile: root + "/CHANGELOG.md", encoding: .utf8)
    let headings = changelog.split(separator: "\n").filter { $0.hasPrefix("## [") }
    let expected = version.contains("-") ? "## [Unreleased]" : "## [\(version)]"
    #expect(
      headings.contains { $0 == expected || $0.hasPrefix(expected + " ") },
      "CHANGELOG.md has no \(expected) heading: \(headings)")
  }
}
