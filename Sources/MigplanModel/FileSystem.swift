#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file-system reads the loader needs, over the C library (no Foundation).
public enum FileSystem {
  /// One entry of a folder.
  public struct Entry: Sendable {
    public var name: String
    public var isDirectory: Bool
  }

  /// The entries of a folder sorted by name, without `.` and `..`; empty when unreadable.
  public static func list(_ path: String) -> [Entry] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var out: [Entry] = []
    while let ent = readdir(dir) {
      let name = withUnsafePointer(to: ent.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      out.append(Entry(name: name, isDirectory: isDirectory(path + "/" + name)))
    }
    out.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    return out
  }

  /// True when `path` is a folder (following symbolic links).
  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else { return false }
    return (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// The device and inode of a folder (after links), to notice a folder seen before.
  public static func identity(_ path: String) -> [UInt64]? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return [UInt64(st.st_dev), UInt64(st.st_ino)]
  }

  /// The absolute path with links resolved, or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// True when a regular file exists at `path`.
  public static func isFile(_ path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else { return false }
    return (st.st_mode & S_IFMT) == S_IFREG
  }

  /// The bytes of a file, or the reason it cannot be read.
  public static func read(_ path: String) -> Result<[UInt8], ReadError> {
    guard let f = fopen(path, "rb") else {
      return .failure(ReadError(message: String(cString: strerror(errno))))
    }
    defer { fclose(f) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
      if n > 0 { result.append(contentsOf: chunk[0..<n]) }
      if n < chunk.count {
        if ferror(f) != 0 { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        break
      }
    }
    return .success(result)
  }

  /// Why a file could not be read.
  public struct ReadError: Error, Sendable {
    public var message: String
  }
}
