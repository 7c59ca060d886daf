import MigplanModel
import MigplanSyntax

/// Walks the operations that run against the database.
public enum DatabaseOperations {
  /// Calls `visit` with `operation` and, for `SeparateDatabaseAndState`, with each of its
  /// `database_operations` (recursively); `state_operations` never touch the database.
  public static func visit(_ operation: Operation, _ visit: (Operation) -> Void) {
    visit(operation)
    if case .separateDatabaseAndState(let database, _) = operation.kind {
      for op in database { Self.visit(op, visit) }
    }
  }
}

/// The SQL strings of a `RunSQL` argument.
public enum RunSQLText {
  /// Each string of `sql` / `reverse_sql` with the range of its literal: a string, or a list
  /// or tuple of strings and `(sql, params)` pairs, as `RunSQL` accepts.
  public static func strings(_ value: Value) -> [(String, TextRange)] {
    switch value {
    case .string(let s, let r): return [(s, r)]
    case .list(let items, _), .tuple(let items, _):
      var out: [(String, TextRange)] = []
      for item in items {
        switch item {
        case .string(let s, let r): out.append((s, r))
        case .list(let pair, _), .tuple(let pair, _):
          if let first = pair.first, case .string(let s, let r) = first { out.append((s, r)) }
        default: break
        }
      }
      return out
    default: return []
    }
  }
}
