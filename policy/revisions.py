"""Revisions of policy content (django-simple-history): who changed what, and a readable diff."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe


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


def word_diff(old: str, new: str) -> str:
    """HTML with <del> and <ins> around changed words; all text escaped."""
    a, b = old.split(" "), new.split(" ")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 - every piece is escaped above


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
