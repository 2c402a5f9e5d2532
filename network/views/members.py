from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.core import actions, ical, pdf
from frivillig.core.decorators import role_required
from frivillig.core.files import attachment_response

from .. import queries, services, workflow
from ..forms import (
    CommentForm,
    DecisionForm,
    PriorityForm,
    PriorityLinkForm,
    ProposalForm,
    QuarterStatusForm,
    ReasonForm,
    ReviewForm,
)
from ..models import Proposal

_members = role_required(workflow.is_member)


@_members
def proposals(request):
    form = ProposalForm(request.POST or None)
    if proposal := actions.save_form(request, form, services.create_proposal):
        messages.success(request, _("Forslaget er oprettet og kan nu drøftes i netværket."))
        return redirect(proposal)
    return render(request, "network/proposals.html", {"form": form, "proposals": Proposal.objects.select_related("author"),
                                                       "meetings": queries.upcoming_meetings(request.user)})


@_members
def proposal(request, pk):
    p = get_object_or_404(Proposal, pk=pk)
    form = CommentForm(request.POST or None)
    if actions.save_form(request, form, services.comment, proposal=p):
        messages.success(request, _("Din kommentar er gemt."))
        return redirect(p)
    return render(request, "network/proposal.html", {
        "proposal": p, "form": form, "comments": p.comments.select_related("author"),
        "history": p.status_changes.select_related("actor"),
        "priority_form": PriorityForm(initial={"title": p.title, "description": p.summary,
                                               "year": timezone.localdate().year})})


@_members
@require_POST
def proposal_forward(request, pk):
    p = get_object_or_404(Proposal, pk=pk)
    actions.perform(request, ReasonForm(request.POST), services.forward_proposal, proposal=p,
                    success=_("Forslaget er sendt til styregruppen og sat på dagsordenen for næste møde."))
    return redirect(p)


@_members
@require_POST
def proposal_to_priority(request, pk):
    p = get_object_or_404(Proposal, pk=pk)
    priority = actions.perform(request, PriorityForm(request.POST), services.propose_priority, proposal=p,
                               success=_("Forslaget er nu kandidat til et årligt indsatsområde."))
    return redirect(priority or p)


def _priority(request, p, review_form=None, decision_form=None):
    """The forms are shown as the template's {% may %} checks allow (network/workflow.py)."""
    return render(request, "network/priority.html", {
        "priority": p, "reviews": p.reviews.select_related("member"), "history": p.status_changes.select_related("actor"),
        "link_form": PriorityLinkForm(prefix="link"),
        "quarter_form": QuarterStatusForm(prefix="quarter", initial={"year": p.year}),
        "review_form": review_form or ReviewForm(instance=queries.own_review(request.user, p), prefix="review"),
        "decision_form": decision_form or DecisionForm(prefix="decision")})


@_members
def priority(request, pk):
    return _priority(request, queries.access_priority(request.user, pk))


@_members
@require_POST
def priority_review(request, pk):
    p = queries.access_priority(request.user, pk)
    form = ReviewForm(request.POST, prefix="review")
    if actions.save_form(request, form, services.review, priority=p):
        messages.success(request, _("Din anbefaling er gemt."))
        return redirect("network:priority", pk=p.pk)
    return _priority(request, p, review_form=form)


@_members
@require_POST
def priority_decide(request, pk):
    p = queries.access_priority(request.user, pk)
    form = DecisionForm(request.POST, prefix="decision")
    if actions.save_form(request, form, services.decide_priority, priority=p):
        messages.success(request, _("Styregruppens anbefaling er registreret."))
        return redirect("network:priority", pk=p.pk)
    return _priority(request, p, decision_form=form)


priority_link = _members(actions.action_view(
    access=queries.access_priority, form=PriorityLinkForm, prefix="link", service=services.link_priority,
    name="priority", success=_("Indsatsområdet er knyttet til arbejdet."), back=lambda p: p.get_absolute_url()))
priority_quarter = _members(actions.action_view(
    access=queries.access_priority, form=QuarterStatusForm, prefix="quarter", service=services.record_quarter_status,
    name="priority", success=_("Kvartalets status er gemt."), back=lambda p: p.get_absolute_url()))


@_members
def meeting(request, pk):
    m = queries.access_meeting(request.user, pk)
    return render(request, "network/meeting.html", {
        "meeting": m, "items": m.agenda.select_related("proposal"), "documents": m.documents.all(),
        "agenda_pdf": pdf.request("network.agenda", obj=m, version=str(m.agenda.count())),
        "minutes_pdf": pdf.request("network.minutes", obj=m, version=str(hash(m.minutes))) if m.minutes else None})


def _ical(meetings, filename):
    return ical.response([ical.Entry(uid=f"network-meeting-{m.pk}@frivillig.rudersdal.dk", summary=m.title,
                                     location=m.place, starts_at=m.starts_at, ends_at=m.ends_at, stamp=m.starts_at)
                          for m in meetings], filename=filename)


@_members
def meeting_ical(request, pk):
    return _ical([queries.access_meeting(request.user, pk)], f"moede-{pk}.ics")


@_members
def meetings_ical(request):
    """All meetings of the steering group and the network, for members' calendars."""
    return _ical(queries.meetings_for(request.user).filter(starts_at__gte=timezone.now() - timedelta(days=60)), "moeder.ics")


@_members
def meeting_document(request, pk):
    doc = queries.access_meeting_document(request.user, pk)
    return attachment_response(doc.file, doc.file.name.rsplit("/", 1)[-1])


@role_required(workflow.sees_steering_group)
def dashboard(request):
    return render(request, "network/dashboard.html", queries.dashboard(request.user))
