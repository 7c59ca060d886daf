#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
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
      // The entry's type from the folder itself where the file system gives it; links (to
      // folders or not) and unknown types are looked up.
      let type = Int32(ent.pointee.d_type)
      let folder =
        type == Int32(DT_DIR)
        ? true
        : type == Int32(DT_REG) ? false : isDirectory(path + "/" + name)
      out.append(Entry(name: name, isDirectory: folder))
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

  /// The current folder's absolute path (`.` when it cannot be told).
  public static var currentFolder: String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return String(cString: p)
  }

  /// The absolute path with links resolved, or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// Real paths of files, one `realpath` per folder: the folder resolved (links, `.` and
  /// `..`), the file name kept. Files of one folder in a row reuse the last folder's.
  public final class RealPaths {
    private var folders: [String: String] = [:]
    private var last: (folder: [UInt8], real: String)? = nil

    public init() {}

    /// The real path of `path` (its folder's real path and its name; `path` itself when the
    /// folder does not resolve).
    public func of(_ path: String) -> String {
      var path = path
      return path.withUTF8 { bytes in
        let slash = bytes.lastIndex(of: UInt8(ascii: "/")) ?? 0
        let folder = UnsafeBufferPointer(rebasing: bytes[..<slash])
        let real: String
        if let last, last.folder.elementsEqual(folder) {
          real = last.real
        } else {
          let name = String(decoding: folder, as: UTF8.self)
          if let known = folders[name] {
            real = known
          } else {
            real = realPath(name) ?? name
            folders[name] = real
          }
          last = (Array(folder), real)
        }
        return real
          + String(decoding: UnsafeBufferPointer(rebasing: bytes[slash...]), as: UTF8.self)
      }
    }
  }

  /// True when a regular file exists at `path`.
  public static func isFile(_ path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else { return false }
    return (st.st_mode & S_IFMT) == S_IFREG
  }

  /// The bytes of a file, or the reason it cannot be read.
  public static func read(_ path: String) -> Result<[UInt8], ReadError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
    defer { close(fd) }
    // One read of the size the file has (plus one byte to see the end), growing if it grew.
    var st = stat()
    let known = fstat(fd, &st) == 0
    let size = known ? max(Int(st.st_size), 0) : 0
    // A regular file that gave exactly its size while one byte more was asked for is at its
    // end: no further read to be told so (half the reads of a lint).
    let regular = known && (st.st_mode & S_IFMT) == S_IFREG
    var result = [UInt8](repeating: 0, count: size + 1)
    var filled = 0
    while true {
      if filled == result.count { result += [UInt8](repeating: 0, count: result.count) }
      let n = result.withUnsafeMutableBytes {
        systemRead(fd, $0.baseAddress! + filled, $0.count - filled)
      }
      if n > 0 {
        filled += n
        if regular && filled == size && result.count == size + 1 { break }
      } else if n == 0 {
        break
      } else if errno != EINTR {
        return .failure(ReadError(message: String(cString: strerror(errno))))
      }
    }
    result.removeLast(result.count - filled)
    return .success(result)
  }

  /// Why a file could not be read.
  public struct ReadError: Error, Sendable {
    public var message: String
  }
}
