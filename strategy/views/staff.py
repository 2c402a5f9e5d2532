from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import is_culture_admin
from frivillig.core import actions, pdf
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required

from .. import indicators, queries, services
from ..forms import (
    AdoptionForm,
    DraftVersionForm,
    HearingForm,
    IndicatorForm,
    IndicatorValueForm,
    MeetingForm,
    MemoForm,
    NewProcessForm,
    NotesForm,
    PartyForm,
    PhaseForm,
    PhaseTemplateForm,
    ReasonForm,
    RecordInputForm,
    RemarkForm,
    TemplateForm,
    ThemeForm,
)
from ..models import Hearing, HearingResponse, Input, Meeting, Phase, PhaseTemplate, Process, ProcessTemplate

_staff = role_required(is_culture_admin)


@_staff
def home(request):
    form = NewProcessForm(request.POST or None)
    if process := actions.save_form(request, form, services.create_process):
        messages.success(request, _("Processen er oprettet ud fra skabelonen."))
        return redirect("strategy:staff_process", pk=process.pk)
    return render(request, "strategy/staff/home.html", {"form": form, "processes": Process.objects.all(),
                                                         "hearings": Hearing.objects.all()})


def _obj(model, related=()):
    """access(user, pk) for a staff step: the role decorator has checked the user; 404 for a missing object."""
    return lambda user, pk: get_object_or_404(model.objects.select_related(*related), pk=pk)


def _to_process(obj):
    return reverse("strategy:staff_process", args=[obj.pk if isinstance(obj, Process) else obj.process_id])


def _to_hearing(obj):
    return reverse("strategy:staff_hearing", args=[obj.pk if isinstance(obj, Hearing) else obj.hearing_id])


def _step(model, name, *, back, service, success, form=None, prefix="", form_kwargs=None, as_data=False, related=()):
    return _staff(actions.action_view(access=_obj(model, related), name=name, back=back, service=service, success=success,
                                      form=form, prefix=prefix, form_kwargs=form_kwargs, as_data=as_data))


@_staff
def process(request, pk):
    process = get_object_or_404(Process, pk=pk)
    log_access(actor=request.user, subjects=queries.people_in_process(process), reason=_("Strategiproces: input og tilmeldinger"),
               request=request)
    return render(request, "strategy/staff/process.html", {
        "process": process, "phases": [(p, PhaseForm(instance=p, prefix=f"phase-{p.pk}")) for p in process.phases.all()],
        "theme_form": ThemeForm(prefix="theme"), "meeting_form": MeetingForm(prefix="meeting"),
        "record_form": RecordInputForm(process=process, prefix="rec"), "adoption_form": AdoptionForm(prefix="adopt"),
        "pending": process.inputs.exclude(status=Input.Status.HIDDEN).select_related("theme", "author"),
        "draft_sections": queries.draft_form_sections(process), "citable": queries.citable_inputs(process),
        "meetings": process.meetings.prefetch_related("signups__user")})


# One URL, one form, one service for each step on a process and its parts.
phase_update = _step(Phase, "phase", back=_to_process, service=services.update_phase, as_data=True,
                     form=PhaseForm, form_kwargs=lambda phase: {"instance": phase, "prefix": f"phase-{phase.pk}"},
                     success=_("Fasen er gemt."))
phase_up = _step(Phase, "phase", back=_to_process, service=partial(services.move_phase, direction=-1),
                 success=_("Fasen er flyttet op."))
phase_down = _step(Phase, "phase", back=_to_process, service=partial(services.move_phase, direction=1),
                   success=_("Fasen er flyttet ned."))
process_add_theme = _step(Process, "process", back=_to_process, service=services.add_theme, form=ThemeForm,
                          prefix="theme", success=_("Temaet er tilføjet."))
process_add_meeting = _step(Process, "process", back=_to_process, service=services.create_meeting, form=MeetingForm,
                            prefix="meeting", success=_("Mødet er oprettet."))
process_record_input = _step(Process, "process", back=_to_process, service=services.record_input, form=RecordInputForm,
                             prefix="rec", form_kwargs=lambda p: {"process": p, "prefix": "rec"},
                             success=_("Inputtet er registreret."))
process_add_draft = _step(Process, "process", back=_to_process, service=services.add_draft_version_to_process,
                          form=DraftVersionForm, form_kwargs=lambda p: {"process": p},
                          success=_("Den nye version af udkastet er gemt."))
process_adopt = _step(Process, "process", back=_to_process, service=services.record_adoption, form=AdoptionForm,
                      prefix="adopt", success=_("Vedtagelsen er registreret."))
meeting_notes = _step(Meeting, "meeting", back=_to_process, service=services.save_meeting_notes, form=NotesForm,
                      success=_("Referatet er gemt."))
input_publish = _step(Input, "item", back=_to_process, service=partial(services.moderate_input, publish=True),
                      success=_("Inputtet er offentliggjort."))
input_hide = _step(Input, "item", back=_to_process, service=partial(services.moderate_input, publish=False),
                   form=ReasonForm, success=_("Inputtet er skjult."))


@_staff
def templates(request):
    form = TemplateForm(request.POST or None)
    if template := actions.save_form(request, form, services.save_template):
        messages.success(request, _("Skabelonen er oprettet. Tilføj dens faser."))
        return redirect("strategy:staff_template", pk=template.pk)
    return render(request, "strategy/staff/templates.html", {"form": form, "templates": queries.templates()})


@_staff
def template(request, pk):
    template = get_object_or_404(ProcessTemplate, pk=pk)
    return render(request, "strategy/staff/template.html", {
        "template": template, "form": TemplateForm(instance=template, prefix="tpl"),
        "phases": [(p, PhaseTemplateForm(instance=p, prefix=f"pt-{p.pk}")) for p in template.phases.all()],
        "phase_form": PhaseTemplateForm(prefix="new")})


def _to_template(obj):
    return reverse("strategy:staff_template", args=[obj.pk if isinstance(obj, ProcessTemplate) else obj.template_id])


template_edit = _step(ProcessTemplate, "template", back=_to_template, service=services.save_template, form=TemplateForm,
                      form_kwargs=lambda t: {"instance": t, "prefix": "tpl"}, success=_("Skabelonen er gemt."))
template_add_phase = _step(ProcessTemplate, "template", back=_to_template, service=services.add_phase_template,
                           form=PhaseTemplateForm, prefix="new", success=_("Fasen er tilføjet skabelonen."))
phase_template_update = _step(PhaseTemplate, "phase", back=_to_template, service=services.update_phase_template,
                              form=PhaseTemplateForm, form_kwargs=lambda p: {"instance": p, "prefix": f"pt-{p.pk}"},
                              success=_("Fasen er gemt."))
phase_template_remove = _step(PhaseTemplate, "phase", back=_to_template, service=services.remove_phase_template,
                              success=_("Fasen er fjernet fra skabelonen."))


@_staff
def hearing_new(request):
    form = HearingForm(request.POST or None, request.FILES or None)
    if hearing := actions.save_form(request, form, services.create_hearing):
        messages.success(request, _("Høringen er oprettet."))
        return redirect("strategy:staff_hearing", pk=hearing.pk)
    return render(request, "strategy/staff/hearing_form.html", {"form": form})


@_staff
def hearing(request, pk):
    hearing = get_object_or_404(Hearing, pk=pk)
    paginator = Paginator(queries.staff_responses(hearing), 25)
    paginator.count = hearing.response_count  # kept by a trigger (strategy/migrations/0002)
    responses = paginator.get_page(request.GET.get("side"))
    log_access(actor=request.user, subjects=[r.author for r in responses if r.author], reason=_("Behandling af høringssvar"),
               request=request)
    return render(request, "strategy/staff/hearing.html", {
        "hearing": hearing, "responses": responses, "themes": hearing.process.themes.all() if hearing.process else [],
        "memo": pdf.latest("strategy.hearing_memo", hearing), "organisations": PartyForm.base_fields["organisation"].queryset,
        "parties": hearing.parties.select_related("organisation"), "documents": hearing.documents.all()})


response_remark = _step(HearingResponse, "response", back=_to_hearing, service=services.write_remark, form=RemarkForm,
                        form_kwargs=lambda r: {"hearing": r.hearing}, related=("hearing",),
                        success=_("Bemærkningen er gemt."))
hearing_memo = _step(Hearing, "hearing", back=_to_hearing, service=services.write_memo, form=MemoForm,
                     success=_("Høringsnotatet er skrevet og bliver dannet som PDF."))
hearing_conclude = _step(Hearing, "hearing", back=_to_hearing, service=services.conclude, success=_("Høringen er afsluttet."))
hearing_add_party = _step(Hearing, "hearing", back=_to_hearing, service=services.add_party, form=PartyForm,
                          success=_("Høringsparten er tilføjet."))


@_staff
@require_POST
def hearing_invite(request, pk):
    hearing = get_object_or_404(Hearing, pk=pk)
    if (n := actions.perform(request, None, services.invite_parties, hearing=hearing)) is not None:
        messages.success(request, _("%(n)s høringsparter er inviteret.") % {"n": 0 if n is True else n})
    return redirect("strategy:staff_hearing", pk=hearing.pk)


def _indicators(request, form=None, value_form=None):
    return render(request, "strategy/staff/indicators.html", {
        "form": form or IndicatorForm(prefix="ind"), "value_form": value_form or IndicatorValueForm(prefix="val"),
        "rows": indicators.dashboard(1)})


@_staff
def indicator_admin(request):
    return _indicators(request)


@_staff
@require_POST
def indicator_create(request):
    form = IndicatorForm(request.POST, prefix="ind")
    if actions.save_form(request, form, services.create_indicator):
        messages.success(request, _("Indikatoren er oprettet."))
        return redirect("strategy:staff_indicators")
    return _indicators(request, form=form)


@_staff
@require_POST
def indicator_value(request):
    form = IndicatorValueForm(request.POST, prefix="val")
    if actions.save_form(request, form, services.record_indicator_value):
        messages.success(request, _("Tallet er gemt."))
        return redirect("strategy:staff_indicators")
    return _indicators(request, value_form=form)


@_staff
@require_POST
def indicator_recompute(request):
    actions.perform(request, None, services.recompute_indicators, success=_("Indikatorerne er beregnet igen."))
    return redirect("strategy:staff_indicators")
