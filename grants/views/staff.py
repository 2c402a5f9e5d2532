
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import is_culture_admin
from frivillig.core import actions, pdf
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required
from frivillig.core.workflow import allowed_targets

from .. import exports, queries, services, workflow
from ..filters import CaseFilter, blank_case_filter_form
from ..forms import (
    BatchForm,
    CriterionForm,
    DecisionForm,
    InfoRequestForm,
    NoteForm,
    OverviewForm,
    PayoutForm,
    PoolForm,
    RecommendForm,
    RoundForm,
    ScoreForm,
)
from ..models import GrantApplication, Pool, Status

_handler = role_required(is_culture_admin)


@_handler
def pools(request):
    return render(request, "grants/staff/pools.html", {"rows": queries.pools_with_budget_left()})


@_handler
def pool_edit(request, pk=None):
    pool = get_object_or_404(Pool, pk=pk) if pk else None
    form = PoolForm(request.POST or None, instance=pool)
    if request.method == "POST" and (saved := actions.save_form(request, form, services.save_pool, pool=pool)):
        messages.success(request, _("Puljen er gemt."))
        return redirect("grants:staff_pool_edit", pk=saved.pk)
    return render(request, "grants/staff/pool_form.html", {"form": form, "pool": pool, "round_form": RoundForm(prefix="round"),
                                                            "criterion_form": CriterionForm(prefix="crit")})


@_handler
@require_POST
def pool_add_round(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    actions.perform(request, RoundForm(request.POST, prefix="round"), services.add_round, pool=pool,
                    success=_("Ansøgningsrunden er oprettet."))
    return redirect("grants:staff_pool_edit", pk=pool.pk)


@_handler
@require_POST
def pool_add_criterion(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    actions.perform(request, CriterionForm(request.POST, prefix="crit"), services.add_criterion, pool=pool,
                    success=_("Kriteriet er tilføjet."))
    return redirect("grants:staff_pool_edit", pk=pool.pk)


@_handler
def cases(request, pk):
    year = timezone.localdate().year
    filterset = CaseFilter(request.GET or None, pool=Pool(pk=pk),
                           queryset=GrantApplication.objects.filter(pool_id=pk).exclude(status=Status.DRAFT))
    pool = queries.pool_for_case_list(pk, status=queries.kept_totals_status(filterset))
    qs = filterset.qs.order_by("-submitted_at")
    totals, left = queries.case_list_totals(pool, qs, year=year)
    paginator = Paginator(qs.values_list(*queries.CASE_ROW_COLUMNS), 50)
    paginator.count = totals["count"]  # counted with the totals: no second pass over the cases
    page = paginator.get_page(request.GET.get("side"))
    page.object_list = queries.case_rows(page.object_list)
    log_access(actor=request.user, subjects=[a["applicant_id"] for a in page], reason=_("Sagsliste for pulje"),
               request=request)
    return render(request, "grants/staff/cases.html", {
        "pool": pool, "filter": filterset, "page": page, "totals": totals,
        "blank_filter_form": None if filterset.is_filtered() else blank_case_filter_form(pool),
        "left": left, "year": year, "rounds": pool.rounds.all()})


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


def _case_step(form=None, prefix="", *, service, success):
    """A case-handling step: one URL, one form (or none), one service; back to the case page either way."""
    return _handler(actions.action_view(access=queries.access_case, form=form, prefix=prefix, service=service,
                                        name="application", success=success))


case_start_review = _case_step(service=services.start_review, success=_("Behandlingen er startet."))
case_note = _case_step(NoteForm, "note", service=services.add_note, success=_("Noten er gemt."))
case_request_information = _case_step(InfoRequestForm, "info", service=services.request_information,
                                      success=_("Anmodningen om oplysninger er sendt til ansøgeren."))
case_recommend = _case_step(RecommendForm, "rec", service=services.recommend, success=_("Indstillingen er gemt."))
case_decide = _case_step(DecisionForm, "dec", service=services.decide,
                         success=_("Afgørelsen er truffet, og ansøgeren får afgørelsesbrevet på e-mail."))
case_payout = _case_step(PayoutForm, "pay", service=services.register_payout, success=_("Udbetalingen er registreret."))
case_approve_report = _case_step(service=services.approve_report,
                                 success=_("Afrapporteringen er godkendt, og sagen er afsluttet."))


@_handler
@require_POST
def case_score(request, pk):
    application = queries.access_case(request.user, pk)
    form = ScoreForm(request.POST, criteria=application.pool.criteria.all())
    actions.perform(request, form, services.score_all, application=application, success=_("Pointene er gemt."))
    return redirect(application.get_staff_url())


@_handler
def batch(request, pk):
    """Decisions from a committee meeting: one row per case ready for decision."""
    pool = get_object_or_404(Pool, pk=pk)
    form = BatchForm(request.POST or None, applications=queries.ready_for_decision(pool))
    results = actions.perform(request, form, services.decide_batch) if request.method == "POST" else None
    ready = queries.ready_for_decision(pool)
    log_access(actor=request.user, subjects=[a.applicant_id for a in ready], reason=_("Udvalgsmøde: afgørelser"),
               request=request)
    return render(request, "grants/staff/batch.html", {"pool": pool, "ready": ready,
                                                        "results": results if results is not True else [],
                                                        "left": queries.budget_left(pool)})


@_handler
def export_csv(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    log_access(actor=request.user, subjects=queries.exported_applicants(pool), reason=_("Eksport af sager (CSV)"),
               request=request)
    return exports.cases_csv(pool)


@_handler
def export_xlsx(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    log_access(actor=request.user, subjects=queries.exported_applicants(pool), reason=_("Eksport af sager (XLSX)"),
               request=request)
    return exports.cases_xlsx(pool)


@_handler
def overview(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    year = OverviewForm(request.GET).year()
    return render(request, "grants/staff/overview.html", {"pool": pool, "year": year, **queries.yearly_chart(pool, year)})


__all__ = ["GrantApplication"]
