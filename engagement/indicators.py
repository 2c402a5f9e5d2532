"""Counts the strategy indicators read (registered in apps.py). Each counts [start, end)."""

from django.db.models import F, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import STEERING_AREAS, Area

from .models import Agreement, HoursEntry, SessionSignup


def active_volunteers(start, end, area=None) -> int:
    """Volunteers with an agreement accepted before ``end`` and not ended before ``start``."""
    qs = Agreement.objects.filter(acceptances__accepted_at__date__lt=end).exclude(ended_at__date__lt=start)
    if area:
        qs = qs.filter(task__area=area)
    return qs.exclude(volunteer__isnull=True).values("volunteer").distinct().count()


def hours(start, end, area=None) -> int:
    """Approved hours on agreements; without an area, also the confirmed hours of helpers at events (an event
    belongs to no area)."""
    qs = HoursEntry.objects.filter(status=HoursEntry.Status.APPROVED, date__gte=start, date__lt=end)
    if area:
        qs = qs.filter(agreement__task__area=area)
    total = qs.aggregate(s=Sum("hours"))["s"] or 0
    if not area:
        helped = (SessionSignup.objects.helper_hours()
                  .filter(session__starts_at__date__gte=start, session__starts_at__date__lt=end)
                  .aggregate(d=Sum(F("session__ends_at") - F("session__starts_at")))["d"])
        total += helped.total_seconds() / 3600 if helped else 0
    return int(total)


def _per_area(fn, area):
    return lambda start, end: fn(start, end, area=area)


SOURCES = [
    ("engagement.active_volunteers", _("Aktive frivillige med frivilligaftale"), active_volunteers, ""),
    ("engagement.hours", _("Frivillige timer"), hours, _("timer")),
] + [
    (f"engagement.active_volunteers.{a}", format_lazy("{}: {}", _("Aktive frivillige"), Area(a).label),
     _per_area(active_volunteers, a), "") for a in STEERING_AREAS
] + [
    (f"engagement.hours.{a}", format_lazy("{}: {}", _("Frivillige timer"), Area(a).label), _per_area(hours, a),
     _("timer"))
    for a in STEERING_AREAS
]
