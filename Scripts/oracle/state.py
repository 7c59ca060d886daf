#!/usr/bin/env python3
"""Write what Django 5.2 itself makes of the oracle project's migrations, without a database:

- operations.txt: every operation of every migration on disk of the installed apps (squashed
  and replaced ones included), one line each: `app.migration<TAB>index<TAB>module.Class`, where
  index is the position in `operations` (`3.database.0` / `3.state.1` inside a
  SeparateDatabaseAndState, `3.state_operations.0` inside a RunSQL).
- state.json: the ProjectState after the whole plan (what `migrate` builds), as the loader
  replays it: per model its options that shape the schema, and per field its class path and the
  attributes the schema depends on, read off the field instance (null, unique, db_index, …).

    .venv-oracle/bin/python Scripts/oracle/state.py --out Fixtures/oracle

make-oracle.sh made `.venv-oracle`; no PostgreSQL is needed (the loader reads files only).
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oracle_project.settings")

import django  # noqa: E402

django.setup()

from django.db import models  # noqa: E402
from django.db.migrations.loader import MigrationLoader  # noqa: E402
from django.db.migrations.operations import RunSQL, SeparateDatabaseAndState  # noqa: E402


def class_path(obj):
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def operations_lines(loader):
    lines = []

    def walk(key, prefix, ops):
        for i, op in enumerate(ops):
            index = f"{prefix}{i}"
            lines.append(f"{key[0]}.{key[1]}\t{index}\t{class_path(op)}")
            if isinstance(op, SeparateDatabaseAndState):
                walk(key, f"{index}.database.", op.database_operations)
                walk(key, f"{index}.state.", op.state_operations)
            elif isinstance(op, RunSQL):
                walk(key, f"{index}.state_operations.", op.state_operations)

    for key in sorted(loader.disk_migrations):
        walk(key, "", loader.disk_migrations[key].operations)
    return lines


PLAIN = (str, int, float, bool, type(None))


def plain(value):
    """A JSON form of a deconstructed value when it is a plain literal, else None."""
    if isinstance(value, PLAIN):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(x, PLAIN) for x in value):
        return list(value)
    return None


def field_json(field, rendered):
    """What the schema depends on, read off the (unbound) field instance in the state and, for
    the column's attributes, off `rendered`: the clone `ModelState.render()` gives the model
    class, which the schema editor reads. Made from `deconstruct()`, it has a custom field's
    `__init__` defaults where its base's `deconstruct()` leaves an argument out. The relation's
    target is the state's as written (the clone's is lower-cased)."""
    _, path, _, _ = field.deconstruct()
    out = {
        "class": path,
        "internal_type": rendered.get_internal_type(),
        "null": rendered.null,
        "unique": rendered.unique,
        "db_index": rendered.db_index,
        "primary_key": rendered.primary_key,
        "has_default": rendered.has_default(),
    }
    if rendered.max_length is not None:
        out["max_length"] = rendered.max_length
    if rendered.db_column is not None:
        out["db_column"] = rendered.db_column
    if field.is_relation:
        model = field.remote_field.model
        out["to"] = model if isinstance(model, str) else model._meta.label
        to_field = getattr(rendered.remote_field, "field_name", None)
        if to_field:
            out["to_field"] = to_field
    return out


def state_json(loader):
    state = loader.project_state()
    models_out = {}
    for (app, name), ms in sorted(state.models.items()):
        opts = ms.options
        entry = {
            "name": ms.name,
            "fields": [[fname, field_json(f, f.clone())] for fname, f in ms.fields.items()],
            "bases": [b if isinstance(b, str) else f"{b.__module__}.{b.__qualname__}" for b in ms.bases],
        }
        for key in ("db_table", "managed", "proxy", "abstract", "db_table_comment",
                    "order_with_respect_to", "swappable"):
            if key in opts:
                entry[key] = opts[key]
        for key in ("unique_together", "index_together"):
            if opts.get(key):
                entry[key] = sorted(sorted(list(t)) for t in opts[key])
        entry["indexes"] = [i.name for i in opts.get("indexes", [])]
        entry["constraints"] = [c.name for c in opts.get("constraints", [])]
        models_out[f"{app}.{name}"] = entry
    return {"models": models_out}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    out = ap.parse_args().out
    loader = MigrationLoader(None, ignore_no_migrations=True)
    with open(os.path.join(out, "operations.txt"), "w") as f:
        f.write("\n".join(operations_lines(loader)) + "\n")
    with open(os.path.join(out, "state.json"), "w") as f:
        json.dump(state_json(loader), f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
