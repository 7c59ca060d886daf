import MigplanRules
import MigplanSyntax

/// libFuzzer's entry point: tokenizes and parses one input as Python, and reads it as TOML (the
/// configuration reader). Any trap or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  let stream = Lexer.tokenize(bytes)
  let module = Parser.parse(bytes)
  keep(stream)
  keep(module.errors.count)
  keep(TOML.parse(bytes))
  return 0
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
