/// The version `migplan --version` prints: the text of the VERSION file at the package root,
/// the one place the version is kept (the wheel takes its PEP 440 form, `0.1.0-dev` →
/// `0.1.0.dev0`, and CHANGELOG.md heads its section with it at a release).
/// `Tests/MigplanCLITests/VersionTests.swift` fails and `Scripts/build-wheel.sh` refuses to
/// build when this differs from VERSION.
enum MigplanVersion {
  static let current = "0.1.0-dev"
}
