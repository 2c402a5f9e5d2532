"""Every write to the policy content. Only the Culture department edits; each save keeps a revision."""

from django.db import transaction

from frivillig.core import workflow as wf
from frivillig.core.text import danish_slugify as slugify

from . import workflow
from .models import ToolboxAttachment, ToolboxItem


@transaction.atomic
def save_content(*, actor, obj, data: dict, reason: str = ""):
    """Update any policy content object from cleaned form data and keep a revision of the change. What the Culture
    department saves is its own text: the example mark goes."""
    wf.require(workflow.is_policy_editor, actor)
    still_example = set(obj.example_fields or (obj.PROSE if obj.is_example else ()))
    for field, value in data.items():
        if getattr(obj, field, None) != value:
            still_example.discard(field)  # rewritten: this text is the department's own now
        setattr(obj, field, value)
    obj.example_fields = [f for f in obj.PROSE if f in still_example]
    obj.is_example = bool(obj.example_fields)
    if isinstance(obj, ToolboxItem) and not obj.slug:
        obj.slug = _unique_slug(obj.title)
    obj.full_clean()
    obj._history_user = actor
    obj._change_reason = reason or None
    obj.save()
    return obj


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "emne"
    slug, n = base, 2
    while ToolboxItem.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_toolbox_item(*, actor, data: dict) -> ToolboxItem:
    return save_content(actor=actor, obj=ToolboxItem(), data=data)


@transaction.atomic
def delete_toolbox_item(*, actor, item: ToolboxItem) -> None:
    wf.require(workflow.is_policy_editor, actor)
    item._history_user = actor
    item.delete()


@transaction.atomic
def add_attachment(*, actor, item: ToolboxItem, title: str, file) -> ToolboxAttachment:
    wf.require(workflow.is_policy_editor, actor)
    attachment = ToolboxAttachment(item=item, title=title, file=file, uploaded_by=actor)
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def delete_attachment(*, actor, attachment: ToolboxAttachment) -> None:
    wf.require(workflow.is_policy_editor, actor)
    attachment.file.delete(save=False)
    attachment.delete()
