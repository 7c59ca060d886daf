import MigplanSyntax

/// The catalogs of one database's `public` schema as the schema oracle records them: the same
/// queries as `dump_schema` in `Scripts/oracle/collect.py`, and `json` is byte for byte the text
/// its `write_schema` writes to `Fixtures/oracle/schema.json` (one fact per line, keys sorted,
/// strings escaped as Python's `json.dumps(ensure_ascii=False)` does).
public struct SchemaDump: Sendable {
  /// `current_setting('server_version')`, e.g. `15.20 (Debian 15.20-0+deb12u1)`.
  public var serverVersion: String
  /// Every table, partitioned table, view, materialized view and foreign table in `public`,
  /// sorted by name; each with its facts already rendered as JSON lines.
  public var tables: [Table]
  /// The lines after `tables`: `extensions`, `collations`, `functions`, `sequences`.
  public var others: [(key: String, json: String)]

  /// One relation: its name and the JSON text of its object as `write_schema` indents it.
  public struct Table: Sendable, Equatable {
    public var name: String
    /// The lines between `"name": {` and its closing `}` (6-space indented, no newline at end).
    public var body: [String]
  }

  /// The whole document, exactly as `collect.py` writes `schema.json` (newline at the end).
  public var json: String {
    var out = [
      "{", "  \"server_version\": \(PythonJSON.string(serverVersion)),", "  \"tables\": {",
    ]
    for (i, table) in tables.enumerated() {
      out.append("    \(PythonJSON.string(table.name)): {")
      out += table.body
      out.append("    }" + (i + 1 < tables.count ? "," : ""))
    }
    out.append("  },")
    for (i, other) in others.enumerated() {
      out.append(
        "  \(PythonJSON.string(other.key)): \(other.json)" + (i + 1 < others.count ? "," : ""))
    }
    out.append("}")
    return out.joined(separator: "\n") + "\n"
  }

  /// Reads the catalogs through `connection` (a handful of queries, whatever the table count).
  public static func read(_ connection: Connection) throws(PostgresError) -> SchemaDump {
    let version =
      try connection.query("SELECT current_setting('server_version')").rows.first?[0] ?? ""
    let relations = try connection.query(
      """
      SELECT c.oid, c.relname, c.relkind, obj_description(c.oid, 'pg_class')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       ORDER BY c.relname
      """
    ).rows
    // The per-table queries of collect.py, each run once for all tables and grouped by the
    // table's oid here; within a table the rows keep collect.py's ORDER BY.
    let inPublic = """
      (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))
      """
    let columns = try grouped(
      connection,
      """
      SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
             col_description(a.attrelid, a.attnum),
             CASE WHEN a.attcollation <> t.typcollation THEN co.collname END
        FROM pg_attribute a
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
       WHERE a.attrelid IN \(inPublic) AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attrelid, a.attnum
      """)
    let indexes = try grouped(
      connection,
      """
      SELECT x.indrelid, i.relname, pg_get_indexdef(x.indexrelid), x.indisvalid
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE x.indrelid IN \(inPublic)
       ORDER BY x.indrelid, i.relname
      """)
    let constraints = try grouped(
      connection,
      """
      SELECT conrelid, conname, contype, pg_get_constraintdef(oid), condeferrable, condeferred,
             convalidated
        FROM pg_constraint WHERE conrelid IN \(inPublic)
       ORDER BY conrelid, conname, pg_get_constraintdef(oid)
      """)
    let triggers = try grouped(
      connection,
      """
      SELECT tgrelid, tgname, pg_get_triggerdef(oid) FROM pg_trigger
       WHERE tgrelid IN \(inPublic) AND NOT tgisinternal
       ORDER BY tgrelid, tgname
      """)
    let views = try grouped(
      connection,
      """
      SELECT c.oid, pg_get_viewdef(c.oid) FROM pg_class c
       WHERE c.oid IN \(inPublic) AND c.relkind IN ('v', 'm')
      """)

    var tables: [Table] = []
    for relation in relations {
      let oid = relation[0] ?? ""
      let kind = relation[2] ?? ""
      var table: [(String, String)] = [
        ("kind", PythonJSON.string(kinds[kind] ?? kind))
      ]
      if let comment = relation[3] { table.append(("comment", PythonJSON.string(comment))) }
      table.append(("columns", list(columns[oid, default: []].map(column))))
      table.append(("indexes", list(indexes[oid, default: []].map(index))))
      table.append(("constraints", list(constraints[oid, default: []].map(constraint))))
      let tableTriggers = triggers[oid, default: []]
      if !tableTriggers.isEmpty { table.append(("triggers", list(tableTriggers.map(trigger)))) }
      if kind == "v" || kind == "m" {
        table.append(("view definition", PythonJSON.string(views[oid]?.first?[1] ?? "")))
      }
      table.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
      var body: [String] = []
      for (i, (key, value)) in table.enumerated() {
        let comma = i + 1 < table.count ? "," : ""
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        body.append(
          "      \(PythonJSON.string(key)): \(lines[0])" + (lines.count == 1 ? comma : ""))
        if lines.count > 1 {
          body += lines[1..<(lines.count - 1)].map { "        \($0)" }
          body.append("      \(lines[lines.count - 1])\(comma)")
        }
      }
      tables.append(Table(name: relation[1] ?? "", body: body))
    }

    func names(_ sql: String) throws(PostgresError) -> String {
      PythonJSON.array(try connection.query(sql).rows.map { PythonJSON.string($0[0] ?? "") })
    }
    let extensions = try connection.query(
      "SELECT extname, extversion FROM pg_extension ORDER BY extname"
    ).rows.map {
      PythonJSON.object([
        ("name", PythonJSON.string($0[0] ?? "")), ("version", PythonJSON.string($0[1] ?? "")),
      ])
    }
    // sequences that no identity or serial column owns (Django makes none; RunSQL might)
    let sequences = try names(
      """
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'S'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                            AND d.refclassid = 'pg_class'::regclass
                            AND d.deptype IN ('a', 'i'))
       ORDER BY c.relname
      """)
    let functions = try names(
      """
      SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)
      """)
    let collations = try names(
      """
      SELECT c.collname FROM pg_collation c JOIN pg_namespace n
          ON n.oid = c.collnamespace WHERE n.nspname = 'public' ORDER BY 1
      """)
    return SchemaDump(
      serverVersion: version, tables: tables,
      others: [
        ("collations", collations), ("extensions", PythonJSON.array(extensions)),
        ("functions", functions), ("sequences", sequences),
      ])
  }

  private static let kinds = [
    "r": "table", "p": "partitioned table", "v": "view", "m": "materialized view",
    "f": "foreign table",
  ]
  private static let constraintTypes = [
    "c": "check", "f": "foreign key", "p": "primary key", "u": "unique", "t": "trigger",
    "x": "exclusion",
  ]

  /// Rows of `sql` grouped by their first column (a table's oid), order kept.
  private static func grouped(_ connection: Connection, _ sql: String) throws(PostgresError)
    -> [String: [[String?]]]
  {
    var out: [String: [[String?]]] = [:]
    for row in try connection.query(sql).rows { out[row[0] ?? "", default: []].append(row) }
    return out
  }

  /// `[]`, or `[`, one item a line, `]`: the value part of a list key in `write_schema`.
  private static func list(_ items: [String]) -> String {
    if items.isEmpty { return "[]" }
    return "[\n"
      + items.enumerated().map { i, item in item + (i + 1 < items.count ? "," : "") }
      .joined(separator: "\n") + "\n]"
  }

  private static func bool(_ text: String?) -> String { text == "t" ? "true" : "false" }

  private static func column(_ row: [String?]) -> String {
    // attrelid, attname, type, attnotnull, default, attidentity, attgenerated, comment, collation
    var fields: [(String, String)] = [
      ("name", PythonJSON.string(row[1] ?? "")), ("type", PythonJSON.string(row[2] ?? "")),
      ("nullable", row[3] == "t" ? "false" : "true"),
    ]
    if row[6] == "s" {
      fields.append(("generated", row[4].map(PythonJSON.string) ?? "null"))
    } else if let value = row[4] {
      fields.append(("default", PythonJSON.string(value)))
    }
    if let identity = row[5], !identity.isEmpty {
      fields.append(("identity", PythonJSON.string(identity == "a" ? "always" : "by default")))
    }
    if let collation = row[8] { fields.append(("collation", PythonJSON.string(collation))) }
    if let comment = row[7] { fields.append(("comment", PythonJSON.string(comment))) }
    return PythonJSON.object(fields)
  }

  private static func index(_ row: [String?]) -> String {
    PythonJSON.object([
      ("name", PythonJSON.string(row[1] ?? "")), ("definition", PythonJSON.string(row[2] ?? "")),
      ("valid", bool(row[3])),
    ])
  }

  private static func constraint(_ row: [String?]) -> String {
    let type = row[2] ?? ""
    return PythonJSON.object([
      ("name", PythonJSON.string(row[1] ?? "")),
      ("type", PythonJSON.string(constraintTypes[type] ?? type)),
      ("definition", PythonJSON.string(row[3] ?? "")), ("deferrable", bool(row[4])),
      ("deferred", bool(row[5])), ("validated", bool(row[6])),
    ])
  }

  private static func trigger(_ row: [String?]) -> String {
    PythonJSON.object([
      ("name", PythonJSON.string(row[1] ?? "")), ("definition", PythonJSON.string(row[2] ?? "")),
    ])
  }
}

/// JSON text as Python's `json.dumps(value, ensure_ascii=False, sort_keys=True)` writes it.
enum PythonJSON {
  /// A string literal: `"` and `\` escaped, `\b \f \n \r \t` by name, other controls below
  /// U+0020 as `\u00xx` (lowercase hex), everything else (non-ASCII, U+007F) as is
  /// (`PythonRepr.json`).
  static func string(_ text: String) -> String { PythonRepr.json(text) }

  /// `{"a": 1, "b": 2}` with the keys sorted by code point; values are JSON text already.
  static func object(_ fields: [(String, String)]) -> String {
    let sorted = fields.sorted {
      $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars)
    }
    return "{" + sorted.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  /// `[a, b]`; items are JSON text already.
  static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
