/// CPython 3.11's `repr()` of decoded constants, as `ast.dump` prints them.
public enum PythonRepr {
  /// `repr(c)` exactly as CPython 3.11 writes it (complex: the imaginary literal `x j`).
  public static func repr(_ c: PyConstant) -> String {
    switch c {
    case .none: return "None"
    case .ellipsis: return "Ellipsis"
    case .bool(let b): return b ? "True" : "False"
    case .int(let digits): return digits
    case .float(let d): return float(d, addDotZero: true)
    case .imaginary(let d): return float(d, addDotZero: false) + "j"
    case .string(let s): return string(s)
    case .bytes(let b): return bytes(b)
    }
  }

  /// `repr(float)`: shortest round-trip digits; scientific notation when the decimal exponent is
  /// below -4 or at least 16. `addDotZero: false` gives the form `repr(complex)` uses (`1`, not
  /// `1.0`).
  public static func float(_ d: Double, addDotZero: Bool) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    // Swift's description has the shortest round-trip digits; only the layout differs.
    var digits: [UInt8] = []
    var pointPosition = 0  // value = 0.DIGITS × 10^pointPosition
    var exponent = 0
    var exponentSign = 1
    var inExponent = false
    var seenPoint = false
    var negative = false
    for c in d.description.utf8 {
      switch c {
      case UInt8(ascii: "-"):
        if inExponent { exponentSign = -1 } else { negative = true }
      case UInt8(ascii: "+"): break
      case UInt8(ascii: "."): seenPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if inExponent {
          exponent = exponent * 10 + Int(c - UInt8(ascii: "0"))
        } else {
          if c == UInt8(ascii: "0") && digits.isEmpty {
            if seenPoint { pointPosition -= 1 }
          } else {
            digits.append(c)
            if !seenPoint { pointPosition += 1 }
          }
        }
      default: break
      }
    }
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    if digits.isEmpty {
      digits = [UInt8(ascii: "0")]
      pointPosition = 1
    } else {
      pointPosition += exponentSign * exponent
    }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count + 8)
    if negative { out.append(UInt8(ascii: "-")) }
    let n = digits.count
    if pointPosition <= -4 || pointPosition > 16 {
      out.append(digits[0])
      if n > 1 {
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: digits[1...])
      }
      let e = pointPosition - 1
      out.append(UInt8(ascii: "e"))
      out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      let magnitude = Array(String(abs(e)).utf8)
      if magnitude.count < 2 { out.append(UInt8(ascii: "0")) }
      out.append(contentsOf: magnitude)
    } else if pointPosition <= 0 {
      out.append(UInt8(ascii: "0"))
      out.append(UInt8(ascii: "."))
      out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -pointPosition))
      out.append(contentsOf: digits)
    } else if pointPosition >= n {
      out.append(contentsOf: digits)
      out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointPosition - n))
      if addDotZero {
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0"))
      }
    } else {
      out.append(contentsOf: digits[..<pointPosition])
      out.append(UInt8(ascii: "."))
      out.append(contentsOf: digits[pointPosition...])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `repr(str)`: quotes, escapes and `str.isprintable()` as in CPython 3.11 (Unicode 14.0).
  public static func string(_ s: String) -> String {
    var hasSingle = false
    var hasDouble = false
    var plain = true  // only printable ASCII other than quotes and backslash
    for c in s.utf8 {
      switch c {
      case UInt8(ascii: "'"): hasSingle = true
      case UInt8(ascii: "\""): hasDouble = true
      case UInt8(ascii: "\\"): plain = false
      case 0x20..<0x7F: break
      default: plain = false
      }
    }
    let quote = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 2)
    out.append(quote)
    if plain && !(hasSingle && hasDouble) {
      out.append(contentsOf: s.utf8)
      out.append(quote)
      return String(decoding: out, as: UTF8.self)
    }
    var pendingMarker = false
    for scalar in s.unicodeScalars {
      let v = scalar.value
      if pendingMarker {
        pendingMarker = false
        if v >= PyConstant.surrogateBase {
          appendHexEscape(&out, 0xD800 + (v - PyConstant.surrogateBase), UInt8(ascii: "u"), 4)
          continue
        }
        appendHexEscape(&out, PyConstant.surrogateMarker, UInt8(ascii: "u"), 4)
      }
      if v < 0x80 {
        let c = UInt8(v)
        switch c {
        case quote, UInt8(ascii: "\\"):
          out.append(UInt8(ascii: "\\"))
          out.append(c)
        case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x20..<0x7F: out.append(c)
        default: appendHexEscape(&out, v, UInt8(ascii: "x"), 2)
        }
      } else if v == PyConstant.surrogateMarker {
        pendingMarker = true
      } else if isPrintable(scalar) {
        out.append(contentsOf: String(scalar).utf8)
      } else if v <= 0xFF {
        appendHexEscape(&out, v, UInt8(ascii: "x"), 2)
      } else if v <= 0xFFFF {
        appendHexEscape(&out, v, UInt8(ascii: "u"), 4)
      } else {
        appendHexEscape(&out, v, UInt8(ascii: "U"), 8)
      }
    }
    if pendingMarker { appendHexEscape(&out, PyConstant.surrogateMarker, UInt8(ascii: "u"), 4) }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
  }

  /// `repr(bytes)`: `b'...'` with CPython 3.11's quote choice and escapes.
  public static func bytes(_ b: [UInt8]) -> String {
    let hasSingle = b.contains(UInt8(ascii: "'"))
    let hasDouble = b.contains(UInt8(ascii: "\""))
    let quote = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out: [UInt8] = [UInt8(ascii: "b"), quote]
    out.reserveCapacity(b.count + 3)
    for c in b {
      switch c {
      case quote, UInt8(ascii: "\\"):
        out.append(UInt8(ascii: "\\"))
        out.append(c)
      case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x20..<0x7F: out.append(c)
      default: appendHexEscape(&out, UInt32(c), UInt8(ascii: "x"), 2)
      }
    }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
  }

  /// Python's `str.isprintable()` for one character, with CPython 3.11's Unicode 14.0 data:
  /// characters assigned after 14.0 count as unassigned (`Cn`), hence not printable.
  public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value == 0x20 { return true }
    let properties = scalar.properties
    guard let age = properties.age, age.major < 14 || (age.major == 14 && age.minor == 0) else {
      return false
    }
    switch properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default:
      return true
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func appendHexEscape(
    _ out: inout [UInt8], _ v: UInt32, _ letter: UInt8, _ width: Int
  ) {
    out.append(UInt8(ascii: "\\"))
    out.append(letter)
    var shift = (width - 1) * 4
    while shift >= 0 {
      out.append(hexDigits[Int(v >> UInt32(shift) & 0xF)])
      shift -= 4
    }
  }
}

extension PythonRepr {
  /// A string as Python's `json.dumps` writes it: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`,
  /// other control characters as `\u00XX`; with `asciiOnly` (`ensure_ascii=True`) every
  /// non-ASCII character as `\uXXXX` (UTF-16 surrogate pairs above U+FFFF).
  public static func json(_ s: String, asciiOnly: Bool = false) -> String {
    func hex4(_ v: UInt32) -> String {
      let h = String(v, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if u.value < 0x20 || (asciiOnly && u.value > 0x7e) {
          if u.value > 0xffff {
            let v = u.value - 0x10000
            out += hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff))
          } else {
            out += hex4(u.value)
          }
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
