import MigplanModel
import MigplanSyntax

/// How serious a finding is; ordered `note < warning < error`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
  case note, warning, error

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }
}

/// When an operation can run relative to the deploy of the code that uses the new schema.
public enum Phase: String, Sendable, CaseIterable {
  /// Safe before the deploy: the old code keeps working.
  case expand
  /// Safe only after the old code is gone.
  case contract
  /// Locks or rewrites as written, whenever it runs.
  case unsafe
  /// Cannot be judged statically: a person has to look.
  case review

  /// One line for the text output and the docs.
  public var meaning: String {
    switch self {
    case .expand: return "safe before the deploy"
    case .contract: return "safe only after the old code is gone"
    case .unsafe: return "locks or rewrites as written"
    case .review: return "cannot be judged statically"
    }
  }
}

/// One problem a rule found, located by a UTF-8 byte range in one file.
///
/// Lines and columns are computed only when rendering (`SourceFile.location`).
public struct Finding: Sendable, Hashable {
  /// The rule id, e.g. `concurrently-in-atomic`.
  public var rule: String
  public var severity: Severity
  public var phase: Phase
  /// The file as the loader named it (root + relative path).
  public var path: String
  /// Where the problem is; nil for a whole file.
  public var range: TextRange?
  public var message: String
  /// Why this is a problem, in one or two sentences.
  public var why: String?
  /// The fix or safe recipe, in one sentence.
  public var help: String?
  /// The migration the file holds, when it loaded.
  public var key: MigrationKey?
  /// The index of the operation in `operations`, for findings about one operation.
  public var operationIndex: Int?
  /// The lines a suppression comment may sit on: the operation's range (findings about one
  /// operation), else the finding's own first line.
  public var span: TextRange?

  public init(
    rule: String, severity: Severity, phase: Phase, path: String, range: TextRange?,
    message: String, why: String? = nil, help: String? = nil, key: MigrationKey? = nil,
    operationIndex: Int? = nil, span: TextRange? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.phase = phase
    self.path = path
    self.range = range
    self.message = message
    self.why = why
    self.help = help
    self.key = key
    self.operationIndex = operationIndex
    self.span = span
  }
}
