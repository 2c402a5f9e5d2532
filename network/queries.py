from django.http import Http404
from django.utils import timezone

from .models import Agreement, Body, Meeting, Priority, PriorityReview, Proposal
from .workflow import is_member


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


def upcoming_meetings(user):
    return Meeting.objects.filter(starts_at__gte=timezone.now()).select_related("body").prefetch_related("agenda")


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
