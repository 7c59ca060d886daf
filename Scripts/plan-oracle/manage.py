#!/usr/bin/env python3
"""A minimal Django project for the planner's oracle test (Tests/MigplanPlannerTests).

    PLAN_ORACLE_APPS_DIR=/tmp/x/split PLAN_ORACLE_APPS=addfield \
    PLAN_ORACLE_DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/db \
        .venv-test/bin/python Scripts/plan-oracle/manage.py migrate addfield

PLAN_ORACLE_APPS_DIR is put on sys.path; PLAN_ORACLE_APPS (comma-separated) are the installed
apps, nothing else (no contrib app); the database is PostgreSQL through psycopg 3. Needs only
Django and psycopg (Scripts/test.sh puts both in .venv-test).
"""
import os
import sys
from urllib.parse import unquote, urlsplit

sys.path.insert(0, os.environ["PLAN_ORACLE_APPS_DIR"])

from django.conf import settings  # noqa: E402

url = urlsplit(os.environ["PLAN_ORACLE_DATABASE_URL"])
# PLAN_ORACLE_DEFAULT_AUTO_FIELD: the setting's value; empty: not set (Django's own AutoField).
auto = os.environ.get("PLAN_ORACLE_DEFAULT_AUTO_FIELD", "django.db.models.BigAutoField")
# PLAN_ORACLE_SETTINGS_MODULE: a project's settings module (under PLAN_ORACLE_APPS_DIR) whose
# settings are added, all but the database and the installed apps, which stay the oracle's.
options = {"DEFAULT_AUTO_FIELD": auto} if auto else {}
if os.environ.get("PLAN_ORACLE_SETTINGS_MODULE"):
    import importlib

    module = importlib.import_module(os.environ["PLAN_ORACLE_SETTINGS_MODULE"])
    options.update(
        (k, getattr(module, k))
        for k in dir(module)
        if k.isupper() and k not in ("DATABASES", "INSTALLED_APPS", "SECRET_KEY")
    )
settings.configure(
    **options,
    SECRET_KEY="plan-oracle",
    INSTALLED_APPS=[a for a in os.environ["PLAN_ORACLE_APPS"].split(",") if a],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(url.path.lstrip("/")),
            "USER": unquote(url.username or ""),
            "PASSWORD": unquote(url.password or ""),
            "HOST": url.hostname or "",
            "PORT": str(url.port or ""),
        }
    },
    USE_TZ=True,
    TIME_ZONE="UTC",
)

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
