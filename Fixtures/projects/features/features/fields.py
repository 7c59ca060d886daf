import os
from typing import Generic, TypeVar

from django.conf import settings
from django.db import models

from features import limits


class ComputedBaseField(getattr(models, os.environ.get("FEATURES_BASE_FIELD", "TextField"))):
    """A field class whose base only running Python tells (as django-pghistory's JSONField)."""


class RelativePathField(models.TextField):
    """A column of a domain over text (pulpcore's RelativePathField): `db_type()` is its own,
    `get_internal_type()` stays TextField's."""

    def db_type(self, connection):
        return "relative_path"


T = TypeVar("T")


class TypedBinaryField(models.BinaryField, Generic[T]):
    """A field class with a `typing.Generic` base (django-ca's `LazyBinaryField`)."""


class CertificateField(TypedBinaryField[bytes]):
    """A subclass of a parameterized field class (django-ca's `CertificateField`)."""


class LongSlugField(models.SlugField):
    """A slug with defaults of its own (nautobot's `AutoSlugField`): `max_length=50` and
    `unique=False` are what `deconstruct()` leaves out, so the clone Django renders the state
    with has this class's 255 and `unique=True` instead."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", limits.SLUG_LENGTH)
        kwargs.setdefault("unique", True)
        super().__init__(*args, **kwargs)


class OwnerField(models.ForeignKey):
    """A foreign key class a migration imports through a module that re-exports it
    (`features.reexported.OwnerField`): `deconstruct()` names it where it is defined."""


class LanguageCodeField(models.CharField):
    """askbot's LanguageCodeField: `__init__` sets the default from a setting whatever the call
    says, so the migration's `default=b"en"` (written under Python 2) is not the column's."""

    def __init__(self, *args, **kwargs):
        kwargs["default"] = settings.LANGUAGE_CODE
        kwargs["max_length"] = 16
        super().__init__(*args, **kwargs)


class EncryptedField(models.Field):
    """django-fernet-fields' base: `get_internal_type()` returns a class attribute, so every
    subclass stores `bytea` whatever field it mixes in, unless it sets the attribute again."""

    _internal_type = "BinaryField"

    def get_internal_type(self):
        return self._internal_type


class EncryptedTextField(EncryptedField, models.TextField):
    pass


class EncryptedCharField(EncryptedField, models.CharField):
    pass


class PlainTextField(EncryptedField, models.TextField):
    """Sets the attribute `get_internal_type()` returns: a `text` column."""

    _internal_type = "TextField"


class MultiCollationMixin:
    """Open edX's (openedx_django_lib.collations, sweep 20): `db_parameters()` starts from
    `Field`'s (no collation) and sets the entry of `db_collations` for the database vendor, so
    on PostgreSQL the column has the "postgresql" entry's collation, none without one."""

    def __init__(self, *args, db_collations=None, db_collation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.db_collations = db_collations or {}

    def db_parameters(self, connection):
        db_params = models.Field.db_parameters(self, connection)
        if connection.vendor in self.db_collations:
            db_params["collation"] = self.db_collations[connection.vendor]
        return db_params

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.db_collations:
            kwargs["db_collations"] = self.db_collations
        return name, path, args, kwargs


class MultiCollationCharField(MultiCollationMixin, models.CharField):
    pass


class MultiCollationTextField(MultiCollationMixin, models.TextField):
    pass


class VendorCollationCharField(models.CharField):
    """Keeps the base's parameters and sets the vendor's entry, None without one."""

    def __init__(self, *args, **kwargs):
        self.collations = kwargs.pop("collations", None) or {}
        super().__init__(*args, **kwargs)

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        params["collation"] = self.collations.get(connection.vendor)
        return params

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["collations"] = self.collations
        return name, path, args, kwargs


class PostgresCollationTextField(models.TextField):
    """A constant collation on PostgreSQL only."""

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params
