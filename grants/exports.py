"""The case list of a pool as CSV and XLSX for the Culture department (formula-safe: a cell that starts with
=, +, - or @ is written as text)."""

import csv
import datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from frivillig.core import formatting
from frivillig.core.text import formula_safe as safe

from .models import Pool, Status


def _rows(pool: Pool):
    header = [_("Sag"), _("Ansøger"), _("Projekt"), _("Status"), _("Ansøgt"), _("Indstillet"), _("Bevilget"),
              _("Udbetalt"), _("Indsendt"), _("Afgjort")]
    rows = []
    for a in pool.applications.exclude(status=Status.DRAFT).select_related("on_behalf_of", "applicant").prefetch_related("payouts"):
        rows.append([a.pk, a.applicant_name, a.title, a.get_status_display(), a.amount_requested or 0,
                     a.recommended_amount or 0, a.approved_amount or 0, sum(p.amount for p in a.payouts.all()),
                     timezone.localtime(a.submitted_at).date() if a.submitted_at else "",
                     timezone.localtime(a.decided_at).date() if a.decided_at else ""])
    return header, rows


def cases_csv(pool: Pool) -> HttpResponse:
    header, rows = _rows(pool)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{pool.slug}-sager.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    # Amounts and dates as a Danish spreadsheet reads them: 20.000,50 and 24.08.2026.
    writer.writerows([[safe(formatting.amount(v) if isinstance(v, Decimal) else
                            date_format(v, "SHORT_DATE_FORMAT") if isinstance(v, datetime.date) else v) for v in row]
                      for row in rows])
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
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, float):
                # Grouped, in the reader's own separators; øre only when there are any.
                cell.number_format = '#,##0 "kr."' if cell.value.is_integer() else '#,##0.00 "kr."'
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "dd.mm.yyyy"
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{pool.slug}-sager.xlsx"'
    wb.save(response)
    return response
