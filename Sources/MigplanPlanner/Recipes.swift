import MigplanModel
import MigplanRules
import MigplanSQL
import MigplanSyntax

/// A safe recipe: the multi-step way to make a change that is unsafe as one migration, named
/// by the lint rule whose finding it answers. `text` is the recipe as `Rules/<rule>.md` states
/// it in its "Safe recipe" section.
public struct Recipe: Sendable {
  /// The id of the lint rule the recipe answers (`add-not-null-column`).
  public var rule: String
  /// One line.
  public var title: String
  /// The recipe, a Markdown paragraph.
  public var text: String
  /// Whether `migplan split` writes it; otherwise the plan only describes it.
  public var automatic: Bool
}

extension Recipe {
  /// Every recipe migplan knows, by rule id.
  public static let all: [String: Recipe] = {
    var out: [String: Recipe] = [:]
    for r in list { out[r.rule] = r }
    return out
  }()

  static let list: [Recipe] = [
    Recipe(
      rule: "add-not-null-column",
      title: "add the column nullable, backfill, then enforce NOT NULL",
      text: """
        Add the field with `null=True` (or with a constant `db_default` on Django 5.0 and later, \
        which keeps old INSERTs working). Deploy code that writes the field on every insert and \
        update. Backfill existing rows in batches by primary key, in a `RunPython` of a migration \
        with `atomic = False` so every batch commits on its own. Add \
        `CheckConstraint(condition=Q(field__isnull=False))` with `AddConstraintNotValid` (a brief \
        lock, no scan), run `ValidateConstraint` in the next migration (a scan that does not \
        block writes), then `SET NOT NULL` in a `RunSQL` with the `AlterField` to `null=False` \
        as its state operation: on PostgreSQL 12 and later `SET NOT NULL` uses the validated \
        CHECK and skips its own scan. Remove the CHECK in the same migration. A field with an \
        index, a unique constraint or a foreign key is added without them first and they are \
        built as the add-index, add-unique-constraint and add-foreign-key recipes build them. \
        `migplan split APP MIGRATION` writes this chain.
        """, automatic: true),
    Recipe(
      rule: "set-not-null", title: "CHECK NOT VALID, VALIDATE, SET NOT NULL, drop the CHECK",
      text: """
        Deploy code that never writes NULL first and backfill the NULL rows (in batches, \
        `atomic = False`). Then add `CheckConstraint(condition=Q(field__isnull=False))` with \
        `AddConstraintNotValid`, validate it with `ValidateConstraint` in a separate migration, \
        and only then `SET NOT NULL` in a `RunSQL` with the `AlterField` to `null=False` as its \
        state operation (PostgreSQL 12 and later skip the scan because of the validated CHECK; \
        Django's own `AlterField` would drop and re-validate a foreign key and may `UPDATE` \
        every row) and `RemoveConstraint` the CHECK. `migplan split` writes this chain.
        """, automatic: true),
    Recipe(
      rule: "drop-column", title: "remove the field from the state, deploy, then drop the column",
      text: """
        Phase 1 (before the deploy): make the column nullable if it is NOT NULL without a \
        `db_default` (the new code inserts rows without it), and remove the field from Django's \
        state only: `SeparateDatabaseAndState(state_operations=[RemoveField(…)])`. Deploy the \
        code that no longer reads or writes the field. Phase 2 (after the deploy): add the \
        field back to the state only and drop it for real \
        (`SeparateDatabaseAndState(state_operations=[AddField(…)])`, then `RemoveField`). \
        `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "drop-table", title: "delete the model from the state, deploy, then drop the table",
      text: """
        Phase 1: `SeparateDatabaseAndState(state_operations=[DeleteModel(…)])`, so Django \
        forgets the model while its table stays. Deploy the code that no longer uses the model. \
        Phase 2: re-create it in the state only and `DeleteModel` it for real, which drops the \
        table. `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "rename-column", title: "pin db_column (no database change), or expand/contract",
      text: """
        Rename the field in Python only: set `db_column` to the current column name and rename \
        the field, both as state operations (`SeparateDatabaseAndState(state_operations=\
        [AlterField(… db_column='old' …), RenameField(…)])`): the database does not change and \
        old and new code both work. Set the same `db_column` on the field in models.py, or the \
        next `makemigrations` writes the column rename after all. To rename the column itself, \
        expand and contract: add the \
        new column (nullable), deploy code that writes both columns, backfill, deploy code that \
        reads the new one, then drop the old column. `migplan split` writes the pinned rename.
        """, automatic: true),
    Recipe(
      rule: "rename-table", title: "pin db_table",
      text: """
        Rename the model in Python only: `SeparateDatabaseAndState(state_operations=\
        [AlterModelTable(name='Old', table='app_old'), RenameModel('Old', 'New')])` and set \
        `Meta.db_table = 'app_old'` on the renamed model. The table keeps its name, so the old \
        code keeps working. (Not when a many-to-many relation involves the model: its through \
        table's columns are named after the model.) `migplan split` writes it.
        """, automatic: true),
    Recipe(
      rule: "add-index", title: "AddIndexConcurrently in its own atomic = False migration",
      text: """
        Build the index with `AddIndexConcurrently` (from `django.contrib.postgres.operations`) \
        in a migration of its own with `atomic = False`: a SHARE UPDATE EXCLUSIVE lock that \
        lets reads and writes go on. Indexes Django makes for `db_index=True`, `index_together` \
        or a field option are built the same way with \
        `SeparateDatabaseAndState(database_operations=[RunSQL('CREATE INDEX CONCURRENTLY …')], \
        state_operations=[the original operation])`. If the build fails, drop the INVALID \
        index it leaves before retrying. `migplan split` writes it.
        """, automatic: true),
    Recipe(
      rule: "drop-index", title: "RemoveIndexConcurrently in its own atomic = False migration",
      text: """
        Drop the index with `RemoveIndexConcurrently` in a migration of its own with \
        `atomic = False`: `DROP INDEX CONCURRENTLY` waits for running queries instead of \
        blocking them behind an ACCESS EXCLUSIVE lock. An index an `AlterField` or a \
        `RemoveConstraint` drops is dropped the same way in `RunSQL`, with the operation as the \
        state operation (`SeparateDatabaseAndState`) and Django's own `CREATE INDEX` built \
        concurrently as the reverse. `migplan split` writes it.
        """, automatic: true),
    Recipe(
      rule: "add-unique-constraint",
      title: "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX",
      text: """
        Build the unique index first, concurrently, in an `atomic = False` migration \
        (`SeparateDatabaseAndState(database_operations=[RunSQL('CREATE UNIQUE INDEX \
        CONCURRENTLY name ON …')])`), then attach it in the next migration with \
        `ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name` (a brief lock, no scan), \
        with the original `AddConstraint`, `unique=True` or `AlterUniqueTogether` as its state \
        operation. A partial or expression unique constraint is an index only: the concurrent \
        build is the whole change. `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "add-check-constraint", title: "AddConstraintNotValid, then ValidateConstraint",
      text: """
        Add the CHECK with `AddConstraintNotValid` (new rows are checked at once, existing rows \
        are not scanned, the ACCESS EXCLUSIVE lock is brief), and validate it with \
        `ValidateConstraint` in a separate migration: the validation scan takes only SHARE \
        UPDATE EXCLUSIVE, so reads and writes go on. A `Positive…Field` is added as its plain \
        integer twin (no CHECK), the CHECK added `NOT VALID` under the name PostgreSQL gives \
        Django's inline one (`<table>_<column>_check`) and validated, then the field class \
        switched in the state only. `migplan split` writes both migrations.
        """, automatic: true),
    Recipe(
      rule: "add-foreign-key", title: "db_constraint=False first, then NOT VALID and VALIDATE",
      text: """
        Add the field with `db_constraint=False` and `db_index=False` (or, for an existing \
        foreign key, make the change with `db_constraint=False`), build its index with \
        `CREATE INDEX CONCURRENTLY` in an `atomic = False` migration, add the constraint with \
        `RunSQL('ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY (…) REFERENCES … NOT VALID')` under \
        the name Django gives it, then `ValidateConstraint` in a separate migration (SHARE \
        UPDATE EXCLUSIVE: writes go on) with the field switched to its final form as a state \
        operation only. `migplan split` writes this chain.
        """, automatic: true),
    Recipe(
      rule: "change-column-type", title: "expand/contract with a new column",
      text: """
        A type change that rewrites the table cannot be made safe in place. Add the new column \
        `<field>_new` (nullable), deploy code that writes both fields, copy the values in \
        batches by primary key (converted with `Cast` as `USING` would), make it NOT NULL \
        through a validated CHECK if the field is, then in Django's state only remove the old \
        field and rename the new one with `db_column` pinned to the new column; deploy code \
        that uses only that, and drop the old column. A foreign key that becomes a plain \
        field on another column moves the same way to that column, its constraint and NOT NULL \
        dropped before the second release. Changes that need no rewrite (varchar \
        widened or made text, numeric precision raised at the same scale) are left alone. \
        `migplan split` writes this chain for fields without an index, a unique constraint or a \
        CHECK of their own.
        """, automatic: true),
  ]
}

/// What migplan makes of one operation: its phase, and the rule whose recipe answers it.
public struct Verdict: Sendable {
  public var phase: Phase
  /// The rule id whose recipe applies (nil for a safe operation).
  public var rule: String?
  /// Why, in one sentence.
  public var reason: String
  /// Other rules whose findings on the operation the same split answers (an `AddField` of a
  /// foreign key also builds an index).
  public var also: [String] = []

  /// `rule` and `also`.
  public var rules: [String] { (rule.map { [$0] } ?? []) + also }
}

/// When a migration of a plan runs relative to the deploy of the code that uses it.
public enum Stage: Int, Sendable, Comparable, CaseIterable {
  case beforeDeploy = 0
  case deploy = 1
  case backfill = 2
  case validate = 3
  case afterDeploy = 4
  /// A second release, for the changes that need two (a type change through a new column).
  case deployAgain = 5
  case afterSecondDeploy = 6

  public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }

  /// Whether the phase deploys code rather than running migrations.
  public var isDeploy: Bool { self == .deploy || self == .deployAgain }

  /// The kebab-case id used in JSON (`migrate-before-deploy`).
  public var id: String {
    switch self {
    case .beforeDeploy: return "migrate-before-deploy"
    case .deploy: return "deploy-code"
    case .backfill: return "backfill"
    case .validate: return "validate"
    case .afterDeploy: return "migrate-after-deploy"
    case .deployAgain: return "deploy-code-again"
    case .afterSecondDeploy: return "migrate-after-second-deploy"
    }
  }

  /// The heading of the phase.
  public var title: String {
    switch self {
    case .beforeDeploy: return "Migrate before deploy"
    case .deploy: return "Deploy code"
    case .backfill: return "Backfill"
    case .validate: return "Validate"
    case .afterDeploy: return "Migrate after deploy"
    case .deployAgain: return "Deploy code again"
    case .afterSecondDeploy: return "Migrate after the second deploy"
    }
  }
}

/// One step of a split: operations that run together in one generated migration.
