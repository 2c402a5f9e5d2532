from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.models import Organisation
from frivillig.accounts.roles import is_culture_admin
from frivillig.core import pdf
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required

from .. import indicators, queries, services
from ..forms import (
    AdoptionForm,
    HearingForm,
    IndicatorForm,
    IndicatorValueForm,
    MeetingForm,
    NewProcessForm,
    PhaseForm,
    RecordInputForm,
    ThemeForm,
)
from ..models import (
    Hearing,
    HearingDocument,
    HearingParty,
    HearingResponse,
    Indicator,
    IndicatorValue,
    Input,
    Meeting,
    Phase,
    Process,
)

_staff = role_required(is_culture_admin)


def _err(request, exc):
    messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))


@_staff
def home(request):
    form = NewProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        process = services.create_process(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Processen er oprettet ud fra skabelonen."))
        return redirect("strategy:staff_process", pk=process.pk)
    return render(request, "strategy/staff/home.html", {"form": form, "processes": Process.objects.all(),
                                                         "hearings": Hearing.objects.all()})


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
        "meetings": process.meetings.prefetch_related("signups__user")})


@_staff
@require_POST
def process_action(request, pk, action):
    process = get_object_or_404(Process, pk=pk)
    actor = request.user
    try:
        if action == "fase":
            phase = get_object_or_404(Phase, pk=request.POST.get("phase"), process=process)
            form = PhaseForm(request.POST, instance=phase, prefix=f"phase-{phase.pk}")
            if not form.is_valid():
                raise ValidationError(_("Tjek fasens datoer og felter."))
            services.update_phase(actor=actor, phase=get_object_or_404(Phase, pk=phase.pk), data=form.cleaned_data)
        elif action in ("op", "ned"):
            phase = get_object_or_404(Phase, pk=request.POST.get("phase"), process=process)
            services.move_phase(actor=actor, phase=phase, direction=-1 if action == "op" else 1)
        elif action == "tema":
            form = ThemeForm(request.POST, prefix="theme")
            if form.is_valid():
                t = form.save(commit=False)
                t.process = process
                t.save()
        elif action == "moede":
            form = MeetingForm(request.POST, prefix="meeting")
            if not form.is_valid():
                raise ValidationError(_("Tjek mødets felter: %(e)s") % {"e": "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())})
            m = form.save(commit=False)
            m.process = process
            m.save()
        elif action == "referat":
            meeting = get_object_or_404(Meeting, pk=request.POST.get("meeting"), process=process)
            services.save_meeting_notes(actor=actor, meeting=meeting, notes=request.POST.get("notes", ""))
        elif action == "registrer-input":
            form = RecordInputForm(request.POST, process=process, prefix="rec")
            if not form.is_valid():
                raise ValidationError(_("Udfyld tema, type, tekst og afsender."))
            services.record_input(actor=actor, process=process, **form.cleaned_data)
        elif action in ("offentliggoer", "skjul"):
            item = get_object_or_404(Input, pk=request.POST.get("input"), process=process)
            services.moderate_input(actor=actor, item=item, publish=action == "offentliggoer",
                                    reason=request.POST.get("reason", ""))
        elif action == "udkast":
            draft = process.drafts.first() or process.drafts.create(title=request.POST.get("title") or process.title)
            headings = request.POST.getlist("heading")
            bodies = request.POST.getlist("body")
            sections = [{"heading": h, "body": b} for h, b in zip(headings, bodies, strict=False) if h.strip() and b.strip()]
            if not sections:
                raise ValidationError(_("Et udkast skal have mindst ét afsnit med overskrift og tekst."))
            caused = request.POST.get("caused_by_input")
            if caused:
                sections[-1]["caused_by_input"] = get_object_or_404(Input, pk=caused, process=process)
            services.add_draft_version(actor=actor, draft=draft, note=request.POST.get("note", ""), sections=sections)
        elif action == "vedtag":
            form = AdoptionForm(request.POST, prefix="adopt")
            if not form.is_valid():
                raise ValidationError(_("Udfyld datoer og beslutning."))
            services.record_adoption(actor=actor, process=process, committee_on=form.cleaned_data["committee_on"],
                                     council_on=form.cleaned_data["council_on"], decision=form.cleaned_data["decision"])
        else:
            raise ValidationError(_("Ukendt handling."))
    except (ValidationError, PermissionDenied) as exc:
        _err(request, exc)
    else:
        messages.success(request, _("Processen er opdateret."))
    return redirect("strategy:staff_process", pk=process.pk)


@_staff
def hearing_new(request):
    form = HearingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        hearing = form.save(commit=False)
        hearing.slug = services._unique_slug(Hearing, hearing.title)
        hearing.save()
        if form.cleaned_data.get("document"):
            HearingDocument.objects.create(hearing=hearing, file=form.cleaned_data["document"],
                                           title=form.cleaned_data.get("document_title") or hearing.title)
        messages.success(request, _("Høringen er oprettet."))
        return redirect("strategy:staff_hearing", pk=hearing.pk)
    return render(request, "strategy/staff/hearing_form.html", {"form": form})


@_staff
def hearing(request, pk):
    hearing = get_object_or_404(Hearing, pk=pk)
    from django.core.paginator import Paginator

    responses = Paginator(hearing.responses.select_related("author", "organisation").prefetch_related("themes"),
                          25).get_page(request.GET.get("side"))
    log_access(actor=request.user, subjects=[r.author for r in responses if r.author], reason=_("Behandling af høringssvar"),
               request=request)
    themes = hearing.process.themes.all() if hearing.process else []
    return render(request, "strategy/staff/hearing.html", {
        "hearing": hearing, "responses": responses, "themes": themes, "memo": pdf.latest("strategy.hearing_memo", hearing),
        "organisations": Organisation.objects.filter(is_active=True).exclude(kind="institution"),
        "parties": hearing.parties.select_related("organisation")})


@_staff
@require_POST
def hearing_action(request, pk, action):
    hearing = get_object_or_404(Hearing, pk=pk)
    try:
        if action == "bemaerkning":
            response = get_object_or_404(HearingResponse, pk=request.POST.get("response"), hearing=hearing)
            themes = hearing.process.themes.filter(pk__in=request.POST.getlist("themes")) if hearing.process else []
            services.write_remark(actor=request.user, response=response, remark=request.POST.get("remark", ""), themes=themes)
        elif action == "notat":
            services.write_memo(actor=request.user, hearing=hearing, changes_made=request.POST.get("changes_made", ""))
        elif action == "afslut":
            services.conclude(actor=request.user, hearing=hearing)
        elif action == "part":
            org = get_object_or_404(Organisation, pk=request.POST.get("organisation"))
            HearingParty.objects.get_or_create(hearing=hearing, organisation=org)
        elif action == "inviter":
            n = services.invite_parties(actor=request.user, hearing=hearing)
            messages.info(request, _("%(n)s høringsparter er inviteret.") % {"n": n})
        else:
            raise ValidationError(_("Ukendt handling."))
    except (ValidationError, PermissionDenied) as exc:
        _err(request, exc)
    else:
        messages.success(request, _("Høringen er opdateret."))
    return redirect("strategy:staff_hearing", pk=hearing.pk)


@_staff
def indicator_admin(request):
    form = IndicatorForm(request.POST or None, prefix="ind")
    value_form = IndicatorValueForm(request.POST or None, prefix="val")
    if request.method == "POST":
        if "ind-name" in request.POST and form.is_valid():
            form.save()
            indicators.recompute()
            messages.success(request, _("Indikatoren er oprettet."))
            return redirect("strategy:staff_indicators")
        if "val-value" in request.POST and value_form.is_valid():
            IndicatorValue.objects.update_or_create(
                indicator=value_form.cleaned_data["indicator"], month=value_form.cleaned_data["month"],
                defaults={"value": value_form.cleaned_data["value"], "entered_by": request.user})
            messages.success(request, _("Tallet er gemt."))
            return redirect("strategy:staff_indicators")
        if "recompute" in request.POST:
            indicators.recompute()
            messages.success(request, _("Indikatorerne er beregnet igen."))
            return redirect("strategy:staff_indicators")
    return render(request, "strategy/staff/indicators.html", {"form": form, "value_form": value_form,
                                                               "indicators": Indicator.objects.all()})
