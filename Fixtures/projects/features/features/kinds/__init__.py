"""A package whose `__init__` re-exports a field class of another module (as an app's
`models/__init__.py` re-exports `models/fields.py`)."""

from features.fields import OwnerField

__all__ = ["OwnerField"]
