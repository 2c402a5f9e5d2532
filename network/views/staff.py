from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import is_culture_admin
from frivillig.core.decorators import role_required

from .. import services
from ..forms import (
    AgendaItemForm,
    AgreementVersionForm,
    DocumentForm,
    FollowUpForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
)
from ..models import AgendaItem, Agreement, Body, Meeting, Membership, ObligationStatus

_culture = role_required(is_culture_admin)


@_culture
def home(request):
    member_form = MemberForm(request.POST if "member-email" in request.POST else None, prefix="member")
    meeting_form = MeetingForm(request.POST if "meeting-title" in request.POST else None, prefix="meeting")
    if request.method == "POST":
        if member_form.is_bound and member_form.is_valid():
            try:
                services.add_member(actor=request.user, body=member_form.cleaned_data["body"], user=member_form.user,
                                    organisation=member_form.cleaned_data["organisation"],
                                    area=member_form.cleaned_data["area"], title=member_form.cleaned_data["title"],
                                    is_chair=member_form.cleaned_data["is_chair"])
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Medlemmet er tilføjet."))
                return redirect("network:staff_home")
        if meeting_form.is_bound and meeting_form.is_valid():
            meeting = meeting_form.save()
            messages.success(request, _("Mødet er oprettet."))
            return redirect("network:staff_meeting", pk=meeting.pk)
    return render(request, "network/staff/home.html", {
        "bodies": Body.objects.prefetch_related("memberships__user", "memberships__organisation"),
        "member_form": member_form, "meeting_form": meeting_form,
        "meetings": Meeting.objects.select_related("body").order_by("-starts_at")[:20],
        "agreements": Agreement.objects.all()})


@_culture
@require_POST
def remove_member(request, pk):
    services.remove_member(actor=request.user, membership=get_object_or_404(Membership, pk=pk))
    messages.success(request, _("Medlemmet er fjernet."))
    return redirect("network:staff_home")


@_culture
def meeting(request, pk):
    m = get_object_or_404(Meeting, pk=pk)
    item_form = AgendaItemForm(request.POST if "item-title" in request.POST else None, prefix="item")
    minutes_form = MinutesForm(request.POST if "min-minutes" in request.POST else None, prefix="min",
                               initial={"minutes": m.minutes})
    document_form = DocumentForm(request.POST if "doc-title" in request.POST else None,
                                 request.FILES if "doc-title" in request.POST else None, prefix="doc")
    if request.method == "POST":
        if document_form.is_bound and document_form.is_valid():
            services.add_document(actor=request.user, meeting=m, **document_form.cleaned_data)
            messages.success(request, _("Bilaget er tilføjet."))
            return redirect("network:staff_meeting", pk=m.pk)
        if item_form.is_bound and item_form.is_valid():
            AgendaItem.objects.create(meeting=m, order=m.agenda.count() + 1, **item_form.cleaned_data)
            messages.success(request, _("Punktet er tilføjet."))
            return redirect("network:staff_meeting", pk=m.pk)
        if minutes_form.is_bound and minutes_form.is_valid():
            m.minutes = minutes_form.cleaned_data["minutes"]
            m.save(update_fields=["minutes"])
            messages.success(request, _("Referatet er gemt."))
            return redirect("network:staff_meeting", pk=m.pk)
        if "invite" in request.POST:
            n = services.invite(actor=request.user, meeting=m)
            messages.success(request, _("%(n)s medlemmer er inviteret.") % {"n": n})
            return redirect("network:staff_meeting", pk=m.pk)
    return render(request, "network/staff/meeting.html", {"meeting": m, "items": m.agenda.all(), "item_form": item_form,
                                                           "minutes_form": minutes_form, "document_form": document_form,
                                                           "documents": m.documents.all()})


@_culture
def agreement(request, pk):
    agreement = get_object_or_404(Agreement.objects.prefetch_related("obligations"), pk=pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        statuses = {o.pk: (request.POST.get(f"status-{o.pk}"), request.POST.get(f"note-{o.pk}", ""))
                    for o in agreement.obligations.all()}
        services.record_follow_up(actor=request.user, agreement=agreement, statuses=statuses, **form.cleaned_data)
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
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.create_agreement_version(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)  # shown at the field it concerns; what was typed stays
        else:
            messages.success(request, _("Version %(v)s af aftalen er gemt.") % {"v": agreement.version})
            return redirect("network:staff_agreement", pk=agreement.pk)
    return render(request, "network/staff/agreement_new.html", {"form": form, "latest": latest})
