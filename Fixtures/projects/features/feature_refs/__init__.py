"""migplan's second fixture app: a model of another app that references `features`, so that
Django's `migrate` and `sqlmigrate` write different SQL for `features` 0033 (see there)."""
