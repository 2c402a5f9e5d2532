"""Revisions of policy content (django-simple-history): who changed what, and a readable diff."""

from dataclasses import dataclass

from frivillig.core.text import word_diff


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str
    diff: str


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def shown(obj, field) -> str:
    """A field's value as a person reads it: choice labels, never codes (also inside lists)."""
    value = getattr(obj, field.name)
    choices = dict(field.flatchoices or getattr(getattr(field, "base_field", None), "flatchoices", None) or [])
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return _text(choices.get(value, value) if choices else value)


def changes(record) -> list[FieldChange]:
    """The field changes a history record made compared with the record before it."""
    previous = record.prev_record
    model = record.instance_type
    tracked = [f for f in model._meta.concrete_fields if f.name not in ("id", "updated_at")]
    if previous is None:
        return [FieldChange(f.name, str(f.verbose_name), "", shown(record, f), word_diff("", shown(record, f)))
                for f in tracked]
    delta = record.diff_against(previous)
    names = {c.field for c in delta.changes}
    return [FieldChange(f.name, str(f.verbose_name), shown(previous, f), shown(record, f),
                        word_diff(shown(previous, f), shown(record, f)))
            for f in tracked if f.name in names]


def history_rows(obj):
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    return [{"record": r, "fields": [c.label for c in changes(r)]} for r in records]
