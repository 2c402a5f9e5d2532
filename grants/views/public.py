from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frivillig.accounts.roles import is_verified
from frivillig.core import actions, pdf, ratelimit
from frivillig.core.audit import log_access
from frivillig.core.files import attachment_response

from .. import queries, services, workflow
from ..forms import (
    AmountForm,
    AnswerForm,
    BudgetFormSet,
    ConsentForm,
    ContactForm,
    DraftBudgetFormSet,
    PartnershipForm,
    ProjectForm,
    ReportForm,
)
from ..models import GrantApplication, Pool

STEPS = [
    ("kontakt", "contact", _("Ansøger og kontakt")),
    ("projekt", "project", _("Projektet")),
    ("samarbejde", "partnership", _("Samarbejde")),
    ("budget", "budget", _("Budget")),
    ("beloeb", "amount", _("Beløb og bilag")),
    ("samtykke", "consent", _("Samtykke og indsend")),
]


def pool_list(request):
    return render(request, "grants/pool_list.html", {"pools": queries.pools_with_budget_left(active_only=True)})


def pool_detail(request, slug):
    pool = get_object_or_404(Pool.objects.prefetch_related("criteria", "rounds"), slug=slug, is_active=True)
    return render(request, "grants/pool_detail.html", {
        "pool": pool, "left": queries.budget_left(pool), "open_round": pool.open_round(), "is_open": pool.is_open(),
        "granted": queries.granted_projects(pool)[:50], "verified": request.user.is_authenticated and is_verified(request.user)})


@login_required
@require_POST
def start(request, slug):
    pool = get_object_or_404(Pool, slug=slug, is_active=True)
    application = actions.perform(request, None, services.start_application, pool=pool)
    return redirect("grants:step", pk=application.pk, step="kontakt") if application else redirect(pool)


def _form_for(key, application, user, data=None, files=None, *, draft_only=False):
    form = _bare_form(key, application, user, data, files, draft_only=draft_only)
    if draft_only and key != "budget":
        # "Save draft" keeps whatever has been typed, complete or not; "continue" requires the step to be complete.
        for field in form.fields.values():
            field.required = False
    return form


def _bare_form(key, application, user, data=None, files=None, *, draft_only=False):
    if key == "contact":
        return ContactForm(data, instance=application, user=user)
    if key == "project":
        return ProjectForm(data, instance=application)
    if key == "partnership":
        return PartnershipForm(data, instance=application)
    if key == "budget":
        initial = [{"kind": line.kind, "description": line.description, "amount": line.amount}
                   for line in application.budget_lines.all()]
        return (DraftBudgetFormSet if draft_only else BudgetFormSet)(data, initial=initial, prefix="budget")
    if key == "amount":
        return AmountForm(data, files, instance=application, pool=application.pool)
    return ConsentForm(data, instance=application)


def _step_of(slug):
    slugs = [s[0] for s in STEPS]
    if slug not in slugs:
        raise Http404
    index = slugs.index(slug)
    return index, STEPS[index][1], STEPS[index][2], slugs[index + 1] if index + 1 < len(slugs) else None


def _draft(request, pk, step):
    """The applicant's draft and the step's (index, key, title, following); 404 for an unknown step."""
    return queries.access_own_application(request.user, pk), _step_of(step)


def _render_step(request, application, step, form):
    index, key, title, _following = _step_of(step)
    if form.is_bound:
        messages.error(request, _("Der er fejl i formularen. Det, du har skrevet, er bevaret – ret fejlene og gem igen."))
    return render(request, "grants/step.html", {
        "application": application, "form": form, "steps": STEPS, "index": index, "step": step, "title": title, "key": key,
        "missing": services.missing_for_submission(application) if key == "consent" else [],
        "totals": application.budget_totals(), "previous": STEPS[index - 1][0] if index else None})


@login_required
def step(request, pk, step):
    """A step of the application: POST saves it complete and goes on (on the last step: sends the application)."""
    application, (_index, key, _title, following) = _draft(request, pk, step)
    if not workflow.may_edit_draft(request.user, application):
        return redirect(application)
    if ratelimit.upload_exceeded(request, "grants.attachment"):
        messages.error(request, ratelimit.MESSAGE)
        return redirect("grants:step", pk=application.pk, step=step)
    form = _form_for(key, application, request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and (response := _save_step(request, application, key, form, following=following, step=step)):
        return response
    return _render_step(request, application, step, form)


@login_required
@require_POST
def step_save(request, pk, step, target=None):
    """Save what is typed, complete or not ("Gem kladde", and every link to another step, so nothing is lost),
    then show ``target`` (or the same step with a message)."""
    application, (_index, key, _title, _following) = _draft(request, pk, step)
    _step_of(target or step)
    if ratelimit.upload_exceeded(request, "grants.attachment"):
        messages.error(request, ratelimit.MESSAGE)
        return redirect("grants:step", pk=application.pk, step=step)
    form = _form_for(key, application, request.user, request.POST, request.FILES, draft_only=True)
    if not actions.save_form(request, form, services.save_step, application=application, step=key, as_data=True):
        return _render_step(request, application, step, form)
    if target is None:
        messages.success(request, _("Kladden er gemt. Du kan fortsætte senere fra “Mine ansøgninger”."))
    return redirect("grants:step", pk=application.pk, step=target or step)


def _save_step(request, application, key, form, *, following, step):
    """Save the step through the service; the redirect to show next, or None when the form shows errors."""
    if not actions.save_form(request, form, services.save_step, application=application, step=key, as_data=True):
        return None
    if key != "consent":
        return redirect("grants:step", pk=application.pk, step=following)
    if ratelimit.exceeded(request, "grants.submit", per_user="10/h", per_ip="30/h"):
        messages.error(request, ratelimit.MESSAGE)
        return redirect("grants:step", pk=application.pk, step=step)
    if actions.perform(request, None, services.submit, application=application,
                       success=_("Ansøgningen er sendt. Du får en kvittering på e-mail med en kopi af ansøgningen.")):
        return redirect(application)
    return redirect("grants:step", pk=application.pk, step=step)


@login_required
def my_applications(request):
    applications = GrantApplication.objects.filter(applicant=request.user).select_related("pool").order_by("-created_at")
    return render(request, "grants/my_applications.html", {"applications": applications})


@login_required
def my_application(request, pk):
    application = queries.access_own_application(request.user, pk)
    answer_form = AnswerForm(request.POST or None) if workflow.may_answer(request.user, application) else None
    if answer_form is not None and actions.save_form(request, answer_form, services.answer_information,
                                                     application=application):
        messages.success(request, _("Tak – dit svar er sendt, og sagen behandles videre."))
        return redirect(application)
    return render(request, "grants/my_application.html", {
        "application": application, "answer_form": answer_form, "history": application.status_changes.all(),
        "case_messages": application.case_messages.all(), "lines": application.budget_lines.all(),
        "totals": application.budget_totals(), "attachments": application.attachments.all(),
        "decision_letter": pdf.latest("grants.decision_letter", application),
        "copy": pdf.latest("grants.application", application),
        "report_form": ReportForm() if workflow.may_report(request.user, application) else None,
        "payouts": application.payouts.all()})


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """GET asks first (a withdrawal cannot be undone); the confirmation page's button POSTs."""
    application = queries.access_own_application(request.user, pk)
    if request.method == "GET":
        return render(request, "components/confirm_withdraw.html", {"application": application, "what": application.title})
    actions.perform(request, None, services.withdraw, application=application,
                    success=_("Ansøgningen er trukket tilbage."))
    return redirect(application)


@login_required
def report(request, pk):
    application = queries.access_own_application(request.user, pk)
    if ratelimit.upload_exceeded(request, "grants.report"):
        messages.error(request, ratelimit.MESSAGE)
        return redirect("grants:report", pk=application.pk)
    form = ReportForm(request.POST or None, request.FILES or None)
    if actions.save_form(request, form, services.submit_report, application=application, as_data=True):
        messages.success(request, _("Tak for afrapporteringen. Kulturområdet gennemgår den."))
        return redirect(application)
    return render(request, "grants/report.html", {"application": application, "form": form})


@login_required
def attachment(request, pk):
    att = queries.access_attachment(request.user, pk)
    log_access(actor=request.user, subjects=[att.application.applicant_id], reason=_("Bilag til tilskudsansøgning"),
               request=request)
    return attachment_response(att.file, att.file.name.rsplit("/", 1)[-1])


@login_required
def report_receipts(request, pk):
    """The receipts uploaded with a grant's report: the applicant and the case handlers (logged)."""
    report = queries.access_report(request.user, pk)
    log_access(actor=request.user, subjects=[report.application.applicant_id], reason=_("Bilag til afrapportering"),
               request=request)
    return attachment_response(report.receipts, report.receipts.name.rsplit("/", 1)[-1])
