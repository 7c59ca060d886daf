/// A finite `decimal.Decimal` as Python holds it (sign, coefficient digits, exponent), made the
/// ways a `DecimalField` default is, and written as `str()` writes it: what psycopg puts in the
/// SQL for a `DecimalField`'s default.
struct PythonDecimal: CustomStringConvertible {
  var negative: Bool
  /// The coefficient's decimal digits (0–9), most significant first, no leading zeros ("0" is
  /// one zero digit).
  var digits: [UInt8]
  var exponent: Int

  /// `Decimal(text)`: an optional sign, digits with an optional point (`_` between digits),
  /// an optional exponent, spaces around; nil for anything else (`NaN`, `Infinity` too, which
  /// `DecimalField` refuses).
  init?(_ text: String) {
    var bytes = Array(text.utf8)[...]
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
    while let b = bytes.first, isSpace(b) { bytes.removeFirst() }
    while let b = bytes.last, isSpace(b) { bytes.removeLast() }
    negative = bytes.first == UInt8(ascii: "-")
    if let b = bytes.first, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") { bytes.removeFirst() }
    // Digits with single underscores between them (PEP 515), as `int()` reads them too.
    func run(_ bytes: inout ArraySlice<UInt8>) -> [UInt8] {
      var out: [UInt8] = []
      while let b = bytes.first {
        if (0x30...0x39).contains(b) {
          out.append(b - 0x30)
        } else if b == UInt8(ascii: "_"), !out.isEmpty, let next = bytes.dropFirst().first,
          (0x30...0x39).contains(next)
        {
        } else {
          break
        }
        bytes.removeFirst()
      }
      return out
    }
    var whole = run(&bytes)
    var fraction: [UInt8] = []
    if bytes.first == UInt8(ascii: ".") {
      bytes.removeFirst()
      fraction = run(&bytes)
    }
    guard !(whole.isEmpty && fraction.isEmpty) else { return nil }
    var exponent = 0
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes.removeFirst()
      var minus = false
      if let b = bytes.first, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
        minus = b == UInt8(ascii: "-")
        bytes.removeFirst()
      }
      let e = run(&bytes)
      guard !e.isEmpty, e.count < 10 else { return nil }
      exponent = e.reduce(0) { $0 * 10 + Int($1) } * (minus ? -1 : 1)
    }
    guard bytes.isEmpty else { return nil }
    whole += fraction
    while whole.count > 1, whole.first == 0 { whole.removeFirst() }
    if whole.isEmpty { whole = [0] }
    digits = whole
    self.exponent = exponent - fraction.count
  }

  /// `Context(prec=precision).create_decimal_from_float(x)` (what `DecimalField.to_python`
  /// makes of a float): the float's exact value, rounded half-even to `precision` significant
  /// digits; exact with nil (`Decimal(x)`). Nil for infinities and NaN.
  init?(_ x: Double, precision: Int?) {
    guard x.isFinite else { return nil }
    negative = x.sign == .minus
    // x = m · 2^e with m odd (or zero), as `float.as_integer_ratio` reduces it.
    var m = x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)
    var e = Int(x.exponentBitPattern) - 1075 + (x.isNormal ? 0 : 1)
    if m == 0 {
      digits = [0]
      exponent = 0
      return
    }
    while m & 1 == 0 {
      m >>= 1
      e += 1
    }
    // Least significant digit first while multiplying.
    var n: [UInt8] = []
    var v = m
    while v > 0 {
      n.append(UInt8(v % 10))
      v /= 10
    }
    func multiply(by k: UInt8) {
      var carry = 0
      for i in n.indices {
        let p = Int(n[i]) * Int(k) + carry
        n[i] = UInt8(p % 10)
        carry = p / 10
      }
      while carry > 0 {
        n.append(UInt8(carry % 10))
        carry /= 10
      }
    }
    // The digits of m · 2^e for e ≥ 0; of m · 5^-e below, with the exponent e (m · 2^e =
    // m · 5^-e · 10^e).
    for _ in 0..<abs(e) { multiply(by: e > 0 ? 2 : 5) }
    digits = n.reversed()
    exponent = min(e, 0)
    if let precision, precision > 0, digits.count > precision { round(to: precision) }
  }

  /// Rounds half-even to `count` significant digits (`Context._fix`).
  private mutating func round(to count: Int) {
    let dropped = digits[count...]
    var kept = Array(digits[..<count])
    exponent += dropped.count
    let first = dropped.first!
    let restZero = dropped.dropFirst().allSatisfy { $0 == 0 }
    let up = first > 5 || (first == 5 && (!restZero || kept.last! % 2 == 1))
    if up {
      var i = kept.count - 1
      while i >= 0 && kept[i] == 9 {
        kept[i] = 0
        i -= 1
      }
      if i >= 0 {
        kept[i] += 1
      } else {
        // 99…9 rounded up: 100…0 has one digit too many.
        kept = [1] + kept.dropLast()
        exponent += 1
      }
    }
    digits = kept
  }

  /// `str(Decimal)`: plain notation while the exponent is not positive and the number is not
  /// below 1E-6, else one digit before the point and `E±n`.
  var description: String {
    let coefficient = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    let left = exponent + digits.count
    let dot = exponent <= 0 && left > -6 ? left : 1
    var out = negative ? "-" : ""
    if dot <= 0 {
      out += "0." + String(repeating: "0", count: -dot) + coefficient
    } else if dot >= digits.count {
      out += coefficient + String(repeating: "0", count: dot - digits.count)
    } else {
      let cut = coefficient.index(coefficient.startIndex, offsetBy: dot)
      out += coefficient[..<cut] + "." + coefficient[cut...]
    }
    if left != dot { out += "E" + (left - dot > 0 ? "+" : "") + String(left - dot) }
    return out
  }
}
