/// Paths of the package's top-level folders, found by walking up from a source file.
public enum PackageRoot {
  /// The folder holding `Package.swift`, found from the calling test file's `#filePath`.
  public static func path(from file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    while parts.count > 1 {
      parts.removeLast()
      let candidate = parts.joined(separator: "/")
      if fileExists(candidate + "/Package.swift") { return candidate }
    }
    fatalError("Package.swift not found above \(file)")
  }

  /// True when a file or folder exists at `path`.
  public static func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PackageRoot {
  /// An environment variable of the test process.
  public static func environment(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    return String(cString: p)
  }
}
