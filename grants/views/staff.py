import csv
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import is_culture_admin
from frivillig.core import pdf
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required
from frivillig.core.workflow import TransitionNotAllowed, allowed_targets

from .. import queries, services, workflow
from ..filters import CaseFilter
from ..forms import CriterionForm, DecisionForm, InfoRequestForm, NoteForm, PayoutForm, PoolForm, RecommendForm, RoundForm
from ..models import Criterion, GrantApplication, Pool, Status

_handler = role_required(is_culture_admin)


def _error(request, exc):
    messages.error(request, " ".join(getattr(exc, "messages", None) or [getattr(exc, "message", str(exc))]))


@_handler
def pools(request):
    rows = [(p, queries.budget_left(p)) for p in Pool.objects.all()]
    return render(request, "grants/staff/pools.html", {"rows": rows})


@_handler
def pool_edit(request, pk=None):
    pool = get_object_or_404(Pool, pk=pk) if pk else None
    form = PoolForm(request.POST or None, instance=pool)
    round_form = RoundForm(prefix="round")
    criterion_form = CriterionForm(prefix="crit")
    if request.method == "POST" and form.is_valid():
        pool = form.save()
        messages.success(request, _("Puljen er gemt."))
        return redirect("grants:staff_pool_edit", pk=pool.pk)
    return render(request, "grants/staff/pool_form.html", {"form": form, "pool": pool, "round_form": round_form,
                                                            "criterion_form": criterion_form})


@_handler
@require_POST
def pool_add_round(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    form = RoundForm(request.POST, prefix="round")
    if form.is_valid():
        r = form.save(commit=False)
        r.pool = pool
        r.full_clean()
        r.save()
        messages.success(request, _("Ansøgningsrunden er oprettet."))
    else:
        messages.error(request, _("Runden kunne ikke oprettes: tjek datoerne."))
    return redirect("grants:staff_pool_edit", pk=pool.pk)


@_handler
@require_POST
def pool_add_criterion(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    form = CriterionForm(request.POST, prefix="crit")
    if form.is_valid():
        Criterion.objects.create(pool=pool, name=form.cleaned_data["name"], order=pool.criteria.count() + 1)
        messages.success(request, _("Kriteriet er tilføjet."))
    return redirect("grants:staff_pool_edit", pk=pool.pk)


@_handler
def cases(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    base = pool.applications.exclude(status=Status.DRAFT).select_related("on_behalf_of", "applicant", "partner_institution")
    filterset = CaseFilter(request.GET or None, queryset=base)
    qs = filterset.qs.order_by("-submitted_at")
    page = Paginator(qs, 50).get_page(request.GET.get("side"))
    log_access(actor=request.user, subjects=[a.applicant_id for a in page], reason=_("Sagsliste for pulje"),
               request=request)
    year = timezone.localdate().year
    return render(request, "grants/staff/cases.html", {
        "pool": pool, "filter": filterset, "page": page, "totals": queries.case_totals(qs),
        "left": queries.budget_left(pool, year), "year": year, "rounds": pool.rounds.all()})


@_handler
def case(request, pk):
    application = queries.access_case(request.user, pk)
    if application.applicant:
        log_access(actor=request.user, subjects=[application.applicant], reason=_("Sagsbehandling af tilskudsansøgning"),
                   request=request)
    criteria = list(application.pool.criteria.all())
    mine = {s.criterion_id: s for s in application.scores.filter(reviewer=request.user)}
    return render(request, "grants/staff/case.html", {
        "application": application, "lines": application.budget_lines.all(), "totals": application.budget_totals(),
        "attachments": application.attachments.all(), "notes": application.notes.select_related("author"),
        "case_messages": application.case_messages.all(), "history": application.status_changes.select_related("actor"),
        "criteria": [(c, mine.get(c.pk)) for c in criteria], "all_scores": application.scores.select_related("criterion", "reviewer"),
        "targets": allowed_targets(application, request.user, workflow.TRANSITIONS),
        "note_form": NoteForm(prefix="note"), "info_form": InfoRequestForm(prefix="info"), "recommend_form": RecommendForm(prefix="rec"),
        "decision_form": DecisionForm(prefix="dec", initial={"amount": application.recommended_amount or application.amount_requested}),
        "payout_form": PayoutForm(prefix="pay", initial={"amount": application.approved_amount}),
        "left": queries.budget_left(application.pool), "payouts": application.payouts.all(),
        "decision_letter": pdf.latest("grants.decision_letter", application),
        "report": getattr(application, "report", None)})


@_handler
@require_POST
def case_action(request, pk, action):
    application = queries.access_case(request.user, pk)
    actor = request.user
    try:
        if action == "behandl":
            services.start_review(actor=actor, application=application)
        elif action == "note":
            form = NoteForm(request.POST, prefix="note")
            if form.is_valid():
                services.add_note(actor=actor, application=application, body=form.cleaned_data["body"])
        elif action == "point":
            for criterion in application.pool.criteria.all():
                value = request.POST.get(f"score-{criterion.pk}")
                if value:
                    services.score(actor=actor, application=application, criterion=criterion, value=int(value),
                                   comment=request.POST.get(f"comment-{criterion.pk}", ""))
        elif action == "oplysninger":
            form = InfoRequestForm(request.POST, prefix="info")
            if not form.is_valid():
                raise ValidationError(_("Skriv, hvilke oplysninger der mangler."))
            services.request_information(actor=actor, application=application, question=form.cleaned_data["question"])
        elif action == "indstil":
            form = RecommendForm(request.POST, prefix="rec")
            if not form.is_valid():
                raise ValidationError(_("Angiv et gyldigt beløb."))
            services.recommend(actor=actor, application=application, amount=form.cleaned_data["amount"])
        elif action == "afgoer":
            form = DecisionForm(request.POST, prefix="dec")
            if not form.is_valid():
                raise ValidationError(_("Vælg en afgørelse og udfyld beløb eller begrundelse."))
            services.decide(actor=actor, application=application, outcome=form.cleaned_data["outcome"],
                            amount=form.cleaned_data["amount"], reason=form.cleaned_data["reason"],
                            conditions=form.cleaned_data["conditions"])
        elif action == "udbetal":
            form = PayoutForm(request.POST, prefix="pay")
            if not form.is_valid():
                raise ValidationError(_("Angiv beløb og dato for udbetalingen."))
            services.register_payout(actor=actor, application=application, **form.cleaned_data)
        elif action == "godkend-rapport":
            services.approve_report(actor=actor, application=application)
        else:
            raise ValidationError(_("Ukendt handling."))
    except (ValidationError, TransitionNotAllowed, PermissionDenied) as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Sagen er opdateret."))
    return redirect(application.get_staff_url())


@_handler
def batch(request, pk):
    """Decisions from a committee meeting: one row per case ready for decision."""
    pool = get_object_or_404(Pool, pk=pk)
    ready = pool.applications.filter(status__in=[Status.SUBMITTED, Status.IN_REVIEW]).order_by("submitted_at")
    results = None
    if request.method == "POST":
        decisions = []
        for application in ready:
            choice = request.POST.get(f"outcome-{application.pk}")
            if not choice:
                continue
            try:
                amount = Decimal(request.POST.get(f"amount-{application.pk}") or "0")
            except InvalidOperation:
                amount = None
            decisions.append({"application": application, "outcome": choice, "amount": amount,
                              "reason": request.POST.get(f"reason-{application.pk}", "")})
        results = services.decide_batch(actor=request.user, decisions=decisions)
        ready = pool.applications.filter(status__in=[Status.SUBMITTED, Status.IN_REVIEW]).order_by("submitted_at")
    log_access(actor=request.user, subjects=[a.applicant_id for a in ready], reason=_("Udvalgsmøde: afgørelser"),
               request=request)
    return render(request, "grants/staff/batch.html", {"pool": pool, "ready": ready, "results": results,
                                                        "left": queries.budget_left(pool)})


def _export_rows(pool):
    header = [_("Sag"), _("Ansøger"), _("Projekt"), _("Status"), _("Ansøgt"), _("Indstillet"), _("Bevilget"),
              _("Udbetalt"), _("Indsendt"), _("Afgjort")]
    rows = []
    for a in pool.applications.exclude(status=Status.DRAFT).select_related("on_behalf_of", "applicant").prefetch_related("payouts"):
        rows.append([a.pk, a.applicant_name, a.title, a.get_status_display(), a.amount_requested or 0,
                     a.recommended_amount or 0, a.approved_amount or 0, sum(p.amount for p in a.payouts.all()),
                     a.submitted_at.strftime("%Y-%m-%d") if a.submitted_at else "",
                     a.decided_at.strftime("%Y-%m-%d") if a.decided_at else ""])
    return header, rows


def _safe(value):
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


@_handler
def export_csv(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    header, rows = _export_rows(pool)
    log_access(actor=request.user, subjects=queries.exported_applicants(pool), reason=_("Eksport af sager (CSV)"),
               request=request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{pool.slug}-sager.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows([[_safe(v) for v in row] for row in rows])
    return response


@_handler
def export_xlsx(request, pk):
    from openpyxl import Workbook

    pool = get_object_or_404(Pool, pk=pk)
    header, rows = _export_rows(pool)
    log_access(actor=request.user, subjects=queries.exported_applicants(pool), reason=_("Eksport af sager (XLSX)"),
               request=request)
    wb = Workbook()
    ws = wb.active
    ws.title = "Sager"
    ws.append([str(h) for h in header])
    for row in rows:
        ws.append([_safe(v) if isinstance(v, str) else float(v) if isinstance(v, Decimal) else v for v in row])
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{pool.slug}-sager.xlsx"'
    wb.save(response)
    return response


@_handler
def overview(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    year = int(request.GET.get("aar") or timezone.localdate().year)
    data = queries.yearly_overview(pool, year)
    peak = max([v for _m, v in data["months"]] + [Decimal(1)])
    bars = [{"month": m, "value": v, "width": int(v / peak * 400), "y": i * 24 + 4, "ty": i * 24 + 17}
            for i, (m, v) in enumerate(data["months"])]
    return render(request, "grants/staff/overview.html", {"pool": pool, "year": year, "bars": bars,
                                                           "areas": data["areas"], "total": sum(v for _m, v in data["months"])})


__all__ = ["GrantApplication"]
