from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from django.http import Http404
from django.utils import timezone

from frivillig.accounts.roles import is_culture_admin

from .models import GRANTED, GrantApplication, Pool, Status


def exported_applicants(pool) -> list[int]:
    """The people in a pool's case export (for the access log)."""
    return list(pool.applications.exclude(status=Status.DRAFT).values_list("applicant_id", flat=True))


def open_pools():
    return [p for p in Pool.objects.filter(is_active=True).prefetch_related("rounds") if p.is_open()]


def budget_left(pool: Pool, year: int | None = None) -> Decimal:
    from .services import approved_total

    return pool.yearly_budget - approved_total(pool, year or timezone.localdate().year)


def granted_projects(pool: Pool):
    return (pool.applications.filter(status__in=GRANTED).select_related("on_behalf_of")
            .order_by("-decided_at"))


def access_own_application(user, pk) -> GrantApplication:
    application = (GrantApplication.objects.select_related("pool", "on_behalf_of", "partner_institution")
                   .filter(pk=pk, applicant=user).first())
    if application is None:
        raise Http404
    return application


def access_case(user, pk) -> GrantApplication:
    if not is_culture_admin(user):
        raise Http404
    application = (GrantApplication.objects.select_related("pool", "applicant", "on_behalf_of", "partner_institution")
                   .exclude(status=Status.DRAFT).filter(pk=pk).first())
    if application is None:
        raise Http404
    return application


def case_totals(qs) -> dict:
    paid = Sum("payouts__amount")
    totals = qs.aggregate(requested=Sum("amount_requested"), recommended=Sum("recommended_amount"),
                          approved=Sum("approved_amount", filter=Q(status__in=GRANTED)))
    totals["paid"] = GrantApplication.objects.filter(pk__in=qs.values("pk")).aggregate(paid=paid)["paid"]
    return {k: v or Decimal(0) for k, v in totals.items()}


def yearly_overview(pool: Pool, year: int) -> dict:
    """Granted amounts per area and month (for the chart and its table)."""
    rows = (pool.applications.filter(status__in=GRANTED, budget_year=year)
            .annotate(month=ExtractMonth("decided_at"))
            .values("month", "partner_institution__area").annotate(total=Sum("approved_amount"), n=Count("pk")))
    months = defaultdict(Decimal)
    areas = defaultdict(Decimal)
    for r in rows:
        months[r["month"]] += r["total"] or 0
        areas[r["partner_institution__area"] or pool.area] += r["total"] or 0
    return {"months": [(m, months.get(m, Decimal(0))) for m in range(1, 13)], "areas": dict(areas)}


def front_page_block(request):
    pools = open_pools()
    if not pools:
        return None
    return {"template": "grants/front_page_block.html", "pools": pools[:3]}
