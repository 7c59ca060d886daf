import MigplanModel
import MigplanSyntax

/// What writing a default as SQL needs from the project: Django's `USE_TZ` and `TIME_ZONE`, as
/// far as they decide how a default that is a fixed point in time is prepared for its column (a
/// naive datetime is made aware in `TIME_ZONE`, an aware one is made naive there before a
/// `DateField` takes its date), and the project's modules, for a default one of their
/// functions returns.
public struct LiteralSettings: Sendable, Equatable {
  /// `USE_TZ` (Django's default: `True`); nil when migplan cannot tell.
  public var useTZ: Bool?
  /// `TIME_ZONE`; nil when migplan cannot tell.
  public var timeZone: String?
  /// The project's modules: a callable default that is a function of theirs returning a
  /// constant is that constant (pretalx's `default=default_settings`). Not a setting: `==`
  /// leaves it out.
  public var classes: FieldClasses? = nil

  public static func == (a: LiteralSettings, b: LiteralSettings) -> Bool {
    a.useTZ == b.useTZ && a.timeZone == b.timeZone
  }

  public init(useTZ: Bool?, timeZone: String?) {
    self.useTZ = useTZ
    self.timeZone = timeZone
  }

  /// The two settings as the project gives them: the config's, else the settings module's,
  /// else `True` and `"UTC"` (what `startproject` writes; `Loader.load(roots:config:)` puts
  /// Django's own `"America/Chicago"` in `values` when a settings module read in full sets no
  /// `TIME_ZONE`).
  public init(_ settings: Settings) {
    classes = settings.fieldClasses
    if let literal = settings.literals["USE_TZ"] {
      useTZ = literal.truth
    } else {
      useTZ = settings.unknown.contains("USE_TZ") ? nil : true
    }
    if let zone = settings.values["TIME_ZONE"] {
      timeZone = zone
    } else {
      let unreadable =
        settings.literals["TIME_ZONE"] != nil || settings.unknown.contains("TIME_ZONE")
      timeZone = unreadable ? nil : "UTC"
    }
  }

  /// Time zone names that are UTC all year, the only zones migplan converts in.
  static let utcNames: Set<String> = [
    "UTC", "Etc/UTC", "UCT", "Etc/UCT", "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0", "Etc/GMT+0",
    "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich", "Universal", "Etc/Universal", "Zulu",
    "Etc/Zulu",
  ]

  /// Whether a naive datetime means UTC and an aware one is converted to UTC (`USE_TZ` on, in a
  /// UTC `TIME_ZONE`): nil when migplan cannot tell or has no offsets for the zone.
  var convertsInUTC: Bool? {
    guard let useTZ else { return nil }
    if !useTZ { return false }
    guard let timeZone, Self.utcNames.contains(timeZone) else { return nil }
    return true
  }
}

extension Literal {
  /// A value of Python's `datetime` module as its constructor makes it from a migration's call
  /// (`datetime.datetime(2016, 1, 11, 18, 44, tzinfo=datetime.timezone.utc)`).
  enum Moment: Equatable {
    /// `datetime.datetime`; `offset` is the `tzinfo`'s in seconds east of UTC, nil when naive.
    case dateTime(Day, Clock, offset: Int?)
    case date(Day)
    /// A naive `datetime.time`.
    case time(Clock)
    /// `datetime.timedelta`, normalised as Python keeps it (`0 <= seconds < 86400`,
    /// `0 <= microseconds < 1000000`).
    case duration(days: Int, seconds: Int, microseconds: Int)

    /// A calendar day.
    struct Day: Equatable {
      var year: Int
      var month: Int
      var day: Int
    }

    /// A time of day.
    struct Clock: Equatable {
      var hour = 0
      var minute = 0
      var second = 0
      var microsecond = 0
    }

    /// The value of a call of `datetime.datetime`, `datetime.date`, `datetime.time` or
    /// `datetime.timedelta` with integer arguments (and a UTC or fixed-offset `tzinfo`); nil for
    /// anything else, and for what Python's constructor rejects.
    init?(_ v: Value) {
      guard case .call(let callee, let args, let keywords, _) = v else { return nil }
      // `pytz.utc.localize(datetime.datetime(…))` (what Django 1.x's makemigrations wrote for a
      // one-off default): the naive moment at UTC.
      if callee.hasSuffix(".localize"), args.count == 1, keywords.isEmpty,
        Self.offset(.reference(String(callee.dropLast(9)), v.range)) == 0,
        case .dateTime(let day, let clock, offset: nil)? = Moment(args[0])
      {
        self = .dateTime(day, clock, offset: 0)
        return
      }
      switch callee {
      case "datetime.datetime":
        guard
          let a = Self.arguments(
            args, keywords,
            ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"],
            keywordOnly: ["fold"]),
          let day = Self.day(a), let clock = Self.clock(a)
        else { return nil }
        var offset: Int? = nil
        switch a["tzinfo"] {
        case nil, .some(.none): break
        case let tz?:
          guard let o = Self.offset(tz) else { return nil }
          offset = o
        }
        self = .dateTime(day, clock, offset: offset)
      case "datetime.date":
        guard let a = Self.arguments(args, keywords, ["year", "month", "day"]),
          let day = Self.day(a)
        else { return nil }
        self = .date(day)
      case "datetime.time":
        guard
          let a = Self.arguments(
            args, keywords, ["hour", "minute", "second", "microsecond", "tzinfo"],
            keywordOnly: ["fold"]),
          let clock = Self.clock(a)
        else { return nil }
        // An aware time is written with its offset (`timetz`); not read.
        switch a["tzinfo"] {
        case nil, .some(.none): break
        default: return nil
        }
        self = .time(clock)
      case "datetime.timedelta":
        guard
          let a = Self.arguments(
            args, keywords,
            ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"])
        else { return nil }
        var total = 0  // microseconds
        let scale: [(String, Int)] = [
          ("weeks", 604_800_000_000), ("days", 86_400_000_000), ("hours", 3_600_000_000),
          ("minutes", 60_000_000), ("seconds", 1_000_000), ("milliseconds", 1000),
          ("microseconds", 1),
        ]
        for (name, unit) in scale {
          guard let x = a[name] else { continue }
          guard let n = Self.integer(x) else { return nil }
          let (product, o1) = n.multipliedReportingOverflow(by: unit)
          let (sum, o2) = total.addingReportingOverflow(product)
          guard !o1, !o2 else { return nil }
          total = sum
        }
        let perDay = 86_400_000_000
        let days = Self.floorDivision(total, perDay)
        let rest = total - days * perDay
        guard abs(days) <= 999_999_999 else { return nil }
        self = .duration(days: days, seconds: rest / 1_000_000, microseconds: rest % 1_000_000)
      default:
        return nil
      }
    }

    /// The arguments by parameter name: positional ones in `names`' order, then keywords; nil
    /// for too many, repeated, unknown or `**` arguments.
    static func arguments(
      _ args: [Value], _ keywords: [Keyword], _ names: [String], keywordOnly: Set<String> = []
    ) -> [String: Value]? {
      guard args.count <= names.count else { return nil }
      var out: [String: Value] = [:]
      for (i, a) in args.enumerated() { out[names[i]] = a }
      for k in keywords {
        guard let name = k.name, names.contains(name) || keywordOnly.contains(name),
          out[name] == nil
        else { return nil }
        out[name] = k.value
      }
      // `fold` only picks the side of a repeated hour; without a zone it changes nothing.
      if let fold = out.removeValue(forKey: "fold") {
        guard let f = integer(fold), f == 0 || f == 1 else { return nil }
      }
      return out
    }

    static func integer(_ v: Value) -> Int? {
      if case .int(let s, _) = v { return Int(s) }
      return nil
    }

    static func day(_ a: [String: Value]) -> Day? {
      guard let y = a["year"].flatMap(integer), let m = a["month"].flatMap(integer),
        let d = a["day"].flatMap(integer), (1...9999).contains(y), (1...12).contains(m),
        d >= 1, d <= daysIn(y, m)
      else { return nil }
      return Day(year: y, month: m, day: d)
    }

    static func clock(_ a: [String: Value]) -> Clock? {
      var c = Clock()
      let parts: [(String, WritableKeyPath<Clock, Int>, Int)] = [
        ("hour", \.hour, 24), ("minute", \.minute, 60), ("second", \.second, 60),
        ("microsecond", \.microsecond, 1_000_000),
      ]
      for (name, path, limit) in parts {
        guard let x = a[name] else { continue }
        guard let n = integer(x), n >= 0, n < limit else { return nil }
        c[keyPath: path] = n
      }
      return c
    }

    /// A `tzinfo`'s offset in seconds: 0 for the UTC objects, `datetime.timezone(timedelta)`'s
    /// for a fixed offset; nil for any other.
    static func offset(_ tz: Value) -> Int? {
      switch tz {
      case .reference(let path, _):
        let utc: Set<String> = [
          "datetime.timezone.utc", "datetime.UTC", "django.utils.timezone.utc", "pytz.utc",
          "pytz.UTC",
        ]
        return utc.contains(path) ? 0 : nil
      case .call("datetime.timezone", let args, let keywords, _)
      where (1...2).contains(args.count) && keywords.isEmpty:
        guard case .duration(let days, let seconds, let micro)? = Moment(args[0]), micro == 0
        else { return nil }
        let total = days * 86_400 + seconds
        guard abs(total) < 86_400 else { return nil }
        return total
      default:
        return nil
      }
    }

    static func daysIn(_ year: Int, _ month: Int) -> Int {
      switch month {
      case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
      case 4, 6, 9, 11: return 30
      default: return 31
      }
    }

    /// `a / b` rounded down, as Python's `//` (`b` positive).
    static func floorDivision(_ a: Int, _ b: Int) -> Int {
      a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// The day and time of day in UTC of a time `offset` seconds east of UTC.
    static func inUTC(_ d: Day, _ c: Clock, offset: Int) -> (Day, Clock) {
      let seconds = c.hour * 3600 + c.minute * 60 + c.second - offset
      let shift = floorDivision(seconds, 86_400)
      let rest = seconds - shift * 86_400
      let clock = Clock(
        hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
        microsecond: c.microsecond)
      return (adding(shift, to: d), clock)
    }

    /// The day `days` after `d` (Howard Hinnant's days-from-civil and back).
    static func adding(_ days: Int, to d: Day) -> Day {
      let y0 = d.month <= 2 ? d.year - 1 : d.year
      let era = (y0 >= 0 ? y0 : y0 - 399) / 400
      let yoe = y0 - era * 400
      let doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1
      let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
      let z = era * 146_097 + doe + days
      let era2 = (z >= 0 ? z : z - 146_096) / 146_097
      let doe2 = z - era2 * 146_097
      let yoe2 = (doe2 - doe2 / 1460 + doe2 / 36_524 - doe2 / 146_096) / 365
      let doy2 = doe2 - (365 * yoe2 + yoe2 / 4 - yoe2 / 100)
      let mp = (5 * doy2 + 2) / 153
      let day = doy2 - (153 * mp + 2) / 5 + 1
      let month = mp < 10 ? mp + 3 : mp - 9
      return Day(year: yoe2 + era2 * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// `str()` of the value, as psycopg 3 sends it (a timedelta without its comma).
    static func text(_ d: Day) -> String {
      pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    static func text(_ c: Clock) -> String {
      let s = pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2)
      return c.microsecond == 0 ? s : s + "." + pad(c.microsecond, 6)
    }

    static func text(offset: Int) -> String {
      let a = abs(offset)
      let s = (offset < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad(a % 3600 / 60, 2)
      return a % 60 == 0 ? s : s + ":" + pad(a % 60, 2)
    }

    static func text(days: Int, seconds: Int, microseconds: Int) -> String {
      var s = "\(seconds / 3600):" + pad(seconds % 3600 / 60, 2) + ":" + pad(seconds % 60, 2)
      if days != 0 { s = "\(days) day\(abs(days) == 1 ? "" : "s") " + s }
      if microseconds != 0 { s += "." + pad(microseconds, 6) }
      return s
    }

    static func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Django's `get_db_prep_save` of the value for a field of `internalType`, quoted as
    /// psycopg 3 quotes what it returns; nil when Django does not take the value for such a field
    /// or the result depends on a time zone migplan cannot convert in.
    func prepared(for internalType: String, _ time: LiteralSettings) -> String? {
      switch (internalType, self) {
      case ("DateTimeField", .dateTime(let d, let c, let offset?)):
        return "'\(Self.text(d)) \(Self.text(c))\(Self.text(offset: offset))'::timestamptz"
      case ("DateTimeField", .dateTime(let d, let c, nil)):
        return Self.naive(d, c, time)
      case ("DateTimeField", .date(let d)):
        // `to_python` makes a date midnight of that day, then as a naive datetime.
        return Self.naive(d, Clock(), time)
      case ("DateField", .dateTime(let d, let c, let offset)):
        guard let offset else { return Self.day(d) }
        guard let utc = time.convertsInUTC else { return nil }
        guard utc else { return Self.day(d) }
        // `make_naive` in UTC, then the date.
        let (day, _) = Self.inUTC(d, c, offset: offset)
        // Past year 9999 or before year 1 Python raises OverflowError.
        guard (1...9999).contains(day.year) else { return nil }
        return Self.day(day)
      case ("DateField", .date(let d)):
        return Self.day(d)
      case ("TimeField", .dateTime(_, let c, _)), ("TimeField", .time(let c)):
        return "'\(Self.text(c))'::time"
      case ("DurationField", .duration(let days, let seconds, let micro)):
        return "'\(Self.text(days: days, seconds: seconds, microseconds: micro))'::interval"
      default:
        return nil
      }
    }

    /// A naive datetime for a `DateTimeField`: made aware in `TIME_ZONE` under `USE_TZ`.
    static func naive(_ d: Day, _ c: Clock, _ time: LiteralSettings) -> String? {
      guard let utc = time.convertsInUTC else { return nil }
      let text = "\(Self.text(d)) \(Self.text(c))"
      return utc ? "'\(text)+00:00'::timestamptz" : "'\(text)'::timestamp"
    }

    static func day(_ d: Day) -> String { "'\(text(d))'::date" }
  }

  /// How PostgreSQL prints a date or time constant written as psycopg writes one
  /// (`'2020-01-01 09:30:00+00:00'::timestamptz`) when `pg_get_expr` shows it with DateStyle ISO
  /// in TimeZone UTC (`2020-01-01 09:30:00+00`); nil for any other text or type.
  static func catalogText(_ s: String, type: String) -> String? {
    let parts = s.split(separator: " ", omittingEmptySubsequences: false)
    switch (type, parts.count) {
    case ("date", 1):
      return Moment.parseDay(parts[0]).map(Moment.text)
    case ("time without time zone", 1):
      return Moment.parseClock(parts[0]).map(Moment.catalogText)
    case ("timestamp without time zone", 2), ("timestamp with time zone", 2):
      var time = parts[1]
      var offset = 0
      if let sign = time.firstIndex(where: { $0 == "+" || $0 == "-" }) {
        guard let o = Moment.parseOffset(time[sign...]) else { return nil }
        offset = o
        time = time[..<sign]
      }
      guard let day = Moment.parseDay(parts[0]), let clock = Moment.parseClock(time) else {
        return nil
      }
      guard type == "timestamp with time zone" else {
        return Moment.text(day) + " " + Moment.catalogText(clock)
      }
      let (d, c) = Moment.inUTC(day, clock, offset: offset)
      return Moment.text(d) + " " + Moment.catalogText(c) + "+00"
    default:
      return nil
    }
  }
}

extension Literal.Moment {
  /// `YYYY-MM-DD`.
  static func parseDay(_ s: Substring) -> Day? {
    let f = s.split(separator: "-", omittingEmptySubsequences: false)
    guard f.count == 3, f[0].count == 4, f[1].count == 2, f[2].count == 2,
      let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]), (1...12).contains(m), d >= 1,
      d <= daysIn(y, m)
    else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// `HH:MM:SS` with an optional fraction of up to six digits.
  static func parseClock(_ s: Substring) -> Clock? {
    let f = s.split(separator: ":", omittingEmptySubsequences: false)
    guard f.count == 3, f[0].count == 2, f[1].count == 2, let h = Int(f[0]), let m = Int(f[1]),
      h < 24, m < 60
    else { return nil }
    let sec = f[2].split(separator: ".", omittingEmptySubsequences: false)
    guard sec[0].count == 2, let s = Int(sec[0]), s < 60, sec.count <= 2 else { return nil }
    var micro = 0
    if sec.count == 2 {
      guard (1...6).contains(sec[1].count), sec[1].allSatisfy(\.isASCII),
        let digits = Int(sec[1] + String(repeating: "0", count: 6 - sec[1].count))
      else { return nil }
      micro = digits
    }
    return Clock(hour: h, minute: m, second: s, microsecond: micro)
  }

  /// `+HH:MM` or `-HH:MM:SS`, in seconds east of UTC.
  static func parseOffset(_ s: Substring) -> Int? {
    guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
    let f = s.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(f.count), f.allSatisfy({ $0.count == 2 }) else { return nil }
    var total = 0
    for (i, x) in f.enumerated() {
      guard let n = Int(x) else { return nil }
      total += n * [3600, 60, 1][i]
    }
    return sign == "-" ? -total : total
  }

  /// A time of day as PostgreSQL prints one: the fraction without its trailing zeros.
  static func catalogText(_ c: Clock) -> String {
    var s = text(Clock(hour: c.hour, minute: c.minute, second: c.second))
    if c.microsecond != 0 {
      var fraction = pad(c.microsecond, 6)
      while fraction.hasSuffix("0") { fraction.removeLast() }
      s += "." + fraction
    }
    return s
  }
}

extension Literal.Moment {
  /// What a field's `to_python` makes of a string (Django's `parse_datetime`, `parse_date`,
  /// `parse_time`: tendenci's `DateTimeField(default="2022-08-12 12:00:00")`), in the forms of
  /// their regular expressions, which agree with `fromisoformat` where both accept; nil for
  /// any other string (Django raises `ValidationError`, or migplan does not read the form).
  init?(parsing s: String, for internalType: String) {
    func int(_ m: Regex<AnyRegexOutput>.Match, _ name: String) -> Int? {
      m[name]?.substring.flatMap { Int($0) }
    }
    func clock(_ m: Regex<AnyRegexOutput>.Match) -> Clock? {
      var a: [String: Value] = [:]
      for name in ["hour", "minute", "second"] {
        if let n = int(m, name) { a[name] = .int(String(n), TextRange(0, 0)) }
      }
      if let f = m["microsecond"]?.substring {
        let six = String(f) + String(repeating: "0", count: 6 - f.count)
        a["microsecond"] = .int(String(Int(six) ?? 0), TextRange(0, 0))
      }
      return Self.clock(a)
    }
    func day(_ m: Regex<AnyRegexOutput>.Match) -> Day? {
      var a: [String: Value] = [:]
      for name in ["year", "month", "day"] {
        guard let n = int(m, name) else { return nil }
        a[name] = .int(String(n), TextRange(0, 0))
      }
      return Self.day(a)
    }
    let date = #"(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})"#
    let time =
      #"(?<hour>\d{1,2}):(?<minute>\d{1,2})(?::(?<second>\d{1,2})(?:[.,](?<microsecond>\d{1,6})\d{0,6})?)?"#
    switch internalType {
    case "DateTimeField":
      if let r = try? Regex(date), let m = try? r.wholeMatch(in: s) {
        guard let d = day(m) else { return nil }
        self = .dateTime(d, Clock(), offset: nil)
        return
      }
      let zone = #"\s*(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?"#
      guard let r = try? Regex(date + "[T ]" + time + zone), let m = try? r.wholeMatch(in: s),
        let d = day(m), let c = clock(m)
      else { return nil }
      var offset: Int? = nil
      if let tz = m["tz"]?.substring {
        if tz == "Z" {
          offset = 0
        } else {
          let digits = tz.dropFirst().filter(\.isNumber)
          let hours = Int(digits.prefix(2)) ?? 0
          let minutes = digits.count > 2 ? Int(digits.suffix(2)) ?? 0 : 0
          offset = (tz.first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
      }
      self = .dateTime(d, c, offset: offset)
    case "DateField":
      guard let r = try? Regex(date), let m = try? r.wholeMatch(in: s), let d = day(m) else {
        return nil
      }
      self = .date(d)
    case "TimeField":
      guard let r = try? Regex(time), let m = try? r.wholeMatch(in: s), let c = clock(m) else {
        return nil
      }
      self = .time(c)
    default:
      return nil
    }
  }
}
