"""Choice labels for rows read as plain values: Django's get_FOO_display() builds a dict of every (lazy) choice on
each call; a list of 50 rows needs the dict once per language."""

from functools import lru_cache

from django.utils.translation import get_language


@lru_cache(maxsize=128)
def _labels(model, field_name: str, language: str | None) -> dict:
    return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}


def choice_labels(model, field_name: str) -> dict:
    """{value: label} of a model field's choices in the active language, e.g. choice_labels(Task, "status")."""
    return _labels(model, field_name, get_language())
