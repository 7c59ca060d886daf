import MigplanModel
import MigplanSQL
import MigplanSyntax

/// A lint rule: one kebab-case id, one Swift file, one `Rules/<id>.md`.
///
/// A rule looks at each linted file once (`check(file:into:)`) and at each operation of each
/// linted migration (`check(operation:into:)`); it implements either or both. It reports
/// through `Report.add`, which fills in the file, the migration and the operation; the engine
/// applies the configured severity, suppressions, the baseline and `select`/`ignore`.
public protocol Rule: Sendable {
  /// The id used in output, docs, config and suppression comments.
  static var id: String { get }
  /// One line for `migplan rules` and `Rules/README.md`.
  static var summary: String { get }
  /// The phase most findings of this rule have.
  static var phase: Phase { get }
  static var defaultSeverity: Severity { get }
  /// Findings of this rule are input errors (DESIGN.md: exit status 2 when reported).
  static var isInputError: Bool { get }
  /// The rule reads the SQL of operations (`OperationContext.impacts`); the engine generates
  /// and judges it only when an active rule says so.
  static var needsSQL: Bool { get }
  init()
  /// Called once for every linted file, whether or not it loaded as a migration.
  func check(file: FileContext, into report: inout Report)
  /// Called for every operation of every linted migration, in order.
  func check(operation: OperationContext, into report: inout Report)
}

extension Rule {
  public static var isInputError: Bool { false }
  public static var needsSQL: Bool { false }
  public func check(file: FileContext, into report: inout Report) {}
  public func check(operation: OperationContext, into report: inout Report) {}
}

/// What every rule can see about the whole run: the loaded project and the configuration.
public struct LintContext: Sendable {
  /// Every migration under the roots (not only the linted ones), with its graph.
  public var project: Project
  public var config: LintConfig
  /// The migrations on a dependency cycle (Django refuses to load the graph).
  public let cycle: [MigrationKey]
  /// Apps with more than one leaf migration, with their leaves (Django asks for a merge).
  public let conflictingLeaves: [String: [MigrationKey]]

  public init(project: Project, config: LintConfig) {
    self.project = project
    self.config = config
    cycle = project.cycle
    conflictingLeaves = project.conflictingLeaves
  }
}

/// One linted file: its source and, when it loaded, its migration.
public struct FileContext: Sendable {
  public var lint: LintContext
  public var source: SourceFile
  /// Nil when the file did not load (syntax error, no `class Migration`, unreadable).
  public var migration: Migration?
  /// The functions its `RunPython` operations run, read once for the rules that judge them.
  var runPython: RunPythonSource?

  init(lint: LintContext, source: SourceFile, migration: Migration?) {
    self.lint = lint
    self.source = source
    self.migration = migration
    runPython = migration == nil ? nil : RunPythonSource(migration: migration!, source: source)
  }
}

/// One operation of a linted migration, as a rule sees it: the migration, the position, the
/// typed operation, Django's project state just before and just after it, and (for rules that
/// need SQL) the statements `migrate` runs for it with their locks.
public struct OperationContext: Sendable {
  public var lint: LintContext
  public var source: SourceFile
  public var migration: Migration
  /// The position in `migration.operations`.
  public var index: Int
  /// The operation, typed.
  public var operation: Operation
  /// The project state just before this operation: Django's state of the migration's
  /// ancestors (`project_state(key, at_end=False)`), then the migration's earlier operations.
  public var before: ProjectState
  /// The project state just after it.
  public var after: ProjectState
  /// The SQL statements `migrate` runs for this operation (deferred ones included), when an
  /// active rule needs SQL; empty otherwise.
  public var statements: [String]
  /// What each statement of this operation does to the tables, in the order they run.
  public var impacts: [StatementImpact]
  /// Every statement of the migration in the order `migrate` runs them, with the index of the
  /// operation that made each (-1: none): what rules about the whole transaction read.
  public var migrationImpacts: [(operation: Int, impact: StatementImpact)]
  /// The PostgreSQL major version the deploy runs on (config `pg-version`).
  public var pgVersion: Int
  /// Why migplan could not write this operation's SQL (a field class it does not know, a
  /// relation to a model the state lacks), when SQL was written and failed.
  public var renderError: String? = nil
  /// The migration's operations whose SQL migplan wrote and found empty (an `AlterField` of
  /// Python-side attributes alone: Django's `alter_field` runs and writes nothing).
  var silentOperations: Set<Int> = []
  /// This operation's statements with their context in the migration, when the engine
  /// computed them for the whole migration at once (`StatementSites.all`).
  var sites: [StatementSite]? = nil
  /// The state the migration starts from (`before` of its first operation), when the engine
  /// has it at hand.
  var migrationStart: ProjectState? = nil
  /// The migration's steps once a rule has asked for them (`MigrationStep.all`), shared by the
  /// contexts of all its operations.
  var migrationSteps: StepsMemo? = nil
  /// `OperationFacts.databaseOperations` of this context, made once by the engine for every
  /// rule that reads it.
  var databaseOperations: [(op: Operation, before: ProjectState)]? = nil

  public init(
    lint: LintContext, source: SourceFile, migration: Migration, index: Int,
    operation: Operation, before: ProjectState, after: ProjectState,
    statements: [String] = [], impacts: [StatementImpact] = [],
    migrationImpacts: [(operation: Int, impact: StatementImpact)] = [], pgVersion: Int? = nil
  ) {
    self.lint = lint
    self.source = source
    self.migration = migration
    self.index = index
    self.operation = operation
    self.before = before
    self.after = after
    self.statements = statements
    self.impacts = impacts
    self.migrationImpacts = migrationImpacts
    self.pgVersion = pgVersion ?? lint.config.pgVersion
  }

  /// The operation as evaluated (usually a `.call`).
  public var value: Value { operation.value }
  /// The operation's source text.
  public var text: Substring { source.text(value.range) }
}

/// Collects the findings of one rule call; the context fills in where they belong.
public struct Report: Sendable {
  /// What was reported so far.
  public private(set) var findings: [Finding] = []
  let path: String
  let key: MigrationKey?
  let operationIndex: Int?
  let span: TextRange?

  init(path: String, key: MigrationKey?, operationIndex: Int?, span: TextRange?) {
    self.path = path
    self.key = key
    self.operationIndex = operationIndex
    self.span = span
  }

  /// Reports one finding of `rule` at `range` (nil: the whole file).
  public mutating func add<R: Rule>(
    _ rule: R.Type, at range: TextRange?, _ message: String, why: String? = nil,
    help: String? = nil, phase: Phase? = nil
  ) {
    findings.append(
      Finding(
        rule: R.id, severity: R.defaultSeverity, phase: phase ?? R.phase, path: path,
        range: range, message: message, why: why, help: help, key: key,
        operationIndex: operationIndex, span: span))
  }
}

extension Value {
  /// The import path of the called class or function, for a `.call`.
  public var calleePath: String? {
    if case .call(let callee, _, _, _) = self { return callee }
    return nil
  }

  /// The last component of `calleePath` (`AddField`).
  public var calleeName: Substring? {
    guard let path = calleePath else { return nil }
    guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return path[...] }
    return path[path.utf8.index(after: dot)...]
  }

  /// A call argument by keyword, else by position (`position` counts positional arguments).
  public func argument(_ name: String, position: Int? = nil) -> Value? {
    guard case .call(_, let args, let keywords, _) = self else { return nil }
    if let k = keywords.first(where: { $0.name == name }) { return k.value }
    if let position, position < args.count { return args[position] }
    return nil
  }
}

/// `MigrationStep.all` of one migration, computed for the first rule that asks and kept for the
/// others and the later operations. Used on one thread (the one judging the migration).
final class StepsMemo: @unchecked Sendable {
  var steps: [MigrationStep]? = nil
}
