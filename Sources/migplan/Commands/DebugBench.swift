import ArgumentParser
import MigplanModel
import MigplanSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      let label = name + ":" + String(repeating: " ", count: width - name.count)
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
    for path in paths {
      guard FileSystem.isDirectory(path) else {
        files.append(path)  // a file, or a missing path that readFile reports
        continue
      }
      // Folders are entered through links too, each folder once (a link loop ends).
      var found: [String] = []
      var seen = Set<[UInt64]>()
      func walk(_ folder: String) {
        guard let id = FileSystem.identity(folder), seen.insert(id).inserted else { return }
        for entry in FileSystem.list(folder) {
          let full = folder.hasSuffix("/") ? folder + entry.name : folder + "/" + entry.name
          if entry.isDirectory {
            walk(full)
          } else if entry.name.hasSuffix(".py") {
            found.append(full)
          }
        }
      }
      walk(path)
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
    // The paths go in NUL-separated on stdin: no limit on their number, no quoting.
    let run = Subprocess.run(
      [python, "-c", Self.pythonScript, String(seconds)],
      input: Array(files.joined(separator: "\0").utf8))
    switch run {
    case .failure(let e):
      InputError.printError("error: cannot start \(python): \(e)")
      throw ExitCode(2)
    case .success(let out):
      guard out.status == 0,
        let result = CPythonTimings(String(decoding: out.stdout, as: UTF8.self))
      else {
        let detail = Lint.trimmed(String(decoding: out.stderr, as: UTF8.self))
        InputError.printError(
          "error: \(python) failed (exit \(out.status)) timing CPython"
            + (detail.isEmpty ? "" : ": \(detail)"))
        throw ExitCode(2)
      }
      return result
    }
  }

  /// Times `tokenize.tokenize` and `ast.parse` over the files listed on stdin; prints their
  /// rounds and CPU seconds, the failures and the version on one line.
  private static let pythonScript = """
    import ast, io, sys, time, tokenize
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
    t, p = measure(run_tokenize), measure(run_parse)
    print(t["rounds"], repr(t["elapsed"]), p["rounds"], repr(p["elapsed"]), len(failures),
          sys.version.split()[0])
    """
}

/// How many rounds over all files ran, and in how many seconds.
private struct Timing {
  var rounds: Int
  var elapsed: Double

  var elapsedPerRound: Double { elapsed / Double(rounds) }
  func perSecond(_ perRound: Int) -> Double { Double(perRound) / elapsedPerRound }
}

/// What the Python child process reports.
private struct CPythonTimings {
  var tokenize: Timing
  var parse: Timing
  var version: String
  var failures: Int

  /// Reads the child's line: tokenize rounds and seconds, parse rounds and seconds, failures,
  /// version.
  init?(_ line: String) {
    let f = line.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    guard f.count == 6, let tr = Int(f[0]), let te = Double(f[1]), let pr = Int(f[2]),
      let pe = Double(f[3]), let failures = Int(f[4])
    else { return nil }
    tokenize = Timing(rounds: tr, elapsed: te)
    parse = Timing(rounds: pr, elapsed: pe)
    self.failures = failures
    version = f[5]
  }
}

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never)
private func keepAlive<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

/// CPU time this process has used so far, in seconds.
private func processCPUSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
