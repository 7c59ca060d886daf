import MigplanModel

/// The lint rule catalog.
public enum Rules {
  /// Every rule, sorted by id; `Rules/README.md` lists the same ids in the same order.
  public static let all: [any Rule.Type] = [
    AddCheckConstraintRule.self,
    AddForeignKeyRule.self,
    AddGeneratedColumnRule.self,
    AddIndexRule.self,
    AddNotNullColumnRule.self,
    AddUniqueConstraintRule.self,
    ChangeColumnTypeRule.self,
    ConcurrentlyInAtomicRule.self,
    DataAndSchemaTogetherRule.self,
    DropColumnRule.self,
    DropIndexRule.self,
    DropTableRule.self,
    ExclusiveLockThenWorkRule.self,
    GraphConflictRule.self,
    IdentifierTooLongRule.self,
    InvalidIgnoreRule.self,
    MixedPhaseMigrationRule.self,
    NonAtomicPartialRule.self,
    RenameColumnRule.self,
    RenameTableRule.self,
    RunpythonMissingDependencyRule.self,
    RunpythonModelImportRule.self,
    RunpythonNoReverseRule.self,
    RunpythonUnbatchedRule.self,
    RunsqlNoReverseRule.self,
    SetNotNullRule.self,
    SyntaxErrorRule.self,
    UnknownOperationRule.self,
    UnresolvedValueRule.self,
    UnusedIgnoreRule.self,
    VolatileDefaultRule.self,
  ]

  /// The rule with this id.
  public static func named(_ id: String) -> (any Rule.Type)? {
    all.first { $0.id == id }
  }
}
