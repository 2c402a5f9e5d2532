"""The case list of a pool as CSV and XLSX for the Culture department (formula-safe: a cell that starts with
=, +, - or @ is written as text)."""

import csv
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .models import Pool, Status


def _rows(pool: Pool):
    header = [_("Sag"), _("Ansøger"), _("Projekt"), _("Status"), _("Ansøgt"), _("Indstillet"), _("Bevilget"),
              _("Udbetalt"), _("Indsendt"), _("Afgjort")]
    rows = []
    for a in pool.applications.exclude(status=Status.DRAFT).select_related("on_behalf_of", "applicant").prefetch_related("payouts"):
        rows.append([a.pk, a.applicant_name, a.title, a.get_status_display(), a.amount_requested or 0,
                     a.recommended_amount or 0, a.approved_amount or 0, sum(p.amount for p in a.payouts.all()),
                     a.submitted_at.strftime("%Y-%m-%d") if a.submitted_at else "",
                     a.decided_at.strftime("%Y-%m-%d") if a.decided_at else ""])
    return header, rows


def safe(value):
    """A spreadsheet never runs what a citizen typed: text that looks like a formula is written as text."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def cases_csv(pool: Pool) -> HttpResponse:
    header, rows = _rows(pool)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{pool.slug}-sager.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows([[safe(v) for v in row] for row in rows])
    return response


def cases_xlsx(pool: Pool) -> HttpResponse:
    from openpyxl import Workbook

    header, rows = _rows(pool)
    wb = Workbook()
    ws = wb.active
    ws.title = "Sager"
    ws.append([str(h) for h in header])
    for row in rows:
        ws.append([safe(v) if isinstance(v, str) else float(v) if isinstance(v, Decimal) else v for v in row])
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{pool.slug}-sager.xlsx"'
    wb.save(response)
    return response
