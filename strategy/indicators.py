"""Indicators: monthly values computed from the registered sources of the other apps, or entered by hand."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from frivillig.core.registry import indicator_sources

from .models import Indicator, IndicatorValue


def month_start(d: date) -> date:
    return d.replace(day=1)


def next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def last_months(n: int, today: date | None = None) -> list[date]:
    m = month_start(today or timezone.localdate())
    months = [m]
    for _ in range(n - 1):
        m = date(m.year - (m.month == 1), (m.month - 2) % 12 + 1, 1)
        months.append(m)
    return list(reversed(months))


def computed_at():
    """When the automatic figures were last computed (None before the first computation)."""
    from django.db.models import Max

    return IndicatorValue.objects.aggregate(at=Max("computed_at"))["at"]


@transaction.atomic
def recompute(months: int = 12) -> int:
    """Compute the automatic indicators for the last `months` months. Idempotent: one row per
    indicator and month (unique), updated in place."""
    sources = indicator_sources()
    written = 0
    now = timezone.now()
    for indicator in Indicator.objects.exclude(source_key=""):
        source = sources.get(indicator.source_key)
        if source is None:
            continue
        for m in last_months(months):
            value = Decimal(source.compute(m, next_month(m)))
            IndicatorValue.objects.update_or_create(indicator=indicator, month=m,
                                                    defaults={"value": value, "computed_at": now})
            written += 1
    return written


def dashboard(months: int = 12) -> list[dict]:
    sources = indicator_sources()
    result = []
    wanted = last_months(months)
    for indicator in Indicator.objects.prefetch_related("values"):
        values = list(indicator.values.all())
        by_month = {v.month: v.value for v in values}
        series = [(m, by_month.get(m)) for m in wanted]
        peak = max([v for _m, v in series if v is not None] + [indicator.target or 0, Decimal(1)])
        bars = [{"month": m, "value": v, "height": int((v or 0) / peak * 120), "x": i * 34 + 30,
                 "y": 140 - int((v or 0) / peak * 120)} for i, (m, v) in enumerate(series)]
        latest_month, latest = next(((m, v) for m, v in reversed(series) if v is not None), (None, None))
        result.append({"indicator": indicator, "series": series, "bars": bars, "latest": latest,
                       "latest_month": latest_month,
                       "source_label": sources[indicator.source_key].label if indicator.source_key in sources else "",
                       "computed_at": max((v.computed_at for v in values if v.computed_at), default=None),
                       "has_source": not indicator.source_key or indicator.source_key in sources,
                       "target_y": 140 - int((indicator.target or 0) / peak * 120) if indicator.target else None})
    return result
