from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.core import actions
from frivillig.core.decorators import role_required

from .. import queries, services, workflow
from ..forms import (
    AgendaItemForm,
    AgreementVersionForm,
    DocumentForm,
    FollowUpForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    QuorumForm,
)
from ..models import Agreement, Body, Meeting, Membership, ObligationStatus

_culture = role_required(workflow.runs_network)


def _home(request, member_form=None, meeting_form=None):
    return render(request, "network/staff/home.html", {
        "bodies": Body.objects.prefetch_related("memberships__user", "memberships__organisation"),
        "member_form": member_form or MemberForm(prefix="member"),
        "meeting_form": meeting_form or MeetingForm(prefix="meeting"),
        "meetings": Meeting.objects.select_related("body").order_by("-starts_at")[:20], "agreements": Agreement.objects.all(),
        "steering": (steering := Body.objects.filter(kind=Body.Kind.STEERING).first()),
        "quorum_form": QuorumForm(instance=steering, prefix="quorum") if steering else None})


@_culture
def home(request):
    return _home(request)


# Issue 29 row 16: the steering group's adoption quorum, set here rather than in /admin/.
quorum = _culture(actions.action_view(
    access=lambda user, pk: get_object_or_404(Body, pk=pk, kind=Body.Kind.STEERING), service=services.set_adoption_quorum,
    name="body", form=QuorumForm, form_kwargs=lambda body: {"instance": body, "prefix": "quorum"},
    back=lambda body: reverse("network:staff_home"), success=_("Det beslutningsdygtige antal er gemt.")))


@_culture
@require_POST
def member_add(request):
    form = MemberForm(request.POST, prefix="member")
    if actions.save_form(request, form, services.add_member):
        messages.success(request, _("Medlemmet er tilføjet."))
        return redirect("network:staff_home")
    return _home(request, member_form=form)


@_culture
@require_POST
def meeting_add(request):
    form = MeetingForm(request.POST, prefix="meeting")
    if meeting := actions.save_form(request, form, services.create_meeting):
        messages.success(request, _("Mødet er oprettet."))
        return redirect("network:staff_meeting", pk=meeting.pk)
    return _home(request, meeting_form=form)


@_culture
@require_POST
def remove_member(request, pk):
    services.remove_member(actor=request.user, membership=get_object_or_404(Membership, pk=pk))
    messages.success(request, _("Medlemmet er fjernet."))
    return redirect("network:staff_home")


def _meeting(request, m, **forms):
    forms.setdefault("item_form", AgendaItemForm(prefix="item"))
    forms.setdefault("minutes_form", MinutesForm(prefix="min", initial={"minutes": m.minutes}))
    forms.setdefault("document_form", DocumentForm(prefix="doc"))
    return render(request, "network/staff/meeting.html", {"meeting": m, "items": m.agenda.all(),
                                                           "documents": m.documents.all(), **forms})


@_culture
def meeting(request, pk):
    return _meeting(request, get_object_or_404(Meeting, pk=pk))


def _meeting_step(form, prefix, key, *, service, success):
    """A form on the staff meeting page: its own URL and service; shown again with its errors."""
    @_culture
    @require_POST
    def view(request, pk):
        m = get_object_or_404(Meeting, pk=pk)
        bound = form(request.POST, request.FILES, prefix=prefix)
        if actions.save_form(request, bound, service, meeting=m):
            messages.success(request, success)
            return redirect("network:staff_meeting", pk=m.pk)
        return _meeting(request, m, **{key: bound})
    return view


meeting_add_item = _meeting_step(AgendaItemForm, "item", "item_form", service=services.add_agenda_item,
                                 success=_("Punktet er tilføjet."))
meeting_minutes = _meeting_step(MinutesForm, "min", "minutes_form", service=services.save_minutes,
                                success=_("Referatet er gemt."))
meeting_add_document = _meeting_step(DocumentForm, "doc", "document_form", service=services.add_document,
                                     success=_("Bilaget er tilføjet."))


@_culture
@require_POST
def meeting_invite(request, pk):
    m = get_object_or_404(Meeting, pk=pk)
    if (n := actions.perform(request, None, services.invite, meeting=m)) is not None:
        messages.success(request, _("%(n)s medlemmer er inviteret.") % {"n": n if n is not True else 0})
    return redirect("network:staff_meeting", pk=m.pk)


@_culture
def agreement(request, pk):
    agreement = get_object_or_404(Agreement.objects.prefetch_related("obligations"), pk=pk)
    form = FollowUpForm(request.POST or None, obligations=agreement.obligations.all())
    if actions.save_form(request, form, services.record_follow_up, agreement=agreement):
        messages.success(request, _("Opfølgningen er registreret."))
        return redirect("network:staff_agreement", pk=agreement.pk)
    return render(request, "network/staff/agreement.html", {
        "agreement": agreement, "form": form, "choices": ObligationStatus.Status.choices,
        "follow_ups": agreement.follow_ups.prefetch_related("statuses__obligation")})


@_culture
def agreement_new(request):
    """A new version of the cooperation agreement, prefilled from the latest."""
    latest = Agreement.objects.prefetch_related("obligations").order_by("-version").first()
    form = AgreementVersionForm(request.POST or None, initial=AgreementVersionForm.initial_from(latest))
    if agreement := actions.save_form(request, form, services.create_agreement_version):
        messages.success(request, _("Version %(v)s af aftalen er gemt.") % {"v": agreement.version})
        return redirect("network:staff_agreement", pk=agreement.pk)
    return render(request, "network/staff/agreement_new.html", {"form": form, "latest": latest})


_steering_group = role_required(workflow.sees_steering_group)


@_steering_group
def annual_report(request, year):
    year = queries.access_annual_report_year(request.user, year)
    return render(request, "network/staff/annual_report.html", {
        "year": year, "document": queries.annual_report_document(year), "report": queries.annual_report(year)})


@_steering_group
@require_POST
def annual_report_make(request, year):
    year = queries.access_annual_report_year(request.user, year)
    actions.perform(request, None, services.request_annual_report, year=year,
                    success=_("Årsrapporten dannes nu. Den er klar om et øjeblik."))
    return redirect("network:staff_annual_report", year=year)
