from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from frivillig.core import pdf

from .models import (
    Agreement,
    AnnualReport,
    Body,
    FollowUp,
    Meeting,
    MeetingDocument,
    Obligation,
    Priority,
    PriorityReview,
    Proposal,
)
from .workflow import is_member, reports_for_centre, sees_steering_group, visible_body_kinds


def bodies():
    return {b.kind: b for b in Body.objects.prefetch_related("memberships__user", "memberships__organisation")}


def current_agreement():
    today = timezone.localdate()
    return (Agreement.objects.filter(is_published=True, period_start__lte=today, period_end__gte=today)
            .prefetch_related("obligations").first())


def quarter_updates():
    """A priority's quarterly statuses in order, for ``prefetch_related``."""
    from django.db.models import Prefetch

    from .models import PriorityUpdate

    return Prefetch("updates", queryset=PriorityUpdate.objects.order_by("year", "quarter", "-created_at"))


def adopted_priorities(year=None):
    qs = Priority.objects.filter(status=Priority.Status.ADOPTED).prefetch_related(quarter_updates(), "links")
    return qs.filter(year=year) if year else qs


def access_member_area(user):
    if not is_member(user):
        raise Http404


def meetings_for(user):
    """Meetings of the bodies the user belongs to (network/workflow.py, visible_body_kinds)."""
    return Meeting.objects.filter(body__kind__in=visible_body_kinds(user)).select_related("body")


def upcoming_meetings(user):
    return meetings_for(user).filter(starts_at__gte=timezone.now()).prefetch_related("agenda")


def access_meeting(user, pk) -> Meeting:
    """404 for a meeting that does not exist and for one of a body the user is not in alike."""
    return get_object_or_404(meetings_for(user), pk=pk)


def access_meeting_document(user, pk) -> MeetingDocument:
    return get_object_or_404(MeetingDocument.objects.filter(meeting__body__kind__in=visible_body_kinds(user)), pk=pk)


def access_priority(user, pk) -> Priority:
    qs = Priority.objects.select_related("proposal")
    if not sees_steering_group(user):
        qs = qs.filter(status=Priority.Status.ADOPTED)
    return get_object_or_404(qs, pk=pk)


def dashboard(user):
    open_items = Priority.objects.filter(status__in=[Priority.Status.PROPOSED, Priority.Status.UNDER_REVIEW])
    reviewed = set(PriorityReview.objects.filter(member=user).values_list("priority_id", flat=True))
    return {"to_review": [p for p in open_items if p.pk not in reviewed], "open_items": open_items,
            "forwarded": Proposal.objects.filter(status=Proposal.Status.FORWARDED),
            "meetings": upcoming_meetings(user)[:5], "indicators": indicators(),
            "report_year": timezone.localdate().year}


def front_page_block(request):
    priorities = list(adopted_priorities(timezone.localdate().year)[:3])
    if not priorities:
        return None
    return {"template": "network/front_page_block.html", "priorities": priorities}


def indicators():
    try:
        from strategy.queries import indicator_overview

        return indicator_overview()
    except (ImportError, AttributeError):
        return []


# --- the annual report to the executive board --------------------------------------------------------------------

def access_annual_report_year(user, year: int) -> int:
    """The Culture department and the steering group; a year outside 2000-2100 does not exist."""
    if not sees_steering_group(user) or not 2000 <= year <= 2100:
        raise Http404
    return year


def annual_report_document(year: int):
    report = AnnualReport.objects.filter(year=year).first()
    return pdf.latest("network.annual_report", obj=report) if report else None


def annual_report(year: int) -> dict:
    """What the steering group reports for a year: the adopted priorities with their quarterly status and links,
    the strategy's indicators, the network's proposals and the follow-ups on the Volunteer Centre agreement."""
    priorities = list(Priority.objects.filter(year=year, status=Priority.Status.ADOPTED)
                      .prefetch_related(quarter_updates(), "links"))
    for p in priorities:
        by_quarter = {u.quarter: u for u in p.updates.all() if u.year == year}
        p.quarters = [by_quarter.get(q) for q in (1, 2, 3, 4)]
    return {
        "year": year, "priorities": priorities, "indicators": indicators(),
        "proposals": list(Proposal.objects.filter(created_at__year=year).order_by("created_at")),
        "follow_ups": list(FollowUp.objects.filter(held_on__year=year).select_related("agreement")
                           .prefetch_related("statuses__obligation").order_by("held_on")),
    }


# --- the Volunteer Centre's view of the agreement ----------------------------------------------------------------

def centre_agreement():
    """The current agreement with its obligations (and the centre's own report on each) and follow-up meetings."""
    agreement = current_agreement()
    if agreement is None:
        return {"agreement": None, "obligations": [], "follow_ups": []}
    return {"agreement": agreement,
            "obligations": list(agreement.obligations.select_related("self_report").prefetch_related("statuses__follow_up")),
            "follow_ups": list(agreement.follow_ups.prefetch_related("statuses__obligation"))}


def access_centre_obligation(user, pk) -> Obligation:
    """One of the Volunteer Centre's obligations in the current agreement; 404 otherwise, and for other roles."""
    agreement = current_agreement()
    if not reports_for_centre(user) or agreement is None:
        raise Http404
    return get_object_or_404(Obligation, pk=pk, agreement=agreement, party=Obligation.Party.CENTRE)


def own_review(user, priority):
    """The steering member's own recommendation on the priority, or None."""
    return priority.reviews.filter(member=user).first() if user.is_authenticated else None
