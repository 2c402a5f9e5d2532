from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from frivillig.accounts.roles import is_culture_admin, is_steering_member
from frivillig.core import pdf
from frivillig.core.decorators import role_required
from frivillig.core.files import attachment_response
from frivillig.core.workflow import TransitionNotAllowed

from .. import queries, services
from ..forms import CommentForm, DecisionForm, PriorityForm, ProposalForm, ReviewForm
from ..models import Proposal
from ..workflow import is_member

_members = role_required(is_member)


@_members
def proposals(request):
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.create_proposal(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Forslaget er oprettet og kan nu drøftes i netværket."))
        return redirect(proposal)
    return render(request, "network/proposals.html", {"form": form, "proposals": Proposal.objects.select_related("author"),
                                                       "meetings": queries.upcoming_meetings(request.user)})


@_members
def proposal(request, pk):
    p = get_object_or_404(Proposal, pk=pk)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment(actor=request.user, proposal=p, body=form.cleaned_data["body"])
        messages.success(request, _("Din kommentar er gemt."))
        return redirect(p)
    return render(request, "network/proposal.html", {
        "proposal": p, "form": form, "comments": p.comments.select_related("author"),
        "history": p.status_changes.select_related("actor"), "can_forward": is_culture_admin(request.user),
        "can_make_priority": (is_culture_admin(request.user) or is_steering_member(request.user)),
        "priority_form": PriorityForm(initial={"title": p.title, "description": p.summary,
                                               "year": timezone.localdate().year})})


@_members
@require_POST
def proposal_action(request, pk, action):
    p = get_object_or_404(Proposal, pk=pk)
    try:
        if action == "videresend":
            services.forward_proposal(actor=request.user, proposal=p, reason=request.POST.get("reason", ""))
            messages.success(request, _("Forslaget er sendt til styregruppen og sat på dagsordenen for næste møde."))
        elif action == "indsatsomraade":
            form = PriorityForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Udfyld titel, beskrivelse og år."))
            priority = services.propose_priority(actor=request.user, proposal=p, **form.cleaned_data)
            messages.success(request, _("Forslaget er nu kandidat til et årligt indsatsområde."))
            return redirect(priority)
        else:
            raise Http404
    except (TransitionNotAllowed, PermissionDenied, ValidationError) as exc:
        messages.error(request, getattr(exc, "message", None) or " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect(p)


@_members
def priority(request, pk):
    p = queries.access_priority(request.user, pk)
    own = p.reviews.filter(member=request.user).first()
    review_form = ReviewForm(request.POST or None, instance=own, prefix="review") if is_steering_member(request.user) else None
    if request.method == "POST" and review_form is not None and "review-recommendation" in request.POST:
        if review_form.is_valid():
            try:
                services.review(actor=request.user, priority=p, **review_form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Din anbefaling er gemt."))
                return redirect("network:priority", pk=p.pk)
    decision_form = DecisionForm(request.POST if "decision-to" in request.POST else None, prefix="decision")
    if request.method == "POST" and "decision-to" in request.POST:
        if not (is_culture_admin(request.user) or is_steering_member(request.user)):
            raise PermissionDenied
        if decision_form.is_valid():
            try:
                services.decide_priority(actor=request.user, priority=p, **decision_form.cleaned_data)
            except (ValidationError, TransitionNotAllowed) as exc:
                messages.error(request, getattr(exc, "message", None) or " ".join(exc.messages))
            else:
                messages.success(request, _("Styregruppens beslutning er registreret."))
                return redirect("network:priority", pk=p.pk)
    return render(request, "network/priority.html", {
        "priority": p, "reviews": p.reviews.select_related("member"), "review_form": review_form,
        "decision_form": decision_form if (is_culture_admin(request.user) or is_steering_member(request.user)) else None,
        "history": p.status_changes.select_related("actor")})


@_members
def meeting(request, pk):
    m = queries.access_meeting(request.user, pk)
    return render(request, "network/meeting.html", {
        "meeting": m, "items": m.agenda.select_related("proposal"), "documents": m.documents.all(),
        "agenda_pdf": pdf.request("network.agenda", obj=m, version=str(m.agenda.count())),
        "minutes_pdf": pdf.request("network.minutes", obj=m, version=str(hash(m.minutes))) if m.minutes else None})


def _ical(meetings, filename):
    cal = Calendar()
    cal.add("prodid", "-//Rudersdal Kommune//Frivillig Rudersdal//DA")
    cal.add("version", "2.0")
    for m in meetings:
        e = Event()
        e.add("uid", f"network-meeting-{m.pk}@frivillig.rudersdal.dk")
        e.add("summary", m.title)
        e.add("location", m.place)
        e.add("dtstart", m.starts_at)
        e.add("dtend", m.ends_at)
        e.add("dtstamp", m.starts_at)
        cal.add_component(e)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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


@login_required
def dashboard(request):
    if not (is_steering_member(request.user) or is_culture_admin(request.user)):
        raise PermissionDenied
    return render(request, "network/dashboard.html", queries.dashboard(request.user))
