#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes passwords from connection strings and from any message that might echo one.
///
/// Two layers: the structure of a URL (`postgresql://user:***@host/db`, `?password=***`) or a
/// conninfo string (`password=***`) is rewritten, and every occurrence of the password text
/// itself (as written, percent-decoded, and `PGPASSWORD`) is replaced by `***` in messages,
/// because libpq quotes pieces of a malformed connection string in its errors.
public enum Redact {
  /// The text put where a password was.
  public static let mask = "***"

  /// A URL or conninfo string with its passwords masked; other text is returned unchanged.
  public static func connectionString(_ text: String) -> String {
    isURL(text) ? url(text) : conninfo(text)
  }

  /// Whether `text` is a `postgresql://` or `postgres://` URL (libpq's two URI prefixes).
  static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// `postgresql://user:secret@host/db?password=x` → `postgresql://user:***@host/db?password=***`.
  public static func url(_ text: String) -> String {
    guard let scheme = text.firstRange(of: "://") else { return text }
    let head = text[..<scheme.upperBound]
    var rest = Substring(text[scheme.upperBound...])
    var query: Substring = ""
    if let q = rest.firstIndex(of: "?") {
      query = rest[q...]
      rest = rest[..<q]
    }
    var out = String(head)
    // The user info ends at the last `@` before the query: a password with an unencoded `@` or
    // `/` is still masked as a whole.
    if let at = rest.lastIndex(of: "@") {
      let userInfo = rest[..<at]
      if let colon = userInfo.firstIndex(of: ":") {
        out += userInfo[..<colon] + ":" + mask
      } else {
        out += userInfo
      }
      out += rest[at...]
    } else {
      out += rest
    }
    if !query.isEmpty {
      var parts: [String] = []
      for pair in query.dropFirst().split(separator: "&", omittingEmptySubsequences: false) {
        if let eq = pair.firstIndex(of: "="), pair[..<eq] == "password" {
          parts.append("password=" + mask)
        } else {
          parts.append(String(pair))
        }
      }
      out += "?" + parts.joined(separator: "&")
    }
    return out
  }

  /// `host=h password='se cret' user=u` → `host=h password=*** user=u`. Text that does not
  /// follow libpq's `key = value` syntax is masked from the first `password` on.
  public static func conninfo(_ text: String) -> String {
    guard let pairs = parseConninfo(text) else {
      if let p = text.firstRange(of: "password") {
        return String(text[..<p.lowerBound]) + "password=" + mask
      }
      return text
    }
    var out = ""
    var last = text.startIndex
    for pair in pairs where pair.key == "password" {
      out += text[last..<pair.valueRange.lowerBound]
      out += mask
      last = pair.valueRange.upperBound
    }
    out += text[last...]
    return out
  }

  /// The passwords a connection string carries, in the forms a message may quote them: as
  /// written and percent-decoded (URLs), plus `PGPASSWORD` from the environment.
  public static func secrets(in text: String) -> [String] {
    var found: [String] = []
    if isURL(text) {
      if let scheme = text.firstRange(of: "://") {
        var rest = Substring(text[scheme.upperBound...])
        if let q = rest.firstIndex(of: "?") {
          for pair in rest[rest.index(after: q)...].split(separator: "&") {
            if let eq = pair.firstIndex(of: "="), pair[..<eq] == "password" {
              found.append(String(pair[pair.index(after: eq)...]))
            }
          }
          rest = rest[..<q]
        }
        if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
          found.append(String(rest[rest.index(after: colon)..<at]))
        }
      }
    } else if let pairs = parseConninfo(text) {
      for pair in pairs where pair.key == "password" { found.append(pair.value) }
    }
    if let env = getenv("PGPASSWORD") { found.append(String(cString: env)) }
    var all: [String] = []
    for s in found {
      all.append(s)
      let decoded = percentDecoded(s)
      if decoded != s { all.append(decoded) }
    }
    return all.filter { $0.utf8.count >= 3 }
  }

  /// `message` with each of `secrets` replaced by `***`, longest first.
  public static func scrub(_ message: String, secrets: [String]) -> String {
    var out = message
    for secret in secrets.sorted(by: { $0.utf8.count > $1.utf8.count }) where !secret.isEmpty {
      out = out.replacing(secret, with: mask)
    }
    return out
  }

  static func percentDecoded(_ s: String) -> String {
    let bytes = Array(s.utf8)
    var out: [UInt8] = []
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
      default: return nil
      }
    }
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hex(bytes[i + 1]),
        let l = hex(bytes[i + 2])
      {
        out.append(h << 4 | l)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// One `key = value` pair of a conninfo string, with where its value was written.
  struct Pair {
    var key: String
    var value: String
    var valueRange: Range<String.Index>
  }

  /// libpq's conninfo syntax: `key = value` pairs separated by whitespace; a value is a run of
  /// non-space characters or a single-quoted string, with `\` escaping the next character.
  /// Nil when the text does not follow it.
  static func parseConninfo(_ text: String) -> [Pair]? {
    var pairs: [Pair] = []
    var i = text.startIndex
    func skipSpace() {
      while i < text.endIndex, text[i].isWhitespace { i = text.index(after: i) }
    }
    while true {
      skipSpace()
      if i == text.endIndex { return pairs }
      let keyStart = i
      while i < text.endIndex, text[i] != "=", !text[i].isWhitespace { i = text.index(after: i) }
      let key = String(text[keyStart..<i])
      skipSpace()
      guard i < text.endIndex, text[i] == "=", !key.isEmpty else { return nil }
      i = text.index(after: i)
      skipSpace()
      let valueStart = i
      var value = ""
      if i < text.endIndex, text[i] == "'" {
        i = text.index(after: i)
        var closed = false
        while i < text.endIndex {
          let c = text[i]
          i = text.index(after: i)
          if c == "'" {
            closed = true
            break
          }
          if c == "\\", i < text.endIndex {
            value.append(text[i])
            i = text.index(after: i)
          } else {
            value.append(c)
          }
        }
        guard closed else { return nil }
      } else {
        while i < text.endIndex, !text[i].isWhitespace {
          if text[i] == "\\", text.index(after: i) < text.endIndex {
            i = text.index(after: i)
          }
          value.append(text[i])
          i = text.index(after: i)
        }
      }
      pairs.append(Pair(key: key, value: value, valueRange: valueStart..<i))
    }
  }
}
