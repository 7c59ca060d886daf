#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `value` with `digits` decimals, as C's `%.*f` (and Python's `%.Nf`) writes it.
func fixed(_ value: Double, _ digits: Int) -> String {
  var buffer = [CChar](repeating: 0, count: 400)
  _ = withVaList([Int32(digits), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
  return String(cString: buffer)
}
