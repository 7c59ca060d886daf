import Foundation

/// A new folder under the temporary directory that a test writes files into, removed when the
/// last reference to it goes.
public final class TemporaryFolder {
  /// The folder's path.
  public let path: String

  /// Makes `<tmp>/<prefix>-<UUID>`.
  public init(_ prefix: String) throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `text` to `relative` (a path under the folder), making the folders on the way.
  public func write(_ relative: String, _ text: String) throws {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: full, contents: Data(text.utf8)) else {
      throw CocoaError(.fileWriteUnknown)
    }
  }

  /// Writes the migration `app/migrations/NAME.py`, making the `app` and `app.migrations`
  /// packages (empty `__init__.py`) when they are not there yet.
  public func writeMigration(_ app: String, _ name: String, _ text: String) throws {
    for package in [app, app + "/migrations"]
    where !FileManager.default.fileExists(atPath: path + "/\(package)/__init__.py") {
      try write(package + "/__init__.py", "")
    }
    try write("\(app)/migrations/\(name).py", text)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
