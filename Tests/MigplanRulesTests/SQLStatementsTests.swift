import MigplanRules
import Testing

/// Splitting RunSQL text into statements: `;` counts only outside quotes, dollar quotes and
/// comments (what `sqlparse.split` does for Django, and what PostgreSQL's lexer does).
@Suite struct SQLStatementsTests {
  func texts(_ sql: String) -> [String] { SQLStatements.split(sql).map(\.text) }

  @Test func splitsAtSemicolons() {
    #expect(texts("SELECT 1; SELECT 2;") == ["SELECT 1", "SELECT 2"])
    #expect(texts("  ;;  ") == [])
    #expect(texts("CREATE INDEX i ON t (a)") == ["CREATE INDEX i ON t (a)"])
  }

  @Test func quotesHideSemicolons() {
    #expect(
      texts("SELECT 'a;b'; SELECT \"x;y\" FROM t") == ["SELECT 'a;b'", "SELECT \"x;y\" FROM t"])
    #expect(texts("SELECT 'it''s; fine'; SELECT 2") == ["SELECT 'it''s; fine'", "SELECT 2"])
    // E'' strings take backslash escapes; a plain '' string does not.
    #expect(texts(#"SELECT E'a\';b'; SELECT 2"#) == [#"SELECT E'a\';b'"#, "SELECT 2"])
    #expect(texts(#"SELECT 'a\'; SELECT 2"#) == [#"SELECT 'a\'"#, "SELECT 2"])
  }

  @Test func dollarQuotesHideSemicolons() {
    let body = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql"
    #expect(texts(body + "; SELECT 1") == [body, "SELECT 1"])
    let tagged = "DO $body$ BEGIN PERFORM 1; $inner$ ; $inner$; END $body$"
    #expect(texts(tagged + ";SELECT 2") == [tagged, "SELECT 2"])
    // `$1` is a parameter, not a dollar quote.
    #expect(texts("SELECT $1; SELECT $2") == ["SELECT $1", "SELECT $2"])
  }

  @Test func commentsHideSemicolonsAndWords() {
    let s = SQLStatements.split(
      "-- drop; CONCURRENTLY\nSELECT 1 /* a; /* nested; */ b; */ ; SELECT 2")
    #expect(s.count == 2)
    #expect(s[0].words == ["SELECT"])
    #expect(!s[0].has("CONCURRENTLY"))
    #expect(s[1].words == ["SELECT"])
  }

  @Test func wordsAreUpperCasedAndExcludeQuotedText() {
    let s = SQLStatements.split(
      "create index concurrently \"Idx\" on t (a) where b = 'CONCURRENTLY'")
    #expect(s.count == 1)
    #expect(s[0].words == ["CREATE", "INDEX", "CONCURRENTLY", "ON", "T", "A", "WHERE", "B"])
    #expect(s[0].starts(with: "CREATE", "INDEX"))
  }

  @Test func unterminatedInputEndsTheStatement() {
    let tokens = SQLStatements.tokenize(Array("SELECT 'open; SELECT 2".utf8))
    #expect(tokens.last?.kind == .string)
    #expect(tokens.last?.unterminated == true)
    #expect(texts("SELECT 'open; SELECT 2") == ["SELECT 'open; SELECT 2"])
    #expect(texts("SELECT 1 /* open; ") == ["SELECT 1 /* open; "])
  }

  @Test func rangesAreUTF8ByteOffsets() {
    let sql = "SELECT 'é'; DROP INDEX CONCURRENTLY i"
    let s = SQLStatements.split(sql)
    #expect(s.count == 2)
    // "SELECT 'é'; " is 13 bytes (é is two).
    #expect(s[1].range == 13..<Array(sql.utf8).count)
  }
}
