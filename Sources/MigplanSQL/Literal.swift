import MigplanModel
import MigplanSyntax

/// SQL literals as Django's PostgreSQL backend writes them into `sqlmigrate` output: a field's
/// default prepared by `get_db_prep_save` and quoted by psycopg 3's `sql.quote`.
///
/// Values only known when the migration runs are written as the placeholders of the oracle's
/// masking (`'<now>'::timestamptz`, `'<today>'::date`, `'<now>'::time`, `'<uuid4>'::uuid`);
/// a default migplan cannot compute is `'<unknown default: …>'`.
public enum Literal {
  /// What a default migplan cannot compute names in `statement` (`make_code()` of
  /// `'<unknown default: make_code()>'`), nil when it holds none.
  public static func unknownDefault(in statement: String) -> String? {
    guard let start = statement.firstRange(of: unknown(nil).dropLast(2)) else { return nil }
    var rest = statement[start.upperBound...]
    if rest.hasPrefix(": ") { rest = rest.dropFirst(2) }
    let end = rest.firstRange(of: ">'")?.lowerBound ?? rest.endIndex
    return rest[..<end].isEmpty ? "a value" : String(rest[..<end]).replacing("''", with: "'")
  }

  /// psycopg's quoting of a Python string: `'…'` with `'` doubled; backslashes make it `E'…'`
  /// with backslashes doubled and a leading space, as psycopg writes it.
  public static func string(_ s: String) -> String {
    let body = s.replacing("'", with: "''")
    if s.contains("\\") {
      return " E'" + body.replacing("\\", with: "\\\\") + "'"
    }
    return "'" + body + "'"
  }

  /// The placeholder of a default migplan cannot compute, saying what it is when known: a
  /// string literal, its quotes doubled (`Decimal(''1.5'')`).
  static func unknown(_ what: String?) -> String {
    what.map { "'<unknown default: \($0.replacing("'", with: "''"))>'" } ?? "'<unknown default>'"
  }

  /// Callables whose result migplan knows, by import path.
  static func callResult(_ path: String, internalType: String) -> String? {
    switch path {
    case "django.utils.timezone.now", "datetime.datetime.now", "datetime.datetime.utcnow":
      switch internalType {
      case "DateField": return "'<today>'::date"
      case "TimeField": return "'<now>'::time"
      default: return "'<now>'::timestamptz"
      }
    case "datetime.date.today": return "'<today>'::date"
    case "uuid.uuid4", "uuid.uuid1":
      // `CharField.to_python` makes the UUID a string: 36 characters with dashes (wger).
      if textTypes.contains(internalType) { return "'<uuid4>'" }
      return internalType == "UUIDField" ? "'<uuid4>'::uuid" : nil
    default: return nil
    }
  }

  /// Defaults that third-party apps compute with a function, by the function's path, with the
  /// value the function returns on a default configuration.
  static let knownCallables: [String: Value] = [
    // OSCAR_DEFAULT_CURRENCY's default.
    "oscar.core.utils.get_default_currency": .string("GBP", .init(0, 0)),
    // The root collection wagtailcore's data migration creates has id 1.
    "wagtail.models.get_root_collection_id": .int("1", .init(0, 0)),
    "wagtail.models.media.get_root_collection_id": .int("1", .init(0, 0)),
    "wagtail.core.models.get_root_collection_id": .int("1", .init(0, 0)),
    // A class attribute of django-cms's model (`TEMPLATE_DEFAULT = TEMPLATE_INHERITANCE_MAGIC`).
    "cms.models.PageContent.TEMPLATE_DEFAULT": .string("INHERIT", .init(0, 0)),
    "cms.models.contentmodels.PageContent.TEMPLATE_DEFAULT": .string("INHERIT", .init(0, 0)),
    // FILER_IS_PUBLIC_DEFAULT's default.
    "filer.models.filemodels.is_public_default": .bool(true, .init(0, 0)),
  ]

  /// Calls with arguments whose result migplan knows, by their Python text.
  static let knownCalls: [String: Value] = [
    // django-cms: CMS_DEFAULT_X_FRAME_OPTIONS defaults to X_FRAME_OPTIONS_INHERIT (0).
    "cms.utils.conf.get_cms_setting('DEFAULT_X_FRAME_OPTIONS')": .int("0", .init(0, 0))
  ]

  /// Django's `_effective_default` + `get_db_prep_save` + quoting for a field, or nil when the
  /// field has no effective default (SQL NULL).
  static func effectiveDefault(_ f: SQLField, _ time: LiteralSettings) -> String? {
    let none = f.field.known?.nonePrepared
    // A class that prepares values itself: what it makes of a value is its own (None and an
    // empty list or dict are taken to stay as they are, as Django's fields and the element-wise
    // overrides of nautobot, pulpcore and oauth2_provider keep them).
    if let method = f.field.known?.prepares, !Self.isEmptyContainer(f.field.defaultValue) {
      let value: String? =
        f.field.defaultValue.flatMap { d in
          switch d {
          case .none: nil
          case .reference(let path, _): Construct.lastName(path) + "()"
          default: d.python
          }
        }
        ?? (!f.null && f.blank && f.emptyStringsAllowed ? "''" : nil)
      if let value { return unknown("\(value) as \(method) prepares it") }
    }
    if let d = f.field.defaultValue {
      if case .none = d, let none { return prepared(none, f, time) }
      return prepared(d, f, time)
    }
    if !f.null && f.blank && f.emptyStringsAllowed {
      switch f.internalType {
      case "BinaryField": return prepared(.bytes([], .init(0, 0)), f, time)
      // wagtail's StreamField: `""` as JSON.
      case "JSONField": return prepared(.string("", .init(0, 0)), f, time)
      default: return "''"
      }
    }
    let autoNow =
      (f.field.argument("auto_now")?.truth ?? false)
      || (f.field.argument("auto_now_add")?.truth ?? false)
    if autoNow { return callResult("django.utils.timezone.now", internalType: f.internalType) }
    return none.flatMap { prepared($0, f, time) }
  }

  /// `dict`, `list`, `{}` or `[]`.
  static func isEmptyContainer(_ v: Value?) -> Bool {
    switch v {
    case .reference("builtins.dict", _)?, .reference("builtins.list", _)?: return true
    case .dict(let items, _)?: return items.isEmpty
    case .list(let items, _)?: return items.isEmpty
    default: return false
    }
  }

  /// A default value converted for the field's type and quoted.
  static func prepared(_ v: Value, _ f: SQLField, _ time: LiteralSettings) -> String? {
    // A value the field's own Python turns into what the database gets.
    func stored(_ v: Value) -> String {
      unknown("\(v.python) as \(Construct.lastName(f.field.path)) stores it")
    }
    // `ForeignKey.get_db_prep_save`: `''` is NULL when the target's type has no empty string
    // (wger's `ForeignKey(default="")` to an integer key: no DEFAULT).
    if let target = f.target, !target.emptyStringsAllowed, case .string("", _) = v { return nil }
    // `ForeignKey.get_db_prep_save`: the value as the target field prepares it (a UUID key's
    // `default=1` is `UUID(int=1)`, a text key's is `'1'`; djangocms-versioning 0007).
    if f.internalType == "ForeignKey" || f.internalType == "OneToOneField",
      let target = f.target
    {
      return prepared(v, target.rendered, time)
    }
    var v = v
    switch v {
    case .reference(let path, _):
      if let known = callResult(path, internalType: f.internalType) { return known }
      if let known = knownCallables[path] {
        v = known
      } else if path == "builtins.dict" {
        v = .dict([], .init(0, 0))
      } else if path == "builtins.list" {
        v = .list([], .init(0, 0))
      } else if let returned = time.classes?.call(path, [], [], at: v.range, dicts: true) {
        v = returned
      } else {
        return unknown(path + "()")
      }
    case .function(let name, _):
      return unknown(name + "()")
    case .call(let callee, let args, let keywords, _):
      // Called where the migration is imported (`default=timezone.now()`): a run-time value
      // all the same.
      if args.isEmpty, keywords.isEmpty,
        let known = callResult(callee, internalType: f.internalType)
      {
        return known
      }
      // `datetime.datetime.now(datetime.timezone.utc)`: an aware moment of the run.
      if callee == "datetime.datetime.now", args.count + keywords.count == 1,
        keywords.allSatisfy({ $0.name == "tz" }),
        Moment.offset(args.first ?? keywords[0].value) != nil
      {
        return callResult(callee, internalType: f.internalType)
      }
      if let moment = Moment(v) {
        return moment.prepared(for: f.internalType, time) ?? unknown(v.python)
      }
      if let known = knownCalls[v.python] {
        v = known
      } else if case .call("decimal.Decimal", _, _, _) = v, f.internalType == "DecimalField" {
        break  // written below
      } else {
        return unknown(v.python)
      }
    case .unresolved(_, let why):
      return unknown(why)
    // A string the field's `to_python` parses (tendenci's `DateTimeField(default="2022-…")`).
    case .string(let s, _):
      switch f.internalType {
      case "DateTimeField", "DateField", "TimeField":
        return Moment(parsing: s, for: f.internalType)?.prepared(for: f.internalType, time)
          ?? stored(v)
      case "UUIDField": return uuid(s) ?? stored(v)
      // `adapt_ipaddressfield_value`: `ipaddress.ip_address` (psycopg writes its `str()`),
      // none for an empty string.
      case "GenericIPAddressField", "IPAddressField":
        let unpack = f.field.argument("unpack_ipv4")?.truth ?? false
        if s.isEmpty { return nil }
        guard let address = s.contains(":") ? ipv6(s, unpack: unpack) : ipv4(s) else {
          return stored(v)
        }
        return Literal.string(address) + "::inet"
      default: break
      }
    default: break
    }
    if case .none = v { return nil }
    switch f.internalType {
    case "ArrayField":
      return array(v) ?? stored(v)
    case "JSONField":
      return json(v).map { Literal.string($0) + "::jsonb" } ?? stored(v)
    // psycopg's hstore dumper writes an empty dict as `''` (pulpcore's `default=dict`).
    case "HStoreField":
      if case .dict(let items, _) = v, items.isEmpty { return "''::hstore" }
      return stored(v)
    case "BooleanField", "NullBooleanField":
      guard let t = v.truth else { return stored(v) }
      return t ? "true" : "false"
    case "IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
      "PositiveSmallIntegerField", "PositiveBigIntegerField", "AutoField", "BigAutoField",
      "SmallAutoField", "ForeignKey", "OneToOneField":
      switch v {
      case .int(let s, _): return s.hasPrefix("-") ? " " + s : s
      case .bool(let b, _): return b ? "1" : "0"
      case .float(let d, _): return String(Int(d))
      case .string(let s, _): return Int(s).map(String.init) ?? Literal.string(s)
      default: return stored(v)
      }
    case "DecimalField":
      // `DecimalField.to_python`: `Decimal(value)`, a float rounded to `max_digits` digits.
      func decimal(_ v: Value, precision: Int?) -> PythonDecimal? {
        switch v {
        case .string(let s, _), .int(let s, _): return PythonDecimal(s)
        case .float(let x, _): return PythonDecimal(x, precision: precision)
        case .bool(let b, _): return PythonDecimal(b ? "1" : "0")
        default: return nil
        }
      }
      var d: PythonDecimal?
      if case .call(_, let args, let keywords, _) = v {
        d = args.count == 1 && keywords.isEmpty ? decimal(args[0], precision: nil) : nil
      } else {
        var digits = 28  // `decimal.Context(prec=None)`: the default context's
        if case .int(let s, _)? = f.field.argument("max_digits"), let n = Int(s) { digits = n }
        d = decimal(v, precision: digits)
      }
      guard let d else { return unknown(v.python) }
      // psycopg writes a negative number with a space before it.
      return d.negative ? " " + d.description : d.description
    // psycopg's bytes dumper on the connection `sqlmigrate` opens: hex, cast, the empty value
    // too (`'\x'::bytea`).
    case "BinaryField":
      guard case .bytes(let b, _) = v else { return stored(v) }
      let digits = Array("0123456789abcdef".utf8)
      var hex: [UInt8] = []
      for x in b { hex += [digits[Int(x >> 4)], digits[Int(x & 15)]] }
      return "'\\x" + String(decoding: hex, as: UTF8.self) + "'::bytea"
    // `UUIDField.to_python` of an integer: `uuid.UUID(int=…)`, which raises outside 0..<2¹²⁸.
    case "UUIDField":
      guard case .int(let s, _) = v, let n = UInt128(s) else { return stored(v) }
      let hex = String(n, radix: 16)
      return "'" + String(repeating: "0", count: 32 - hex.count) + hex + "'::uuid"
    case "FloatField":
      switch v {
      case .int(let s, _): return s + ".0"
      case .float(let d, _): return PythonRepr.float(d, addDotZero: true)
      default: return stored(v)
      }
    default:
      switch v {
      case .string(let s, _): return Literal.string(s)
      case .int(let s, _): return Literal.string(s)
      // `CharField.to_python` makes any other value its `str()`: `b''` is `"b''"`.
      case .bytes(let b, _) where textTypes.contains(f.internalType):
        return Literal.string(PythonRepr.bytes(b))
      // `default=dict` or `list` on a text field (openwisp-controller): `str({})`, `str([])`.
      case .dict(let items, _) where items.isEmpty && textTypes.contains(f.internalType):
        return Literal.string("{}")
      case .list(let items, _) where items.isEmpty && textTypes.contains(f.internalType):
        return Literal.string("[]")
      case .bool(let b, _): return Literal.string(b ? "True" : "False")
      case .setting(_, let s, _): return Literal.string(s)
      default: return stored(v)
      }
    }
  }

  /// What `UUIDField.to_python` makes of a string (`uuid.UUID(hex=…)`: braces, a `urn:uuid:`
  /// prefix and dashes dropped, 32 hex digits) as psycopg writes it: the lower-case digits,
  /// cast; nil when Python raises.
  static func uuid(_ s: String) -> String? {
    let brace: (Character) -> Bool = { $0 == "{" || $0 == "}" }
    let digits = s.replacing("urn:", with: "").replacing("uuid:", with: "")
      .drop(while: brace).reversed().drop(while: brace).reversed().filter { $0 != "-" }
    guard digits.count == 32, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
    return "'\(String(digits).lowercased())'::uuid"
  }

  /// Django's `clean_ipv6_address` of an address with a `:` as psycopg writes it
  /// (`str(ipaddress.IPv6Address(…))`: lower-case groups without leading zeros, the longest run
  /// of two or more zero groups as `::`; an IPv4-mapped one as `a.b.c.d` with `unpack_ipv4`);
  /// nil for what Python rejects or migplan does not write.
  static func ipv6(_ s: String, unpack: Bool) -> String? {
    // `clean_ipv6_address` reads up to 39 characters (longer values go to `ip_address` as
    // they are); it drops a scope (`%eth0`).
    let cleaned = s.count <= 39
    var address = Substring(s)
    if let percent = s.firstIndex(of: "%") {
      let scope = s[s.index(after: percent)...]
      guard cleaned, !scope.isEmpty, !scope.contains("%") else { return nil }
      address = s[..<percent]
    }
    guard let all = ipv6Groups(address) else { return nil }
    // IPv4-mapped: `::ffff:a.b.c.d`, whose `str()` differs between Python versions (3.13
    // writes it dotted) unless `unpack_ipv4` makes it the IPv4 address.
    if all[..<5].allSatisfy({ $0 == 0 }) && all[5] == 0xffff {
      guard unpack, cleaned else { return nil }
      return [all[6] >> 8, all[6] & 0xff, all[7] >> 8, all[7] & 0xff].map(String.init)
        .joined(separator: ".")
    }
    // The longest run of zero groups (the first of equals), when it is two or more.
    var best = (start: -1, count: 0)
    var i = 0
    while i < 8 {
      guard all[i] == 0 else {
        i += 1
        continue
      }
      var j = i
      while j < 8 && all[j] == 0 { j += 1 }
      if j - i > best.count { best = (i, j - i) }
      i = j
    }
    let hex = all.map { String($0, radix: 16) }
    guard best.count >= 2 else { return hex.joined(separator: ":") }
    return hex[..<best.start].joined(separator: ":") + "::"
      + hex[(best.start + best.count)...].joined(separator: ":")
  }

  /// `ipaddress.IPv4Address`'s reading: four decimal octets up to 255 without leading zeros;
  /// nil for what Python rejects.
  static func ipv4Octets(_ s: Substring) -> [UInt16]? {
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var out: [UInt16] = []
    for p in parts {
      guard (1...3).contains(p.count), p.allSatisfy({ $0.isASCII && $0.isNumber }),
        let n = UInt16(p), n < 256, p == "0" || !p.hasPrefix("0")
      else { return nil }
      out.append(n)
    }
    return out
  }

  /// An IPv4 address as `str(ipaddress.ip_address(s))` writes it; nil when Python rejects it.
  static func ipv4(_ s: String) -> String? {
    ipv4Octets(Substring(s)).map { $0.map(String.init).joined(separator: ".") }
  }

  /// The eight groups of an IPv6 address without a scope as `ipaddress.IPv6Address` reads
  /// it; nil for what it rejects.
  static func ipv6Groups(_ s: Substring) -> [UInt16]? {
    func groups(_ part: Substring) -> [UInt16]? {
      if part.isEmpty { return [] }
      var out: [UInt16] = []
      for g in part.split(separator: ":", omittingEmptySubsequences: false) {
        guard (1...4).contains(g.count), g.allSatisfy(\.isHexDigit), let n = UInt16(g, radix: 16)
        else { return nil }
        out.append(n)
      }
      return out
    }
    var text = s
    var tail: [UInt16] = []
    // A dotted IPv4 address in the last two groups.
    if let colon = text.lastIndex(of: ":"), text[text.index(after: colon)...].contains(".") {
      guard let bytes = ipv4Octets(text[text.index(after: colon)...]) else { return nil }
      tail = [bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3]]
      text = text[...colon]
      if !text.hasSuffix("::") { text = text.dropLast() }
    }
    var all: [UInt16]
    if let r = text.firstRange(of: "::") {
      guard text[r.upperBound...].firstRange(of: "::") == nil,
        let head = groups(text[..<r.lowerBound]),
        let rest = groups(text[r.upperBound...]), head.count + rest.count + tail.count < 8
      else { return nil }
      all =
        head + Array(repeating: 0, count: 8 - head.count - rest.count - tail.count) + rest + tail
    } else {
      guard let g = groups(text), g.count + tail.count == 8 else { return nil }
      all = g + tail
    }
    return all
  }

  /// Internal types whose `to_python` makes a value its `str()` (`CharField`'s).
  static let textTypes: Set<String> = ["CharField", "TextField", "SlugField"]

  /// psycopg 3's `sql.quote` of a Python list (ArrayField's `get_db_prep_value` keeps lists of
  /// strings, ints and bools as they are): the array's text form `{a,"b c",NULL}` as a string
  /// literal, cast to `int2[]`/`int4[]`/`int8[]`/`numeric[]` (the smallest type that holds the
  /// largest item) or `bool[]`; strings, empty lists and lists of None are not cast. Nil for
  /// other items.
  static func array(_ v: Value) -> String? {
    var ints: [Int?] = []
    var kinds: Set<String> = []
    var writable = true
    func text(_ v: Value) -> String {
      if let xs = v.items { return "{" + xs.map(text).joined(separator: ",") + "}" }
      switch v {
      case .none: return "NULL"
      case .string(let s, _):
        kinds.insert("str")
        guard needsQuotes(s) else { return s }
        return "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
      case .int(let s, _):
        kinds.insert("int")
        ints.append(Int(s))
        return s
      case .bool(let b, _):
        kinds.insert("bool")
        return b ? "t" : "f"
      default:
        writable = false
        return ""
      }
    }
    guard v.items != nil else { return nil }
    let literal = Literal.string(text(v))
    guard writable, kinds.count <= 1 else { return nil }
    switch kinds.first {
    case "bool": return literal + "::bool[]"
    case "int":
      // psycopg dumps the list with the dumper of its largest item (by magnitude).
      let values = ints.compactMap { $0 }
      guard values.count == ints.count else { return literal + "::numeric[]" }
      let lo = values.min()!
      let hi = values.max()!
      let r = lo >= 0 ? hi : max(hi, -lo - 1)
      if r < 1 << 15 { return literal + "::int2[]" }
      if r < 1 << 31 { return literal + "::int4[]" }
      return literal + "::int8[]"
    default: return literal
    }
  }

  /// Whether psycopg quotes an array item: empty, `NULL` in any case, or holding `"{},\` or
  /// white space.
  static func needsQuotes(_ s: String) -> Bool {
    if s.isEmpty || s.lowercased() == "null" { return true }
    let special: Set<Unicode.Scalar> = [
      "\"", "{", "}", ",", "\\", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}",
      "\u{1680}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    return s.unicodeScalars.contains {
      special.contains($0) || (0x2000...0x200A).contains($0.value)
    }
  }

  /// `json.dumps` with Python's default separators; nil for a value it cannot write (Django's
  /// `JSONField` raises `TypeError` on a `Decimal` or a set) or migplan does not know (a name
  /// imported from a module it could not read).
  static func json(_ v: Value) -> String? {
    func float(_ d: Double) -> String {
      if d.isNaN { return "NaN" }
      if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
      return PythonRepr.float(d, addDotZero: true)
    }
    switch v {
    case .none: return "null"
    case .bool(let b, _): return b ? "true" : "false"
    case .int(let s, _): return s
    case .float(let d, _): return float(d)
    case .string(let s, _), .setting(_, let s, _): return jsonString(s)
    case .list(let xs, _), .tuple(let xs, _):
      var items: [String] = []
      for x in xs {
        guard let j = json(x) else { return nil }
        items.append(j)
      }
      return "[" + items.joined(separator: ", ") + "]"
    case .dict(let entries, _):
      var items: [String] = []
      for e in entries {
        // The encoder's keys: a string as it is, a number, bool or None as its JSON text.
        let key: String
        switch e.key {
        case .string(let k, _), .setting(_, let k, _): key = k
        case .int(let k, _): key = k
        case .float(let d, _): key = float(d)
        case .bool(let b, _): key = b ? "true" : "false"
        case .none: key = "null"
        default: return nil
        }
        guard let value = json(e.value) else { return nil }
        items.append(jsonString(key) + ": " + value)
      }
      return "{" + items.joined(separator: ", ") + "}"
    default: return nil
    }
  }

  /// A JSON string as `json.dumps` writes it (`ensure_ascii=True`).
  static func jsonString(_ s: String) -> String { PythonRepr.json(s, asciiOnly: true) }
}
