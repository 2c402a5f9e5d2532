from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import is_culture_admin
from frivillig.core import actions
from frivillig.core.decorators import role_required
from frivillig.core.examples import example_items

from .. import revisions, services
from ..forms import FORMS, AttachmentForm, ToolboxItemForm
from ..models import CONTENT_KINDS, GuideArticle, Theme, ToolboxAttachment, ToolboxItem, Value, WhitePaperSection, kind_of

_editor = role_required(is_culture_admin)


def _object(kind, pk):
    model = CONTENT_KINDS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


@_editor
def index(request):
    return render(request, "policy/staff/index.html", {
        "groups": [
            (_("Værdier"), "vaerdier", Value.objects.all()),
            (_("Frivillighedstemaer"), "temaer", Theme.objects.all()),
            (_("Hvidbogen"), "hvidbog", WhitePaperSection.objects.all()),
            (_("Frivillighedsguiden"), "guide", GuideArticle.objects.all()),
            (_("Værktøjskassen"), "vaerktoejskasse", ToolboxItem.objects.all()),
        ],
    })


@_editor
def examples(request):
    """Every text the portal still shows as example text, with where the Culture department replaces it."""
    return render(request, "policy/staff/examples.html", {"items": example_items()})


@_editor
def edit(request, kind, pk):
    obj = _object(kind, pk)
    form = FORMS[type(obj)](request.POST or None, instance=obj)
    # The service gets the object as stored (the form has already put the new values on its instance).
    if actions.save_form(request, form, services.save_content, obj=_object(kind, pk), as_data=True):
        messages.success(request, _("Ændringen er gemt. Den tidligere version kan ses under “Versioner”."))
        return redirect("policy_staff:edit", kind=kind, pk=pk)
    attachment_form = AttachmentForm() if isinstance(obj, ToolboxItem) else None
    return render(request, "policy/staff/edit.html", {"obj": obj, "kind": kind, "form": form,
                                                      "attachment_form": attachment_form})


@_editor
def create_toolbox_item(request):
    form = ToolboxItemForm(request.POST or None)
    if item := actions.save_form(request, form, services.create_toolbox_item, as_data=True):
        messages.success(request, _("Emnet er oprettet i værktøjskassen."))
        return redirect("policy_staff:edit", kind="vaerktoejskasse", pk=item.pk)
    return render(request, "policy/staff/create.html", {"form": form})


@_editor
@require_POST
def delete_toolbox_item(request, pk):
    item = get_object_or_404(ToolboxItem, pk=pk)
    actions.perform(request, None, services.delete_toolbox_item, item=item,
                    success=_("Emnet “%(title)s” er slettet. Dets versioner er bevaret.") % {"title": item.title})
    return redirect("policy_staff:index")


@_editor
@require_POST
def add_attachment(request, pk):
    item = get_object_or_404(ToolboxItem, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if actions.save_form(request, form, services.add_attachment, item=item):
        messages.success(request, _("Bilaget er tilføjet."))
        return redirect("policy_staff:edit", kind="vaerktoejskasse", pk=item.pk)
    return render(request, "policy/staff/edit.html", {
        "obj": item, "kind": "vaerktoejskasse", "form": ToolboxItemForm(instance=item), "attachment_form": form})


@_editor
@require_POST
def delete_attachment(request, pk):
    att = get_object_or_404(ToolboxAttachment, pk=pk)
    item = att.item
    actions.perform(request, None, services.delete_attachment, attachment=att, success=_("Bilaget er slettet."))
    return redirect("policy_staff:edit", kind="vaerktoejskasse", pk=item.pk)


@_editor
def history(request, kind, pk):
    model = CONTENT_KINDS.get(kind)
    if model is None:
        raise Http404
    obj = model.objects.filter(pk=pk).first()
    records = model.history.filter(id=pk)
    if obj is None and not records.exists():
        raise Http404
    rows = revisions.history_rows(obj) if obj else [
        {"record": r, "fields": [c.label for c in revisions.changes(r)]}
        for r in records.select_related("history_user").order_by("-history_date")]
    title = obj.title if obj else records.first().title
    return render(request, "policy/staff/history.html", {"obj": obj, "title": title, "kind": kind, "pk": pk,
                                                         "rows": rows})


@_editor
def revision(request, kind, pk, history_id):
    model = CONTENT_KINDS.get(kind)
    if model is None:
        raise Http404
    record = get_object_or_404(model.history.select_related("history_user"), id=pk, history_id=history_id)
    return render(request, "policy/staff/revision.html", {
        "record": record, "kind": kind, "pk": pk, "changes": revisions.changes(record),
        "fields": [(f.verbose_name, revisions.shown(record, f))
                   for f in model._meta.concrete_fields if f.name not in ("id", "updated_at")],
    })


__all__ = ["kind_of"]
