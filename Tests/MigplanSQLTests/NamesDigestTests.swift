import Foundation
import MigplanTestSupport
import Testing

@testable import MigplanSQL

/// Django's name digests are MD5: migplan's own MD5 against CPython's `hashlib.md5` on every
/// message length around the block and padding boundaries, with bytes of every value.
@Suite struct NamesDigestTests {
  @Test func md5MatchesCPythonHashlib() throws {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt8 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: seed >> 33)
    }
    let lengths = Array(0...200) + [255, 256, 257, 1000, 4096]
    let messages = lengths.map { n in (0..<n).map { _ in next() } }
    let hex = messages.map { m in m.map { String(format: "%02x", $0) }.joined() }
    let script = """
      import hashlib, sys
      for h in sys.argv[1:]:
          print(hashlib.md5(bytes.fromhex(h[1:])).hexdigest())
      """
    // Each argument starts with `x` so that an empty message is still an argument.
    let run = try runProcess("python3", ["-c", script] + hex.map { "x" + $0 })
    try #require(run.status == 0, "python3: \(run.stderr)")
    let want = run.stdout.split(separator: "\n").map(String.init)
    try #require(want.count == messages.count)
    for (i, message) in messages.enumerated() {
      #expect(MD5.hex(message) == want[i], "length \(message.count)")
    }
  }
}
