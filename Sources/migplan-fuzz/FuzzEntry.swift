import MigplanModel
import MigplanPlanner
import MigplanRules
import MigplanSQL
import MigplanSyntax

#if canImport(Glibc)
  import Glibc
#endif

/// libFuzzer's entry point: tokenizes and parses one input as Python, and reads it as TOML (the
/// configuration reader); an input that parses as Python is then the one migration of a
/// project that goes through everything a user runs on it (`lint` in every format, `sql`,
/// `plan`, `split`). Any trap, sanitizer report or time-out is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  let stream = Lexer.tokenize(bytes)
  let module = Parser.parse(bytes)
  keep(stream)
  keep(module.errors.count)
  keep(TOML.parse(bytes))
  if module.errors.isEmpty { FuzzProject.run(bytes) }
  return 0
}

/// A project of one app, `f`, in a folder of its own (in memory where `/dev/shm` is), whose
/// only migration file is the input.
enum FuzzProject {
  static let root: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    var template = Array("\(base)/migplan-fuzz-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
    let root = String(cString: made)
    mkdir(root + "/f", 0o755)
    mkdir(root + "/f/migrations", 0o755)
    write(root + "/f/migrations/__init__.py", [])
    return root
  }()

  static func write(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    var done = 0
    while done < bytes.count {
      let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      guard n > 0 else { fatalError("cannot write \(path)") }
      done += n
    }
    close(fd)
  }

  static func run(_ bytes: [UInt8]) {
    write(root + "/f/migrations/0001_fuzz.py", bytes)
    // No site-packages: the same input loads the same project on any machine.
    let project = Loader.load(roots: [root], sitePackages: [])
    let result = Linter.run(LintRequest(roots: [root]), project: project)
    for format in OutputFormat.allCases { keep(Renderer(format: format).renderBytes(result)) }
    keep(SQLGenerator(project: project).all().map(\.text))
    guard !project.plan.isEmpty else { return }
    keep(try? Planner.plan(project: project, keys: project.plan, findings: result.findings))
    let splitter = Splitter(project: project)
    for key in project.plan { keep(try? splitter.split(key)) }
  }
}

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never)
func keep<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

// Scripts/fuzz.sh builds with `-DMIGPLAN_FUZZ`, and libFuzzer supplies `main`. Ordinary builds
// (`swift build`, `swift test`) link every executable, so they get this placeholder instead.
#if !MIGPLAN_FUZZ
  /// Placeholder entry point for ordinary builds; the real fuzzer is built by Scripts/fuzz.sh.
  @main
  enum FuzzPlaceholder {
    static func main() {
      print("migplan-fuzz: build and run it with Scripts/fuzz.sh (libFuzzer).")
    }
  }
#endif
