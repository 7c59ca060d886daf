#!/usr/bin/env python3
"""Collect the Django oracle data for migplan from a real Django on a real PostgreSQL.

Run by Scripts/oracle/make-oracle.sh (which makes the venv and the throw-away server); by hand:

    ORACLE_DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/postgres PYTHONHASHSEED=0 TZ=UTC \
        .venv-oracle/bin/python Scripts/oracle/collect.py --out Fixtures/oracle

The database must be empty. Everything runs in this one process through `call_command`, the way
`manage.py` runs each command, so the outputs are what the commands print:

1. `showmigrations --plan`  -> plan.txt (one `app_label.migration_name` a line, Django's order)
2. pass 0: `sqlmigrate` of every migration while the database is still empty (kept in memory)
3. one real `migrate` of the whole project; just before it applies each migration X (its
   executor's "apply_start", the previous migration committed), `sqlmigrate APP X`
       -> sql/APP/X.sql (stdout exactly as printed, trailing newline included)
   then values Django computes at run time (timezone.now(), uuid4(), ...) that end up as
   literals in the SQL are replaced by placeholders; masked.txt lists every replacement.
   With --mode loop, `sqlmigrate APP X; migrate APP X` for every X instead (same output, slower).
   Where sqlmigrate itself fails, sql/APP/X.error holds its error and sql/APP/X.sql the SQL of
   the state `migrate` uses (see sqlmigrate_as_migrate_sees_it).
   db-dependent.txt: the migrations whose SQL differs from (or fails unlike) pass 0.
   Just after it applied X ("apply_success", X committed, the next not begun), `sqlmigrate
   --backwards APP X` -> sql/APP/X.back.sql, masked the same way; where it fails (an
   irreversible operation), sql/APP/X.back.error holds the error and X.back.sql is empty.
4. the catalogs after the full migrate -> schema.json

Outputs are written to a temporary folder beside --out and moved into place only when all of
them are complete, so a failed run never leaves a half-written oracle.
"""
import argparse
import datetime
import io
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oracle_project.settings")

GENERATED = ("plan.txt", "sql", "schema.json", "masked.txt", "db-dependent.txt")


def log(msg):
    print(f"collect.py: {msg}", file=sys.stderr, flush=True)


# --- 1. plan -------------------------------------------------------------------------------------
def read_plan(call_command):
    out = io.StringIO()
    call_command("showmigrations", format="plan", verbosity=1, no_color=True, stdout=out)
    plan = []
    for line in out.getvalue().splitlines():
        m = re.fullmatch(r"\[( |X)\]  ([^.\s]+)\.(\S+)", line)
        if not m:
            raise SystemExit(f"collect.py: unexpected showmigrations line {line!r}")
        if m.group(1) == "X":
            raise SystemExit("collect.py: the database is not empty (a migration is applied)")
        plan.append((m.group(2), m.group(3)))
    return plan


# --- 2. masking ----------------------------------------------------------------------------------
# Literals as psycopg 3 quotes them: '2026-01-31 12:34:56.123456+00:00'::timestamptz,
# '2026-01-31'::date, '12:34:56.123456'::time, '0123456789abcdef0123456789abcdef'::uuid. A date/time literal is a run-time
# value when its date is a day the run was on (a date written in a migration file is not); a uuid
# literal is one when the migration's source file does not contain it.
TIMESTAMP = re.compile(
    r"'(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}(?::\d{2})?)?'::timestamp(?:tz)?"
)
DATE = re.compile(r"'(\d{4}-\d{2}-\d{2})'::date")
TIME = re.compile(r"'\d{2}:\d{2}:\d{2}(?:\.\d+)?'::time(?:tz)?")
UUID = re.compile(
    r"'([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})'::uuid"
)

# A UUID a text column holds: `CharField.to_python` makes it `str(uuid)`, with dashes.
UUID_TEXT = re.compile(
    r"'([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})'(?!::)"
)

PLACEHOLDERS = {
    "timestamp": "'<now>'::timestamptz",
    "date": "'<today>'::date",
    "time": "'<now>'::time",
    "uuid": "'<uuid4>'::uuid",
    "uuid-text": "'<uuid4>'",
}


def mask(sql, run_days, source, time_ops):
    """Returns (masked sql, [(kind, original literal)])."""
    found = []

    def ts(m):
        if m.group(1) in run_days:
            found.append(("timestamp", m.group(0)))
            return PLACEHOLDERS["timestamp"] if m.group(0).endswith("tz") else "'<now>'::timestamp"
        return m.group(0)

    def d(m):
        if m.group(1) in run_days:
            found.append(("date", m.group(0)))
            return PLACEHOLDERS["date"]
        return m.group(0)

    def t(m):
        # A bare time literal cannot be told from one written in the migration by its value: it
        # is masked only when the migration has a TimeField with auto_now/auto_now_add or a
        # callable default (time_ops), the only ways Django computes one at run time.
        if time_ops:
            found.append(("time", m.group(0)))
            return PLACEHOLDERS["time"] if m.group(0).endswith("::time") else "'<now>'::timetz"
        return m.group(0)

    def u(m):
        # psycopg 3 writes a uuid as 32 hex digits; a migration file may spell it either way.
        if m.group(1).replace("-", "").lower() not in source.replace("-", "").lower():
            found.append(("uuid", m.group(0)))
            return PLACEHOLDERS["uuid"]
        return m.group(0)

    sql = TIMESTAMP.sub(ts, sql)
    sql = DATE.sub(d, sql)
    sql = TIME.sub(t, sql)
    def ut(m):
        if m.group(1).replace("-", "").lower() not in source.replace("-", "").lower():
            found.append(("uuid-text", m.group(0)))
            return PLACEHOLDERS["uuid-text"]
        return m.group(0)

    sql = UUID.sub(u, sql)
    sql = UUID_TEXT.sub(ut, sql)
    return sql, found


def runtime_time_fields(migration):
    """Whether an operation of the migration adds/alters a TimeField whose value Django computes."""
    from django.db import models
    from django.db.migrations import operations as ops

    def walk(operations):
        for op in operations:
            if isinstance(op, ops.SeparateDatabaseAndState):
                yield from walk(op.database_operations)
            else:
                yield op

    for op in walk(migration.operations):
        field = getattr(op, "field", None)
        if isinstance(field, models.TimeField) and (
            getattr(field, "auto_now", False)
            or getattr(field, "auto_now_add", False)
            or callable(field.default)
        ):
            return True
    return False


def sqlmigrate_as_migrate_sees_it(call_command, app, name, stdout, stderr):
    """`sqlmigrate APP NAME`, except that its loader replaces squashed migrations as `migrate`'s
    does (replace_migrations=True). sqlmigrate builds the state before NAME from the graph
    *without* replacements, so after a squashed migration it replays the migrations the squash
    replaced, while the database was built by the squash. When the two disagree, sqlmigrate can
    fail (e.g. a constraint that the replaced migrations create and the squash does not); this is
    the SQL that `migrate` runs for NAME in that case."""
    from unittest import mock

    from django.core.management.commands import sqlmigrate
    from django.db.migrations.loader import MigrationLoader

    def replacing_loader(connection, replace_migrations=True, **kwargs):
        return MigrationLoader(connection, replace_migrations=True, **kwargs)

    with mock.patch.object(sqlmigrate, "MigrationLoader", replacing_loader):
        call_command(sqlmigrate.Command(), app, name, no_color=True, stdout=stdout, stderr=stderr)


# --- 3. catalogs ---------------------------------------------------------------------------------
def dump_schema(connection):
    q = connection.cursor()

    def rows(sql, *params):
        q.execute(sql, params)
        return q.fetchall()

    tables = {}
    for oid, name, kind, comment in rows(
        """SELECT c.oid, c.relname, c.relkind, obj_description(c.oid, 'pg_class')
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            ORDER BY c.relname"""
    ):
        columns = []
        for (cname, ctype, notnull, default, identity, generated, ccomment, collation) in rows(
            """SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                      pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                      col_description(a.attrelid, a.attnum),
                      CASE WHEN a.attcollation <> t.typcollation THEN co.collname END
                 FROM pg_attribute a
                 JOIN pg_type t ON t.oid = a.atttypid
                 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 LEFT JOIN pg_collation co ON co.oid = a.attcollation
                WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum""",
            oid,
        ):
            col = {"name": cname, "type": ctype, "nullable": not notnull}
            if generated == "s":
                col["generated"] = default
            elif default is not None:
                col["default"] = default
            if identity:
                col["identity"] = {"a": "always", "d": "by default"}[identity]
            if collation is not None:
                col["collation"] = collation
            if ccomment is not None:
                col["comment"] = ccomment
            columns.append(col)
        indexes = [
            {"name": iname, "definition": idef, "valid": valid}
            for iname, idef, valid in rows(
                """SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisvalid
                     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                    WHERE x.indrelid = %s ORDER BY i.relname""",
                oid,
            )
        ]
        constraints = [
            {
                "name": cname,
                "type": {"c": "check", "f": "foreign key", "p": "primary key", "u": "unique",
                         "t": "trigger", "x": "exclusion"}.get(ctype, ctype),
                "definition": cdef,
                "deferrable": deferrable,
                "deferred": deferred,
                "validated": validated,
            }
            for cname, ctype, cdef, deferrable, deferred, validated in rows(
                """SELECT conname, contype, pg_get_constraintdef(oid), condeferrable,
                          condeferred, convalidated
                     FROM pg_constraint WHERE conrelid = %s
                    ORDER BY conname, pg_get_constraintdef(oid)""",
                oid,
            )
        ]
        triggers = [
            {"name": tname, "definition": tdef}
            for tname, tdef in rows(
                """SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger
                    WHERE tgrelid = %s AND NOT tgisinternal ORDER BY tgname""",
                oid,
            )
        ]
        table = {"kind": {"r": "table", "p": "partitioned table", "v": "view",
                          "m": "materialized view", "f": "foreign table"}[kind]}
        if comment is not None:
            table["comment"] = comment
        table["columns"] = columns
        table["indexes"] = indexes
        table["constraints"] = constraints
        if triggers:
            table["triggers"] = triggers
        if kind in ("v", "m"):
            table["view definition"] = rows("SELECT pg_get_viewdef(%s::oid)", oid)[0][0]
        tables[name] = table

    other = {
        "extensions": [
            {"name": n, "version": v}
            for n, v in rows("SELECT extname, extversion FROM pg_extension ORDER BY extname")
        ],
        # sequences that no identity or serial column owns (Django makes none; RunSQL might)
        "sequences": [
            n
            for (n,) in rows(
                """SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'S'
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                       WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                         AND d.refclassid = 'pg_class'::regclass
                                         AND d.deptype IN ('a', 'i'))
                    ORDER BY c.relname"""
            )
        ],
        "functions": [
            f"{n}({a})"
            for n, a in rows(
                """SELECT p.proname, pg_get_function_identity_arguments(p.oid)
                     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public'
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid
                                        AND d.deptype = 'e')
                    ORDER BY 1, 2"""
            )
        ],
        "collations": [
            n
            for (n,) in rows(
                """SELECT c.collname FROM pg_collation c JOIN pg_namespace n
                       ON n.oid = c.collnamespace WHERE n.nspname = 'public' ORDER BY 1"""
            )
        ],
    }
    return tables, other


def write_schema(path, server_version, tables, other):
    """JSON, one fact (column, index, constraint, …) per line so that a diff reads well."""
    dumps = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)  # noqa: E731
    out = ["{", f'  "server_version": {dumps(server_version)},', '  "tables": {']
    names = list(tables)
    for ti, name in enumerate(names):
        table = tables[name]
        out.append(f"    {dumps(name)}: {{")
        keys = sorted(table)
        for ki, key in enumerate(keys):
            value = table[key]
            comma = "," if ki + 1 < len(keys) else ""
            if isinstance(value, list):
                if not value:
                    out.append(f"      {dumps(key)}: []{comma}")
                    continue
                out.append(f"      {dumps(key)}: [")
                for vi, item in enumerate(value):
                    out.append(f"        {dumps(item)}{',' if vi + 1 < len(value) else ''}")
                out.append(f"      ]{comma}")
            else:
                out.append(f"      {dumps(key)}: {dumps(value)}{comma}")
        out.append(f"    }}{',' if ti + 1 < len(names) else ''}")
    out.append("  },")
    keys = sorted(other)
    for ki, key in enumerate(keys):
        out.append(f"  {dumps(key)}: {dumps(other[key])}{',' if ki + 1 < len(keys) else ''}")
    out.append("}")
    text = "\n".join(out) + "\n"
    json.loads(text)  # it is valid JSON
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --- main ----------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True,
                    help="folder to write plan.txt, sql/, schema.json, masked.txt into")
    ap.add_argument("--mode", choices=("hook", "loop"), default="hook",
                    help="hook (default): one real `migrate`, sqlmigrate run just before it "
                         "applies each migration; loop: `sqlmigrate APP X; migrate APP X` for "
                         "every X (slower; kept to cross-check the hook)")
    ap.add_argument("--no-empty-pass", action="store_true",
                    help="skip pass 0 (sqlmigrate on the empty database; db-dependent.txt)")
    ap.add_argument("--any-hash-seed", action="store_true",
                    help="run with whatever PYTHONHASHSEED is set (to find the outputs that "
                         "depend on it; see the README)")
    args = ap.parse_args()

    if os.environ.get("PYTHONHASHSEED") != "0" and not args.any_hash_seed:
        # Django iterates sets (unique_together, index_together) when it renders some
        # migrations; the order of those statements follows the string hash seed.
        raise SystemExit("collect.py: run with PYTHONHASHSEED=0 (make-oracle.sh does)")

    # SIGTERM (make-oracle.sh's trap) unwinds like Ctrl-C, so the temporary folder is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    import django

    django.setup()
    from django.core.management import call_command
    from django.core.management.commands import migrate as migrate_command
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    started = time.monotonic()
    run_days = {datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
                datetime.date.today().isoformat()}

    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".collect-", dir=out_dir)
    try:
        plan = read_plan(call_command)
        log(f"{len(plan)} migrations in the plan")
        with open(os.path.join(tmp, "plan.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(f"{a}.{m}\n" for a, m in plan))

        # Pass 0: sqlmigrate of every migration against the still empty database. Where that
        # differs from (or fails unlike) the real pass below, sqlmigrate's output depends on what
        # the database holds: names it looks up by introspection, or rows a default reads.
        empty_db = {}
        if not args.no_empty_pass:
            for app, name in plan:
                buf = io.StringIO()
                try:
                    call_command("sqlmigrate", app, name, no_color=True, stdout=buf,
                                 stderr=io.StringIO())
                    empty_db[(app, name)] = ("sql", buf.getvalue())
                except Exception as e:  # noqa: BLE001
                    empty_db[(app, name)] = ("error", f"{type(e).__name__}: {str(e).splitlines()[0]}")
            log(f"sqlmigrate of every migration on the empty database "
                f"({time.monotonic() - started:.0f} s)")

        # The migration objects and their source files, for the masking rules.
        disk = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False).disk_migrations

        masked_lines = []
        empty = []
        errors = []
        dependent = []
        done = []
        timing = {"sqlmigrate": 0.0}

        def record(app, name):
            """sqlmigrate APP NAME against the database as it is now -> sql/APP/NAME.sql"""
            stdout, stderr = io.StringIO(), io.StringIO()
            t0 = time.monotonic()
            error = None
            try:
                call_command("sqlmigrate", app, name, no_color=True, stdout=stdout, stderr=stderr)
            except Exception as e:  # noqa: BLE001 - recorded, see sqlmigrate_as_migrate_sees_it
                error = f"{type(e).__name__}: {e}\n"
                log(f"sqlmigrate {app} {name} failed ({error.strip()}); recording the .error "
                    "and the SQL from the state migrate uses")
                stdout, stderr = io.StringIO(), io.StringIO()
                sqlmigrate_as_migrate_sees_it(call_command, app, name, stdout, stderr)
            timing["sqlmigrate"] += time.monotonic() - t0

            sql = stdout.getvalue()
            if not sql:
                empty.append(f"{app}.{name}")
            migration = disk[(app, name)]
            with open(sys.modules[migration.__module__].__file__, encoding="utf-8") as f:
                source = f.read()
            time_ops = runtime_time_fields(migration)
            sql, found = mask(sql, run_days, source, time_ops)
            if (app, name) in empty_db:
                kind, value = empty_db[(app, name)]
                if kind == "error":
                    dependent.append(f"{app}.{name}\tfails\t{value}")
                elif error is not None or mask(value, run_days, source, time_ops)[0] != sql:
                    dependent.append(f"{app}.{name}\tdiffers")
            for kind, literal in found:
                masked_lines.append(f"sql/{app}/{name}.sql\t{kind}\t{PLACEHOLDERS[kind]}")
            path = os.path.join(tmp, "sql", app, f"{name}.sql")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if error is not None:
                errors.append(f"{app}.{name}")
                with open(path[: -len(".sql")] + ".error", "w", encoding="utf-8", newline="\n") as f:
                    f.write(error)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(sql)
            done.append((app, name))
            if len(done) % 50 == 0 or len(done) == len(plan):
                log(f"{len(done)}/{len(plan)} migrations ({time.monotonic() - started:.0f} s)")

        def record_back(app, name):
            """sqlmigrate --backwards APP NAME just after NAME was applied -> sql/APP/NAME.back.sql"""
            stdout, stderr = io.StringIO(), io.StringIO()
            t0 = time.monotonic()
            error = None
            try:
                call_command("sqlmigrate", app, name, backwards=True, no_color=True, stdout=stdout,
                             stderr=stderr)
            except Exception as e:  # noqa: BLE001 - an irreversible migration, recorded
                # Without the function's address, which changes from run to run.
                error = re.sub(r" at 0x[0-9a-f]+>", ">", f"{type(e).__name__}: {e}\n")
                stdout = io.StringIO()
            timing["sqlmigrate"] += time.monotonic() - t0
            migration = disk[(app, name)]
            with open(sys.modules[migration.__module__].__file__, encoding="utf-8") as f:
                source = f.read()
            sql, found = mask(stdout.getvalue(), run_days, source, runtime_time_fields(migration))
            for kind, literal in found:
                masked_lines.append(f"sql/{app}/{name}.back.sql\t{kind}\t{PLACEHOLDERS[kind]}")
            path = os.path.join(tmp, "sql", app, f"{name}.back.sql")
            if error is not None:
                with open(path[: -len(".sql")] + ".error", "w", encoding="utf-8", newline="\n") as f:
                    f.write(error)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(sql)

        migrate_log = io.StringIO()
        if args.mode == "hook":
            # The real `migrate` command, unchanged but for one thing: when its executor reports
            # "apply_start" for a migration (the previous one is committed, this one not begun),
            # sqlmigrate runs first. So each sqlmigrate sees exactly the database that one real
            # `migrate` of the whole project has reached just before that migration.
            class Migrate(migrate_command.Command):
                def migration_progress_callback(self, action, migration=None, fake=False):
                    if action == "apply_start":
                        record(migration.app_label, migration.name)
                    super().migration_progress_callback(action, migration, fake)
                    if action == "apply_success":
                        record_back(migration.app_label, migration.name)

            call_command(Migrate(), interactive=False, no_color=True, verbosity=1,
                         skip_checks=False, stdout=migrate_log, stderr=migrate_log)
        else:
            for app, name in plan:
                record(app, name)
                call_command("migrate", app, name, interactive=False, no_color=True, verbosity=1,
                             stdout=migrate_log, stderr=migrate_log)
                record_back(app, name)
        if done != plan:
            raise SystemExit("collect.py: migrate applied the migrations in another order than "
                             "showmigrations --plan printed")
        t_total = time.monotonic() - started

        with open(os.path.join(tmp, "masked.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in masked_lines))
        if not args.no_empty_pass:
            with open(os.path.join(tmp, "db-dependent.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write("".join(line + "\n" for line in dependent))

        with connection.cursor() as c:
            c.execute("SELECT current_setting('server_version')")
            server_version = c.fetchone()[0]
        tables, other = dump_schema(connection)
        write_schema(os.path.join(tmp, "schema.json"), server_version, tables, other)

        # Every migration is applied, and nothing is left to migrate.
        check = io.StringIO()
        call_command("showmigrations", format="plan", no_color=True, stdout=check)
        left = [l for l in check.getvalue().splitlines() if not l.startswith("[X]")]
        if left:
            raise SystemExit(f"collect.py: not applied after migrate: {left[:5]}")

        for name in GENERATED:
            if not os.path.exists(os.path.join(tmp, name)):
                continue  # db-dependent.txt with --no-empty-pass: keep the old one
            target = os.path.join(out_dir, name)
            if os.path.isdir(target):
                shutil.rmtree(target)
            elif os.path.exists(target):
                os.remove(target)
            os.replace(os.path.join(tmp, name), target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    log(f"{len(plan)} migrations in {t_total:.0f} s (sqlmigrate {timing['sqlmigrate']:.0f} s, "
        f"the rest is migrate), {len(tables)} tables, {len(masked_lines)} masked literals, "
        f"{len(empty)} migrations print no SQL, sqlmigrate failed on {len(errors)}: "
        f"{' '.join(errors) or '-'}; {len(dependent)} depend on the database")
    log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
