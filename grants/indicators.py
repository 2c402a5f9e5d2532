from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area

from .models import GRANTED, GrantApplication


def granted_amount(start, end, area: str | None = None) -> Decimal:
    qs = GrantApplication.objects.filter(status__in=GRANTED, decided_at__date__gte=start, decided_at__date__lt=end)
    if area:
        qs = qs.filter(Q(partner_institution__area=area) | Q(partner_institution__isnull=True, pool__area=area))
    return qs.aggregate(total=Sum("approved_amount"))["total"] or Decimal(0)


def applications(start, end) -> int:
    return GrantApplication.objects.filter(submitted_at__date__gte=start, submitted_at__date__lt=end).count()


def sources():
    yield "grants.granted_amount", _("Bevilget fra puljen"), granted_amount
    yield "grants.applications", _("Ansøgninger om tilskud"), applications
    for value, label in Area.choices:
        yield (f"grants.granted_amount.{value}", _("Bevilget fra puljen: %(area)s") % {"area": label},
               lambda start, end, area=value: granted_amount(start, end, area))
