import ArgumentParser
import Foundation
import MigplanSyntax

/// `migplan debug bench PATH…`: tokenizer and parser throughput, next to CPython's on the same files.
struct DebugBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the tokenizer and parser against CPython's tokenize and ast.parse.",
    discussion: """
      Reads every .py file under the paths into memory, then tokenizes and parses all of them \
      repeatedly for --seconds each, and times CPython's tokenize.tokenize and ast.parse on the \
      same files in one python3 child process. Meant for release builds \
      (swift build -c release). The last line reads `parse: N.N× CPython ast.parse`.
      """)

  @Argument(help: "Files or folders; every .py file under a folder is read.")
  var paths: [String]

  @Option(help: "CPU seconds to spend on each measurement (at least one full round each).")
  var seconds: Double = 1

  @Option(help: "The Python interpreter to compare with.")
  var python: String = "python3"

  func validate() throws {
    guard seconds >= 0, seconds.isFinite else {
      throw ValidationError("--seconds must be a non-negative number")
    }
  }

  func run() throws {
    #if DEBUG
      InputError.printError("note: debug build; use `swift build -c release` for real figures")
    #endif
    let files = try collectFiles()
    var sources: [[UInt8]] = []
    sources.reserveCapacity(files.count)
    for file in files {
      guard let bytes = InputError.readFile(file) else { throw ExitCode(2) }
      sources.append(bytes)
    }
    let bytes = sources.reduce(0) { $0 + $1.count }
    print("files: \(files.count), bytes: \(bytes) (\(fixed(Double(bytes) / 1e6, 2)) MB)")

    // Source preparation (coding cookie, UTF-8 and NUL checks) counts on both sides: CPython's
    // tokenize detects the encoding and decodes, and Parser.parse prepares the source too.
    let tokenize = Self.measure(seconds: seconds) {
      for source in sources { keepAlive(Lexer.tokenize(SourceText.prepare(source).bytes)) }
    }
    let parse = Self.measure(seconds: seconds) {
      for source in sources { keepAlive(Parser.parse(source)) }
    }
    let cpython = try runCPython(files: files)

    let rows: [(String, Timing)] = [
      ("migplan tokenize", tokenize), ("migplan parse", parse),
      ("CPython \(cpython.version) tokenize", cpython.tokenize),
      ("CPython \(cpython.version) ast.parse", cpython.parse),
    ]
    let width = rows.map(\.0.count).max() ?? 0
    for (name, timing) in rows {
      let label = (name + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0)
      print(
        "\(label) \(fixed(timing.perSecond(bytes) / 1e6, 1)) MB/s, "
          + "\(fixed(timing.perSecond(files.count), 0)) files/s "
          + "(\(timing.rounds) rounds in \(fixed(timing.elapsed, 2)) CPU s)")
    }
    if cpython.failures > 0 {
      print("note: CPython rejected \(cpython.failures) of the files")
    }
    print(
      "tokenize: \(fixed(cpython.tokenize.elapsedPerRound / tokenize.elapsedPerRound, 1))× CPython tokenize"
    )
    print(
      "parse: \(fixed(cpython.parse.elapsedPerRound / parse.elapsedPerRound, 1))× CPython ast.parse"
    )
  }

  /// Every file named, and every `.py` file under every folder named, each once, in path order.
  private func collectFiles() throws -> [String] {
    var files: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
        files.append(path)  // a file, or a missing path that readFile reports
        continue
      }
      var found: [String] = []
      // The enumerator does not enter a folder given as a symbolic link; its target it does.
      let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      for case let relative as String in manager.enumerator(atPath: resolved) ?? .init()
      where relative.hasSuffix(".py") {
        let full = (path as NSString).appendingPathComponent(relative)
        var isSub: ObjCBool = false
        if manager.fileExists(atPath: full, isDirectory: &isSub), !isSub.boolValue {
          found.append(full)
        }
      }
      files += found.sorted()
    }
    var seen = Set<String>()
    files = files.filter { seen.insert($0).inserted }
    guard !files.isEmpty else {
      InputError.printError("error: no .py files under \(paths.joined(separator: ", "))")
      throw ExitCode(2)
    }
    return files
  }

  /// Runs `body` once to warm up, then again until `seconds` of CPU time have passed (at least
  /// once). CPU time rather than wall time, here and in the Python child, so that other work on
  /// the machine does not skew the ratios.
  private static func measure(seconds: Double, _ body: () -> Void) -> Timing {
    body()
    let start = processCPUSeconds()
    var rounds = 0
    var elapsed = 0.0
    repeat {
      body()
      rounds += 1
      elapsed = processCPUSeconds() - start
    } while elapsed < seconds
    return Timing(rounds: rounds, elapsed: elapsed)
  }

  /// CPython's figures on the same files, measured the same way in one child process.
  private func runCPython(files: [String]) throws -> CPythonTimings {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "-c", Self.pythonScript, String(seconds)]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    do {
      try process.run()
    } catch {
      InputError.printError("error: cannot start \(python): \(error)")
      throw ExitCode(2)
    }
    // The paths go in NUL-separated on stdin: no limit on their number, no quoting.
    input.fileHandleForWriting.write(Data(files.joined(separator: "\0").utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let result = try? JSONDecoder().decode(CPythonTimings.self, from: data)
    else {
      InputError.printError(
        "error: \(python) failed (exit \(process.terminationStatus)) timing CPython")
      throw ExitCode(2)
    }
    return result
  }

  /// Times `tokenize.tokenize` and `ast.parse` over the files listed on stdin; prints JSON.
  private static let pythonScript = """
    import ast, io, json, sys, time, tokenize
    seconds = float(sys.argv[1])
    sources = [open(p, "rb").read() for p in sys.stdin.read().split("\\0") if p]
    failures = set()
    def run_tokenize():
        for i, s in enumerate(sources):
            try:
                for _ in tokenize.tokenize(io.BytesIO(s).readline):
                    pass
            except Exception:
                failures.add(i)
    def run_parse():
        for i, s in enumerate(sources):
            try:
                ast.parse(s)
            except Exception:
                failures.add(i)
    def measure(body):
        body()
        rounds, start = 0, time.process_time()
        while True:
            body()
            rounds += 1
            elapsed = time.process_time() - start
            if elapsed >= seconds:
                return {"rounds": rounds, "elapsed": elapsed}
    result = {"tokenize": measure(run_tokenize), "parse": measure(run_parse)}
    result["version"] = sys.version.split()[0]
    result["failures"] = len(failures)
    print(json.dumps(result))
    """
}

/// How many rounds over all files ran, and in how many seconds.
private struct Timing: Decodable {
  var rounds: Int
  var elapsed: Double

  var elapsedPerRound: Double { elapsed / Double(rounds) }
  func perSecond(_ perRound: Int) -> Double { Double(perRound) / elapsedPerRound }
}

/// What the Python child process reports.
private struct CPythonTimings: Decodable {
  var tokenize: Timing
  var parse: Timing
  var version: String
  var failures: Int
}

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never)
private func keepAlive<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

/// `value` with `digits` decimals.
private func fixed(_ value: Double, _ digits: Int) -> String {
  String(format: "%.\(digits)f", value)
}

/// CPU time this process has used so far, in seconds.
private func processCPUSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
