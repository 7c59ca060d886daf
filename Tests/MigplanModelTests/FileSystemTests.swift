import Foundation
import MigplanModel
import Testing

/// `FileSystem.read` against the bytes written: regular files of sizes around the read's edges,
/// and files whose size the file system does not know (`/proc`), which a single read sized by
/// `fstat` would cut short.
@Suite struct FileSystemTests {
  @Test(arguments: [0, 1, 2, 4095, 4096, 4097, 65_536, 200_003])
  func regularFileReadsWhole(size: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "migplan-fs-\(getpid())-\(size)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("m.py").path
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    guard case .success(let read) = FileSystem.read(path) else {
      Issue.record("cannot read \(path)")
      return
    }
    #expect(read == bytes)
  }

  @Test func fileOfUnknownSizeReadsWhole() throws {
    // `/proc/self/maps` says size 0 and holds several kilobytes.
    guard case .success(let read) = FileSystem.read("/proc/self/maps") else {
      Issue.record("cannot read /proc/self/maps")
      return
    }
    #expect(read.count > 1000)
    #expect(read.last == UInt8(ascii: "\n"))
  }

  @Test func missingFileIsAnError() {
    guard case .failure(let e) = FileSystem.read("/nonexistent/migplan/0001.py") else {
      Issue.record("read a missing file")
      return
    }
    #expect(e.message.contains("No such file"))
  }
}
