import MigplanModel
import MigplanSyntax

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Findings recorded by `--write-baseline`, which `--baseline` does not report again.
///
/// A fingerprint is the FNV-1a 64-bit hash of the rule id, the app, the migration, the
/// operation index, the message and the operation's source text with whitespace removed (for a
/// finding outside an operation: the text of its own range). Line numbers are not part of it,
/// so findings survive edits elsewhere in the file. The file is JSON:
///
/// ```json
/// {"version": 1, "findings": [{"fingerprint": "5f0e…", "rule": "unknown-operation",
///   "path": "shop/migrations/0002_x.py", "app": "shop", "migration": "0002_x",
///   "operation": 0, "message": "…"}]}
/// ```
///
/// Only `fingerprint` is used for matching; the other fields help a reader. Each entry
/// silences one finding, so a second identical finding in the same operation is reported.
public struct Baseline: Sendable {
  /// How many findings each fingerprint silences.
  public var counts: [String: Int]

  public init(counts: [String: Int] = [:]) {
    self.counts = counts
  }

  /// Reads a baseline file; the error says what is wrong with it.
  public static func read(_ path: String) -> Result<Baseline, ConfigError> {
    let bytes: [UInt8]
    switch FileSystem.read(path) {
    case .success(let b): bytes = b
    case .failure(let e):
      return .failure(ConfigError(file: path, key: nil, "cannot read: \(e.message)"))
    }
    /// The parts of the file `--baseline` reads.
    struct File: Decodable {
      struct Entry: Decodable { var fingerprint: String? }
      var version: Int
      var findings: [Entry]
    }
    guard let file = try? JSONDecoder().decode(File.self, from: Data(bytes)), file.version == 1
    else {
      return .failure(
        ConfigError(
          file: path, key: nil,
          "not a migplan baseline (expected {\"version\": 1, \"findings\": [...]})"))
    }
    var counts: [String: Int] = [:]
    for e in file.findings {
      guard let fp = e.fingerprint else {
        return .failure(ConfigError(file: path, key: "fingerprint", "missing in an entry"))
      }
      counts[fp, default: 0] += 1
    }
    return .success(Baseline(counts: counts))
  }

  /// The baseline file for `findings`, as JSON text.
  public static func render(_ findings: [Finding], sources: [String: SourceFile]) -> String {
    var out = "{\n  \"version\": 1,\n  \"findings\": ["
    for (i, f) in findings.enumerated() {
      out += i == 0 ? "\n" : ",\n"
      out += "    {\"fingerprint\": \(JSON.string(fingerprint(f, source: sources[f.path]))), "
      out += "\"rule\": \(JSON.string(f.rule)), \"path\": \(JSON.string(f.path)), "
      out += "\"app\": \(JSON.optional(f.key?.app)), \"migration\": \(JSON.optional(f.key?.name)), "
      out += "\"operation\": \(f.operationIndex.map(String.init) ?? "null"), "
      out += "\"message\": \(JSON.string(f.message))}"
    }
    out += findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }

  /// The fingerprint of a finding (see the type's documentation).
  public static func fingerprint(_ f: Finding, source: SourceFile?) -> String {
    var h = FNV1a()
    h.add(f.rule)
    h.add(f.key?.app ?? f.path)
    h.add(f.key?.name ?? "")
    h.add(f.operationIndex.map(String.init) ?? "-")
    h.add(f.message)
    if let source, let r = f.span ?? f.range {
      let text = source.bytes[
        min(Int(r.start), source.bytes.count)..<min(Int(r.end), source.bytes.count)]
      text.withUnsafeBufferPointer {
        for b in $0 where b != 32 && b != 9 && b != 10 && b != 13 && b != 12 { h.add(byte: b) }
      }
    }
    return h.hex
  }
}

/// The 64-bit FNV-1a hash, with a separator after each string.
struct FNV1a {
  var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x100_0000_01b3
  }

  mutating func add(_ s: String) {
    var s = s
    s.withUTF8 { for b in $0 { add(byte: b) } }
    add(byte: 0)
  }

  var hex: String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
