from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from django.http import Http404
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext as _

from frivillig.accounts.roles import is_culture_admin
from frivillig.core.choices import Area

from .models import GRANTED, GrantApplication, Pool, PoolCaseTotals, Status


def exported_applicants(pool) -> list[int]:
    """The people in a pool's case export (for the access log)."""
    return list(pool.applications.exclude(status=Status.DRAFT).values_list("applicant_id", flat=True))


def open_pools():
    return [p for p in Pool.objects.filter(is_active=True).prefetch_related("rounds") if p.is_open()]


def granted_in_year(pool_ids, year: int | None = None) -> dict[int, Decimal]:
    """What each pool has granted against ``year``'s budget (default: this year), read from the kept totals (kept
    exact by triggers inside the deciding transaction). The one sum behind every "left of the budget" figure,
    the decision rule in ``services.decide`` included."""
    year = year or timezone.localdate().year
    rows = (PoolCaseTotals.objects.filter(pool_id__in=list(pool_ids), budget_year=year, status__in=GRANTED)
            .values("pool_id").annotate(total=Sum("approved")).values_list("pool_id", "total"))
    return {pool_id: total or Decimal(0) for pool_id, total in rows}


def budget_left(pool: Pool, year: int | None = None) -> Decimal:
    """What is left of the pool's budget for ``year`` (default: this year)."""
    return pool.yearly_budget - granted_in_year([pool.pk], year).get(pool.pk, Decimal(0))


def pools_with_budget_left(year: int | None = None, *, active_only: bool = False) -> list[tuple[Pool, Decimal]]:
    """Every pool (or the active ones, with their rounds) and what is left of ``year``'s budget: a fixed number
    of queries."""
    pools = Pool.objects.filter(is_active=True).prefetch_related("rounds") if active_only else Pool.objects.all()
    pools = list(pools.order_by("name"))
    granted = granted_in_year([p.pk for p in pools], year)
    return [(p, p.yearly_budget - granted.get(p.pk, Decimal(0))) for p in pools]


def ready_for_decision(pool: Pool):
    return pool.applications.filter(status__in=[Status.SUBMITTED, Status.IN_REVIEW]).order_by("submitted_at")


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


def access_attachment(user, pk):
    """An application's attachment, for its applicant and the case handlers (404 for everyone else)."""
    from .models import Attachment
    from .workflow import may_open_case_file

    attachment = Attachment.objects.select_related("application").filter(pk=pk).first()
    if attachment is None or not may_open_case_file(user, attachment.application):
        raise Http404
    return attachment


def access_report(user, pk):
    """A grant's report with receipts (by the application's id), for its applicant and the case handlers."""
    from .models import Report
    from .workflow import may_open_case_file

    report = Report.objects.select_related("application").filter(application_id=pk).exclude(receipts="").first()
    if report is None or not may_open_case_file(user, report.application):
        raise Http404
    return report


CASE_ROW_COLUMNS = ("pk", "applicant_id", "title", "on_behalf_of__name", "contact_name", "applicant__full_name",
                    "applicant__email", "amount_requested", "status")


def case_rows(rows) -> list[dict]:
    """The case list's rows as plain values (a page of 50 would otherwise build up to 150 model instances): the
    applicant's name as GrantApplication.applicant_name gives it, the status as its label."""
    from frivillig.core.labels import choice_labels

    labels = choice_labels(GrantApplication, "status")
    anonymised = _("Anonymiseret")
    return [{"pk": pk, "applicant_id": applicant_id, "title": title, "amount_requested": amount, "status": status,
             "status_label": labels.get(status, status),
             "applicant_name": organisation if organisation is not None else (
                 contact_name or ((full_name or email) if applicant_id is not None else anonymised))}
            for pk, applicant_id, title, organisation, contact_name, full_name, email, amount, status in rows]


def kept_totals_status(filterset) -> str | None:
    """Which kept totals answer the case list's filters: "" for all the pool's cases, a status for the cases of
    that status, None when other filters are used (the totals are then summed over the matching cases)."""
    used = {name for name in filterset.filters if filterset.data.get(name)} if filterset.is_bound else set()
    if not used:
        return ""
    if used == {"status"} and filterset.is_valid():
        return filterset.form.cleaned_data["status"]
    return None


_KEPT = ("count", "requested", "recommended", "approved", "paid")


def pool_for_case_list(pk, *, status: str | None) -> Pool:
    """The pool (404 if there is none). With ``status`` not None (see kept_totals_status), in the same query the
    kept totals of its cases (all, or one status) and what is paid out of them, as ``pool.kept`` (a few rows of
    grants_poolcasetotals, however many cases)."""
    from django.db.models import OuterRef, Subquery

    from .models import Payout

    def summed(qs, field, per="pool"):
        return Subquery(qs.order_by().values(per).annotate(total=Sum(field)).values("total"))

    pools = Pool.objects.filter(pk=pk)
    if status is not None:
        shown = Q(pool=OuterRef("pk")) & ~Q(status=Status.DRAFT) & (Q(status=status) if status else Q())
        cases = PoolCaseTotals.objects.filter(shown)
        payouts = Payout.objects.filter(application__pool=OuterRef("pk")).exclude(application__status=Status.DRAFT)
        if status:
            payouts = payouts.filter(application__status=status)
        pools = pools.annotate(
            kept_count=summed(cases, "count"), kept_requested=summed(cases, "requested"),
            kept_recommended=summed(cases, "recommended"),
            kept_approved=summed(cases.filter(status__in=GRANTED), "approved"),
            kept_paid=summed(payouts, "amount", per="application__pool"))
    pool = pools.first()
    if pool is None:
        raise Http404
    if status is not None:
        pool.kept = {name: getattr(pool, f"kept_{name}") or (0 if name == "count" else Decimal(0)) for name in _KEPT}
    return pool


def case_list_totals(pool: Pool, qs, *, year: int) -> tuple[dict, Decimal]:
    """The totals of the case list and what is left of the budget for ``year``: the kept totals read with the pool
    when they answer the filters, else summed over the filtered cases."""
    totals = dict(pool.kept) if hasattr(pool, "kept") else case_totals(qs)
    return totals, budget_left(pool, year)


def kept_case_totals(pool: Pool, status: str | None = None) -> dict:
    """The case list's exact totals for all of a pool's cases (drafts are no cases), or those of one status."""
    return dict(pool_for_case_list(pool.pk, status=status or "").kept)


def case_totals(qs) -> dict:
    """The case list's exact money totals and its number of cases, in one pass over the index grantapp_pool_totals
    (no table rows read); what is paid out is summed from the payouts, joined to the cases only."""
    from .models import Payout

    totals = qs.order_by().aggregate(count=Count("pk"), requested=Sum("amount_requested"),
                                     recommended=Sum("recommended_amount"),
                                     approved=Sum("approved_amount", filter=Q(status__in=GRANTED)))
    totals["paid"] = Payout.objects.filter(application__in=qs.order_by().values("pk")).aggregate(
        paid=Sum("amount"))["paid"]
    count = totals.pop("count")
    return {**{k: v or Decimal(0) for k, v in totals.items()}, "count": count}


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


def yearly_chart(pool: Pool, year: int) -> dict:
    """The yearly overview as the page draws it: a bar per month (Danish month names), areas by their labels."""
    data = yearly_overview(pool, year)
    peak = max([v for _m, v in data["months"]] + [Decimal(1)])
    bars = [{"month": MONTHS[m], "short": str(MONTHS_3[m]).capitalize(), "value": v, "width": int(v / peak * 400), "y": i * 24 + 4, "ty": i * 24 + 17}
            for i, (m, v) in enumerate(data["months"])]
    areas = {str(Area(a).label) if a in Area.values else a: v for a, v in data["areas"].items()}
    return {"bars": bars, "areas": areas, "total": sum(v for _m, v in data["months"])}


def front_page_block(request):
    pools = open_pools()
    if not pools:
        return None
    return {"template": "grants/front_page_block.html", "pools": pools[:3]}
