extension LexerCore {
  @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

  /// A number literal at `i` (a digit, or `.` followed by a digit), following CPython 3.11:
  /// underscores only between digits, no leading zeros in non-zero decimals, and a number
  /// directly followed by `and else for if in is not or` ends before the keyword.
  /// On an error the token also covers the rest of the identifier-like run.
  mutating func lexNumber() {
    let s = i
    var j = s
    var flags: TokenFlags = []
    var failure: String? = nil

    /// Digits with single underscores between them, from a digit at `j`; nil when an
    /// underscore is not followed by a digit.
    func decimalTail(_ start: Int) -> Int? {
      var k = start
      while true {
        while k < n && isDigit(p[k]) { k += 1 }
        if at(k) != UInt8(ascii: "_") { return k }
        k += 1
        if !isDigit(at(k)) { return nil }
      }
    }

    /// CPython's `verify_end_of_number`: nil when the number may end before byte `k`.
    func endProblem(_ k: Int, _ kind: String) -> String? {
      let c = at(k)
      if k >= n { return nil }
      var keywordFollows = false
      switch c {
      case UInt8(ascii: "a"): keywordFollows = at(k + 1) == 110 && at(k + 2) == 100  // nd
      case UInt8(ascii: "e"):
        keywordFollows = at(k + 1) == 108 && at(k + 2) == 115 && at(k + 3) == 101  // lse
      case UInt8(ascii: "f"): keywordFollows = at(k + 1) == 111 && at(k + 2) == 114  // or
      case UInt8(ascii: "i"):
        let d = at(k + 1)
        keywordFollows = d == 102 || d == 110 || d == 115  // if in is
      case UInt8(ascii: "o"): keywordFollows = at(k + 1) == 114  // r
      case UInt8(ascii: "n"): keywordFollows = at(k + 1) == 111 && at(k + 2) == 116  // ot
      default: break
      }
      if keywordFollows { return nil }
      if isClass(c, ByteClass.potentialIdentifier) { return "invalid \(kind) literal" }
      return nil
    }

    /// Fraction digits from `k` (just after the `.`), exponent and `j` suffix.
    func afterIntegerPart(_ k0: Int, sawDot: Bool) -> Int {
      var k = k0
      if sawDot {
        flags.insert(.float)
        if isDigit(at(k)) {
          guard let e = decimalTail(k) else {
            failure = "invalid decimal literal"
            return k
          }
          k = e
        }
      }
      let c = at(k)
      if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
        var m = k + 1
        let sign = at(m)
        if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
          m += 1
          if !isDigit(at(m)) {
            failure = "invalid decimal literal"
            return m
          }
        } else if !isDigit(sign) {
          // Not an exponent: the number ends before the `e` (as in `1else`).
          failure = endProblem(k, "decimal")
          return k
        }
        guard let e = decimalTail(m) else {
          failure = "invalid decimal literal"
          return m
        }
        flags.insert(.float)
        k = e
      }
      let d = at(k)
      if d == UInt8(ascii: "j") || d == UInt8(ascii: "J") {
        flags.insert(.imaginary)
        k += 1
        failure = endProblem(k, "imaginary")
      } else {
        failure = endProblem(k, "decimal")
      }
      return k
    }

    /// Digits of a `0x`/`0o`/`0b` literal starting at `k`, with single underscores.
    func radixDigits(_ k0: Int, _ name: String, _ isValid: (UInt8) -> Bool) -> Int {
      var k = k0
      repeat {
        if at(k) == UInt8(ascii: "_") { k += 1 }
        let c = at(k)
        if k >= n || !isValid(c) {
          if name != "hexadecimal" && isDigit(c) && k < n {
            failure = "invalid digit '\(Character(Unicode.Scalar(c)))' in \(name) literal"
          } else {
            failure = "invalid \(name) literal"
          }
          return k
        }
        repeat { k += 1 } while k < n && isValid(p[k])
      } while at(k) == UInt8(ascii: "_")
      let c = at(k)
      if name != "hexadecimal" && isDigit(c) {
        failure = "invalid digit '\(Character(Unicode.Scalar(c)))' in \(name) literal"
        return k
      }
      failure = endProblem(k, name)
      return k
    }

    let c0 = p[s]
    if c0 == UInt8(ascii: ".") {
      j = afterIntegerPart(s + 1, sawDot: true)
    } else if c0 == UInt8(ascii: "0") {
      let c1 = at(s + 1) | 0x20
      if c1 == UInt8(ascii: "x") {
        flags.insert(.radixPrefix)
        j = radixDigits(s + 2, "hexadecimal") { self.isClass($0, ByteClass.hexDigit) }
      } else if c1 == UInt8(ascii: "o") {
        flags.insert(.radixPrefix)
        j = radixDigits(s + 2, "octal") { $0 &- UInt8(ascii: "0") < 8 }
      } else if c1 == UInt8(ascii: "b") {
        flags.insert(.radixPrefix)
        j = radixDigits(s + 2, "binary") { $0 &- UInt8(ascii: "0") < 2 }
      } else {
        // `0`, `00`, `0_0`, or a float/imaginary starting with zeros; `012` is an error.
        var k = s + 1
        var bad = false
        while true {
          if at(k) == UInt8(ascii: "_") {
            k += 1
            if !isDigit(at(k)) {
              bad = true
              break
            }
          }
          if at(k) != UInt8(ascii: "0") { break }
          k += 1
        }
        if bad {
          failure = "invalid decimal literal"
          j = k
        } else {
          var nonzero = false
          if isDigit(at(k)) {
            nonzero = true
            if let e = decimalTail(k) {
              k = e
            } else {
              failure = "invalid decimal literal"
            }
          }
          if failure != nil {
            j = k
          } else {
            let c = at(k)
            if c == UInt8(ascii: ".") {
              j = afterIntegerPart(k + 1, sawDot: true)
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "j")
              || c == UInt8(ascii: "J")
            {
              j = afterIntegerPart(k, sawDot: false)
            } else if nonzero {
              failure =
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
              j = k
            } else {
              j = k
              failure = endProblem(k, "decimal")
            }
          }
        }
      }
    } else {
      if let e = decimalTail(s) {
        if at(e) == UInt8(ascii: ".") {
          j = afterIntegerPart(e + 1, sawDot: true)
        } else {
          j = afterIntegerPart(e, sawDot: false)
        }
      } else {
        failure = "invalid decimal literal"
        j = s + 1
      }
    }
    if let message = failure {
      // Take the rest of the identifier-like run so lexing resumes at a sensible place.
      while j < n && isClass(p[j], ByteClass.potentialIdentifier) { j += 1 }
      if j == s { j = s + 1 }
      emit(.number, s, j, flags)
      error(s, j, message)
    } else {
      emit(.number, s, j, flags)
    }
    i = j
  }
}
