import MigplanPostgres
import Testing

/// `LiveFacts.findings` over hand-made facts: what each fact means, with no server.
@Suite struct LiveFindingsTests {
  func facts(version: Int = 150020, lockTimeout: Int = 0) -> LiveFacts {
    LiveFacts(
      server: ServerFacts(
        version: "x", versionNumber: version, database: "app", user: "deploy", backendPID: 1,
        readOnly: true, lockTimeout: "2s", statementTimeout: "10s"),
      timeouts: [
        TimeoutFacts(name: "lock_timeout", milliseconds: lockTimeout, settings: []),
        TimeoutFacts(name: "statement_timeout", milliseconds: 5000, settings: []),
      ],
      appliedMigrations: [], tables: [], sessions: [], invalidIndexes: [], unreadable: [])
  }

  /// PostgreSQL 14.4 release notes: "Fix CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY
  /// ... could miss rows" affects 14.0 to 14.3 (server_version_num 140000 to 140003).
  @Test(arguments: [
    (139999, false), (140000, true), (140003, true), (140004, false), (150020, false),
  ])
  func concurrentIndexBugVersions(_ version: Int, _ affected: Bool) {
    let f = facts(version: version, lockTimeout: 5000).findings()
    #expect(f.contains { $0.code == "live-pg14-concurrent-index-bug" } == affected)
    if affected { #expect(f.first?.severity == .error) }
  }

  @Test func missingLockTimeoutIsAWarning() {
    #expect(facts(lockTimeout: 0).findings().map(\.code) == ["live-no-lock-timeout"])
    #expect(facts(lockTimeout: 0).findings().map(\.severity) == [.warning])
    #expect(facts(lockTimeout: 3000).findings().isEmpty)
  }

  @Test func invalidIndexIsAnErrorUnlessBeingBuilt() {
    var f = facts(lockTimeout: 1)
    let index = InvalidIndex(
      schema: "public", name: "i", tableSchema: "public", table: "t", unique: true,
      method: "btree", columns: ["x"], partial: false, beingBuilt: false)
    f.invalidIndexes = [index]
    #expect(f.findings().map(\.severity) == [.error])
    f.invalidIndexes[0].beingBuilt = true
    #expect(f.findings().map(\.code) == ["live-index-being-built"])
    #expect(f.findings().map(\.severity) == [.note])
  }

  @Test func idleInTransactionIsAWarningOnlyPastTheLimit() {
    var f = facts(lockTimeout: 1)
    f.sessions = [
      SessionFacts(
        pid: 7, user: "u", application: nil, state: "idle in transaction",
        transactionSeconds: 5, query: "SELECT 1", waitEventType: nil)
    ]
    #expect(f.findings(longRunningSeconds: 60).map(\.severity) == [.note])
    #expect(f.findings(longRunningSeconds: 2).map(\.severity) == [.warning])
    #expect(f.findings().first?.code == "live-idle-in-transaction")
  }
}
