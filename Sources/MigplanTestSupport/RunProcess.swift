import Foundation

/// What a finished child process left: its exit status and everything it printed.
public struct ProcessOutput: Sendable {
  /// The exit status, or 128 + the signal number when a signal ended it.
  public var status: Int32
  /// Standard output, decoded as UTF-8 (invalid bytes replaced).
  public var stdout: String
  /// Standard error, decoded as UTF-8 (invalid bytes replaced).
  public var stderr: String
}

/// A problem starting a child process, or finding the binary to start.
public struct RunProcessError: Error, CustomStringConvertible {
  /// What went wrong, in one line.
  public var description: String
}

/// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments` and waits for it.
///
/// Output goes to temporary files rather than pipes, so a child that prints a lot to both
/// streams can never deadlock against a parent that reads one of them.
public func runProcess(
  _ executable: String, _ arguments: [String], currentDirectory: String? = nil
) throws -> ProcessOutput {
  let process = Process()
  if executable.contains("/") {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
  } else {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
  }
  if let currentDirectory {
    process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
  }
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("migplan-run-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let outURL = folder.appendingPathComponent("stdout")
  let errURL = folder.appendingPathComponent("stderr")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let out = try FileHandle(forWritingTo: outURL)
  let err = try FileHandle(forWritingTo: errURL)
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = out
  process.standardError = err
  do {
    try process.run()
  } catch {
    throw RunProcessError(description: "cannot start \(executable): \(error)")
  }
  process.waitUntilExit()
  try out.close()
  try err.close()
  let status =
    process.terminationReason == .uncaughtSignal
    ? 128 + process.terminationStatus : process.terminationStatus
  return ProcessOutput(
    status: status,
    stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// Runs the `migplan` binary that SwiftPM built next to the test bundle.
public func runMigplan(_ arguments: [String], currentDirectory: String? = nil) throws
  -> ProcessOutput
{
  try runProcess(try migplanBinary(), arguments, currentDirectory: currentDirectory)
}

/// The path of the built `migplan` binary: `$MIGPLAN_BIN` if set, else the folder of the running
/// test bundle (as swift-argument-parser's `AssertExecuteCommand` finds its products), else
/// `.build/debug` under the package root.
public func migplanBinary() throws -> String {
  if let path = ProcessInfo.processInfo.environment["MIGPLAN_BIN"], !path.isEmpty {
    return path
  }
  var folders: [URL] = []
  // macOS: the tests run inside an `.xctest` bundle that sits in the products folder.
  if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
    folders.append(bundle.bundleURL.deletingLastPathComponent())
  }
  // Linux: the `.xctest` is itself the running executable, in the products folder.
  let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  folders.append(exe.deletingLastPathComponent())
  folders.append(URL(fileURLWithPath: PackageRoot.path() + "/.build/debug"))
  for folder in folders {
    let candidate = folder.appendingPathComponent("migplan").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  throw RunProcessError(
    description: "no built migplan binary in \(folders.map(\.path)); run `swift build` first")
}
