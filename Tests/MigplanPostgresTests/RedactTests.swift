import MigplanPostgres
import Testing

/// Passwords must never reach a message: structure-aware masking plus scrubbing of the literal.
@Suite struct RedactTests {
  @Test(arguments: [
    ("postgresql://u:s3cret@host/db", "postgresql://u:***@host/db"),
    (
      "postgres://u:s3cret@host:5433/db?sslmode=require",
      "postgres://u:***@host:5433/db?sslmode=require"
    ),
    (
      "postgresql://u@host/db?password=s3cret&sslmode=disable",
      "postgresql://u@host/db?password=***&sslmode=disable"
    ),
    ("postgresql://u:p@ss/w0rd@host/db", "postgresql://u:***@host/db"),
    ("postgresql://host/db", "postgresql://host/db"),
    ("postgresql://u@host", "postgresql://u@host"),
  ])
  func urls(_ input: String, _ expected: String) {
    #expect(Redact.connectionString(input) == expected)
  }

  @Test(arguments: [
    ("host=h password=s3cret user=u", "host=h password=*** user=u"),
    ("host=h password = 's3 cr\\'et' dbname=d", "host=h password = *** dbname=d"),
    ("password=s3cret", "password=***"),
    ("host=h user=u", "host=h user=u"),
    ("host=h password='unterminated", "host=h password=***"),
  ])
  func conninfo(_ input: String, _ expected: String) {
    #expect(Redact.connectionString(input) == expected)
  }

  @Test func secretsIncludeTheDecodedForm() {
    let secrets = Redact.secrets(in: "postgresql://u:s3%40cret@h/db")
    #expect(secrets.contains("s3%40cret"))
    #expect(secrets.contains("s3@cret"))
    #expect(
      Redact.scrub("bad token \"s3@cret\" and s3%40cret", secrets: secrets)
        == "bad token \"***\" and ***")
  }

  @Test func conninfoSecretsAreUnquoted() {
    #expect(Redact.secrets(in: "host=h password='s3 cr\\'et'").contains("s3 cr'et"))
  }

  /// libpq quotes pieces of a malformed connection string in its message; the literal password
  /// must be scrubbed from it. No server needed: parsing fails before any connection.
  @Test func malformedURLErrorDoesNotEchoThePassword() {
    #expect {
      try Connection(.url("postgresql://u:s3cret@h/db?s3cret=1"))
    } throws: { error in
      let text = "\(error)"
      return !text.contains("s3cret") && text.contains("invalid URI query parameter")
    }
  }

  @Test func malformedConninfoErrorDoesNotEchoThePassword() {
    #expect {
      try Connection(.conninfo("host=h password=s3cret nonsense"))
    } throws: { error in
      let text = "\(error)"
      return !text.contains("s3cret") && text.contains("cannot connect")
    }
  }
}
