"""Operation classes a package re-exports from the module that defines them, under its own name
or another (`from .operations import …`): migplan follows the import to the class."""

from features.operations import AddFieldChecked, StartVersioning
from features.operations import UnaccentExtension as TextSearchExtension

__all__ = ["AddFieldChecked", "StartVersioning", "TextSearchExtension"]
