import Foundation
import MigplanPostgres
import MigplanSQL
import Testing

/// What hand-written DDL (`RunSQL`) does to migplan's catalog, against what PostgreSQL's own
/// catalogs hold after running the same statements: every constraint and index, its table,
/// kind and columns. Later migrations' SQL looks these names up as Django's introspection does.
@Suite(.enabled(if: ReplayServer.enabled))
struct CatalogRunSQLTests {
  static let statements = [
    "CREATE TABLE shop_tag (id bigint PRIMARY KEY, label text)",
    """
    CREATE TABLE shop_item (id bigint PRIMARY KEY, name varchar(20) UNIQUE,
      price integer CHECK (price >= 0), code text, CONSTRAINT shop_item_code_len CHECK (length(code) < 9))
    """,
    "ALTER TABLE shop_item ADD COLUMN tag_id bigint REFERENCES shop_tag(id)",
    "ALTER TABLE shop_item ADD COLUMN serial integer UNIQUE",
    "CREATE INDEX shop_item_code_idx ON shop_item (code)",
    "CREATE INDEX shop_item_name_code ON shop_item (name, code DESC)",
    "CREATE UNIQUE INDEX shop_item_upper_name ON shop_item (upper(name))",
    "CREATE INDEX shop_item_code_hash ON shop_item USING hash (code)",
    "ALTER TABLE shop_item ADD CONSTRAINT shop_item_price_positive CHECK (price > 0) NOT VALID",
    "ALTER TABLE shop_item ADD CONSTRAINT shop_item_name_code_uniq UNIQUE (name, code)",
    """
    ALTER TABLE shop_tag ADD CONSTRAINT shop_tag_self FOREIGN KEY (id) REFERENCES shop_tag (id) \
    DEFERRABLE INITIALLY DEFERRED
    """,
    "ALTER INDEX shop_item_code_idx RENAME TO shop_item_code_index",
    "ALTER TABLE shop_item RENAME COLUMN code TO sku",
    "DROP INDEX shop_item_upper_name",
    "ALTER TABLE shop_item DROP CONSTRAINT shop_item_price_positive",
    "ALTER TABLE shop_item DROP COLUMN serial",
    "ALTER TABLE shop_item RENAME TO shop_product",
    "CREATE TABLE shop_gone (id integer PRIMARY KEY, tag_id bigint REFERENCES shop_tag (id))",
    "DROP TABLE shop_gone",
    // Multibyte names over 63 bytes: PostgreSQL cuts identifiers, and the parts of the names
    // it makes for inline constraints, at a character boundary.
    """
    CREATE TABLE "\(String(repeating: "é", count: 40))" (id bigint PRIMARY KEY,
      "\(String(repeating: "ç", count: 25))x" integer UNIQUE, "a\(String(repeating: "ü", count: 30))" integer CHECK ("a\(String(repeating: "ü", count: 30))" > 0))
    """,
    "CREATE TABLE shop_\(String(repeating: "日", count: 20)) (id bigint PRIMARY KEY, code text UNIQUE)",
  ]

  /// (table, name, kind, columns) with kind p/u/f/c for constraints, U/I for other indexes.
  static let catalogQuery = """
    SELECT (SELECT relname FROM pg_class WHERE oid = c.conrelid)::text AS tbl, c.conname AS name, c.contype::text AS kind,
      (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY
         k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)
        AS cols
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f', 'c')
    UNION ALL
    SELECT (SELECT relname FROM pg_class WHERE oid = i.indrelid)::text, ci.relname::text,
      CASE WHEN i.indisunique THEN 'U' ELSE 'I' END,
      (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey::int2[])
         WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid
         AND a.attnum = k.attnum)
    FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = ci.relnamespace
    WHERE n.nspname = 'public' AND NOT EXISTS (
      SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
    """

  @Test func handWrittenDDLReachesTheCatalogAsPostgreSQLHasIt() throws {
    let db = try ReplayDatabase()
    defer { db.drop() }
    let session = try db.session()
    var catalog = Catalog()
    for sql in Self.statements {
      if let error = session.run(sql) { Issue.record("\(sql): \(error)") }
      for e in Catalog.effects(of: sql) { catalog.apply(e) }
    }
    var database: Set<String> = []
    for row in try db.connection.query(Self.catalogQuery).records {
      var columns = row["cols"] ?? ""
      // Expression index elements have no column: migplan keeps no columns for those.
      if row["kind"] == "U" || row["kind"] == "I", row["cols"] == nil { columns = "" }
      database.insert("\(row["tbl"]!) \(row["name"]!) \(row["kind"]!) \(columns)")
    }
    var ours: Set<String> = []
    for (table, t) in catalog.tables {
      for o in t.objects {
        let kind: String
        switch o.kind {
        case .primaryKey: kind = "p"
        case .unique: kind = "u"
        case .foreignKey: kind = "f"
        case .check: kind = "c"
        case .index(let unique, _): kind = unique ? "U" : "I"
        }
        ours.insert("\(table) \(o.name) \(kind) \(o.columns.joined(separator: ","))")
      }
    }
    #expect(database.count == 16, "\(database.sorted())")
    #expect(ours.sorted() == database.sorted())
    // Introspection's index types: Django's `idx` for btree, the access method otherwise.
    let indexes = catalog.tables["shop_product"]?.objects.compactMap {
      o -> String? in
      if case .index(_, let type) = o.kind { return "\(o.name) \(type)" }
      return nil
    }
    #expect(
      Set(indexes ?? [])
        == ["shop_item_code_index idx", "shop_item_name_code idx", "shop_item_code_hash hash"])
  }
}
