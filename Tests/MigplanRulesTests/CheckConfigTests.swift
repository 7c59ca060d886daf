import MigplanRules
import Testing

/// `check`'s keys in `[tool.migplan]`: sizes (bytes or 1024-based units) and durations.
@Suite struct CheckConfigTests {
  func parse(_ lines: String) throws -> LintConfig? {
    try ConfigLoader.parse(
      "[tool.migplan]\n" + lines + "\n", file: "/p/pyproject.toml", directory: "/p",
      isPyproject: true)
  }

  @Test func defaultsWithoutTheKeys() throws {
    let config = try #require(try parse("fail-on = \"error\""))
    #expect(config.rewriteWarning == 10 * 1024 * 1024)
    #expect(config.rewriteError == 1024 * 1024 * 1024)
    #expect(config.longRunning == 60 * 1000)
  }

  @Test(arguments: [
    ("12345", 12345), ("0", 0), ("\"0\"", 0), ("\"7B\"", 7), ("\"3kB\"", 3 * 1024),
    ("\"3KB\"", 3 * 1024), ("\"25MB\"", 25 * 1024 * 1024), ("\"2GB\"", 2 * 1024 * 1024 * 1024),
    ("\"1TB\"", 1024 * 1024 * 1024 * 1024),
  ])
  func sizes(_ value: String, _ bytes: Int) throws {
    let warning = try #require(try parse("rewrite-warning = \(value)"))
    #expect(warning.rewriteWarning == bytes)
    let error = try #require(try parse("rewrite-error = \(value)"))
    #expect(error.rewriteError == bytes)
  }

  @Test(arguments: [
    ("\"250ms\"", 250), ("\"0s\"", 0), ("\"90s\"", 90_000), ("\"5min\"", 300_000),
    ("\"2h\"", 7_200_000),
  ])
  func durations(_ value: String, _ ms: Int) throws {
    #expect(try parse("long-running = \(value)")?.longRunning == ms)
  }

  @Test(arguments: [
    "rewrite-warning = \"ten\"", "rewrite-warning = -1", "rewrite-warning = 1.5",
    "rewrite-error = \"5 GB\"", "rewrite-error = \"5gb\"", "rewrite-error = \"GB\"",
    "rewrite-error = \"9223372036854775807kB\"", "rewrite-error = true",
    "long-running = 60", "long-running = \"60\"", "long-running = \"1 min\"",
    "long-running = \"1d\"", "long-running = \"9223372036854775807h\"",
  ])
  func badValuesNameFileAndKey(_ line: String) throws {
    let key = String(line.prefix { $0 != " " })
    #expect {
      _ = try parse(line)
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("/p/pyproject.toml:2:1: error: key `\(key)`: must be ")
        && !text.contains("\n")
    }
  }

  /// `Quantity` is also what check's options parse with: overflow is refused, not wrapped.
  @Test func quantityOverflow() {
    #expect(Quantity.bytes("\(Int.max >> 40)TB") == (Int.max >> 40) << 40)
    #expect(Quantity.bytes("\((Int.max >> 40) + 1)TB") == nil)
    #expect(Quantity.bytes("99999999999999999999") == nil)
    #expect(Quantity.milliseconds("\(Int.max / 3_600_000)h") == Int.max / 3_600_000 * 3_600_000)
    #expect(Quantity.milliseconds("\(Int.max / 3_600_000 + 1)h") == nil)
    #expect(Quantity.bytes("") == nil && Quantity.milliseconds("s") == nil)
  }
}
