from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Agreement, Body, Meeting, MeetingDocument, Priority, PriorityReview, Proposal
from .workflow import is_member, sees_steering_group, visible_body_kinds


def bodies():
    return {b.kind: b for b in Body.objects.prefetch_related("memberships__user", "memberships__organisation")}


def current_agreement():
    today = timezone.localdate()
    return (Agreement.objects.filter(is_published=True, period_start__lte=today, period_end__gte=today)
            .prefetch_related("obligations").first())


def adopted_priorities(year=None):
    qs = Priority.objects.filter(status=Priority.Status.ADOPTED).prefetch_related("updates", "links")
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
    try:
        from strategy.queries import indicator_overview

        indicators = indicator_overview()
    except (ImportError, AttributeError):
        indicators = []
    return {"to_review": [p for p in open_items if p.pk not in reviewed], "open_items": open_items,
            "forwarded": Proposal.objects.filter(status=Proposal.Status.FORWARDED),
            "meetings": upcoming_meetings(user)[:5], "indicators": indicators}


def front_page_block(request):
    priorities = list(adopted_priorities(timezone.localdate().year)[:3])
    if not priorities:
        return None
    return {"template": "network/front_page_block.html", "priorities": priorities}
