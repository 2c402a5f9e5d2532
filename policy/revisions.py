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


def changes(record) -> list[FieldChange]:
    """The field changes a history record made compared with the record before it."""
    previous = record.prev_record
    model = record.instance_type
    tracked = [f for f in model._meta.concrete_fields if f.name not in ("id", "updated_at")]
    if previous is None:
        return [FieldChange(f.name, str(f.verbose_name), "", _text(getattr(record, f.name)),
                            word_diff("", _text(getattr(record, f.name)))) for f in tracked]
    delta = record.diff_against(previous)
    names = {c.field for c in delta.changes}
    return [FieldChange(f.name, str(f.verbose_name), _text(getattr(previous, f.name)), _text(getattr(record, f.name)),
                        word_diff(_text(getattr(previous, f.name)), _text(getattr(record, f.name))))
            for f in tracked if f.name in names]


def history_rows(obj):
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    return [{"record": r, "fields": [c.label for c in changes(r)]} for r in records]
