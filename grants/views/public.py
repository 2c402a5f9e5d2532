from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import is_verified
from frivillig.core import pdf, ratelimit
from frivillig.core.audit import log_access
from frivillig.core.files import attachment_response
from frivillig.core.workflow import TransitionNotAllowed

from .. import queries, services
from ..forms import AmountForm, AnswerForm, BudgetFormSet, ConsentForm, ContactForm, PartnershipForm, ProjectForm, ReportForm
from ..models import Attachment, GrantApplication, Pool, Status

STEPS = [
    ("kontakt", "contact", _("Ansøger og kontakt")),
    ("projekt", "project", _("Projektet")),
    ("samarbejde", "partnership", _("Samarbejde")),
    ("budget", "budget", _("Budget")),
    ("beloeb", "amount", _("Beløb og bilag")),
    ("samtykke", "consent", _("Samtykke og indsend")),
]


def pool_list(request):
    pools = Pool.objects.filter(is_active=True).prefetch_related("rounds")
    return render(request, "grants/pool_list.html", {"pools": [(p, queries.budget_left(p)) for p in pools]})


def pool_detail(request, slug):
    pool = get_object_or_404(Pool.objects.prefetch_related("criteria", "rounds"), slug=slug, is_active=True)
    return render(request, "grants/pool_detail.html", {
        "pool": pool, "left": queries.budget_left(pool), "open_round": pool.open_round(), "is_open": pool.is_open(),
        "granted": queries.granted_projects(pool)[:50], "verified": request.user.is_authenticated and is_verified(request.user)})


@login_required
@require_POST
def start(request, slug):
    pool = get_object_or_404(Pool, slug=slug, is_active=True)
    try:
        application = services.start_application(actor=request.user, pool=pool)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect(pool)
    return redirect("grants:step", pk=application.pk, step="kontakt")


def _form_for(key, application, user, data=None, files=None):
    if key == "contact":
        return ContactForm(data, instance=application, user=user)
    if key == "project":
        return ProjectForm(data, instance=application)
    if key == "partnership":
        return PartnershipForm(data, instance=application)
    if key == "budget":
        initial = [{"kind": line.kind, "description": line.description, "amount": line.amount}
                   for line in application.budget_lines.all()]
        return BudgetFormSet(data, initial=initial, prefix="budget")
    if key == "amount":
        return AmountForm(data, files, instance=application, pool=application.pool)
    return ConsentForm(data, instance=application)


@login_required
def step(request, pk, step):
    application = queries.access_own_application(request.user, pk)
    if application.status != Status.DRAFT:
        return redirect(application)
    slugs = [s[0] for s in STEPS]
    if step not in slugs:
        raise Http404
    index = slugs.index(step)
    _slug, key, title = STEPS[index]
    if ratelimit.upload_exceeded(request, "grants.attachment"):
        messages.error(request, ratelimit.MESSAGE)
        return redirect("grants:step", pk=application.pk, step=step)
    form = _form_for(key, application, request.user, request.POST or None, request.FILES or None)
    if request.POST.get("action") == "gem" and key not in ("budget", "consent"):
        # "Save draft" keeps whatever has been typed, complete or not; "continue" requires the step to be complete.
        for field in form.fields.values():
            field.required = False
    if request.method == "POST" and form.is_valid():
        try:
            if key == "budget":
                lines = [{k: f.cleaned_data[k] for k in ("kind", "description", "amount")}
                         for f in form.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
                services.replace_budget(actor=request.user, application=application, lines=lines)
            else:
                services.save_draft_step(actor=request.user, application=application, step=key,
                                         data={k: v for k, v in form.cleaned_data.items() if k in form._meta.fields})
                if key == "amount" and form.cleaned_data.get("attachment"):
                    services.add_attachment(actor=request.user, application=application,
                                            title=form.cleaned_data["attachment_title"],
                                            file=form.cleaned_data["attachment"])
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errs in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errs)
            else:
                messages.error(request, " ".join(exc.messages))
        else:
            if request.POST.get("action") == "gem":
                messages.success(request, _("Kladden er gemt. Du kan fortsætte senere fra “Mine ansøgninger”."))
                return redirect("grants:step", pk=application.pk, step=step)
            if key == "consent":
                try:
                    if ratelimit.exceeded(request, "grants.submit", per_user="10/h", per_ip="30/h"):
                        raise ValidationError(str(ratelimit.MESSAGE))
                    services.submit(actor=request.user, application=application)
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
                    return redirect("grants:step", pk=application.pk, step=step)
                messages.success(request, _("Ansøgningen er sendt. Du får en kvittering på e-mail med en kopi af ansøgningen."))
                return redirect(application)
            return redirect("grants:step", pk=application.pk, step=slugs[index + 1])
    elif request.method == "POST":
        messages.error(request, _("Der er fejl i formularen. Det, du har skrevet, er bevaret – ret fejlene og gem igen."))
    context = {"application": application, "form": form, "steps": STEPS, "index": index, "step": step, "title": title,
               "key": key, "missing": services.missing_for_submission(application) if key == "consent" else [],
               "totals": application.budget_totals(), "previous": slugs[index - 1] if index else None}
    return render(request, "grants/step.html", context)


@login_required
def my_applications(request):
    applications = GrantApplication.objects.filter(applicant=request.user).select_related("pool").order_by("-created_at")
    return render(request, "grants/my_applications.html", {"applications": applications})


@login_required
def my_application(request, pk):
    application = queries.access_own_application(request.user, pk)
    answer_form = AnswerForm(request.POST or None) if application.status == Status.AWAITING_INFO else None
    if request.method == "POST" and answer_form is not None and answer_form.is_valid():
        services.answer_information(actor=request.user, application=application, answer=answer_form.cleaned_data["answer"])
        messages.success(request, _("Tak – dit svar er sendt, og sagen behandles videre."))
        return redirect(application)
    return render(request, "grants/my_application.html", {
        "application": application, "answer_form": answer_form, "history": application.status_changes.all(),
        "case_messages": application.case_messages.all(), "lines": application.budget_lines.all(),
        "totals": application.budget_totals(), "attachments": application.attachments.all(),
        "decision_letter": pdf.latest("grants.decision_letter", application),
        "copy": pdf.latest("grants.application", application),
        "report_form": ReportForm() if application.status in (Status.PAID_OUT, Status.REPORT_DUE) else None,
        "payouts": application.payouts.all()})


@login_required
@require_POST
def withdraw(request, pk):
    application = queries.access_own_application(request.user, pk)
    try:
        services.withdraw(actor=request.user, application=application)
    except TransitionNotAllowed:
        messages.error(request, _("Ansøgningen er afgjort og kan ikke trækkes tilbage."))
    else:
        messages.success(request, _("Ansøgningen er trukket tilbage."))
    return redirect(application)


@login_required
def report(request, pk):
    application = queries.access_own_application(request.user, pk)
    if ratelimit.upload_exceeded(request, "grants.report"):
        messages.error(request, ratelimit.MESSAGE)
        return redirect("grants:report", pk=application.pk)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_report(actor=request.user, application=application, data=form.cleaned_data)
        except (ValidationError, TransitionNotAllowed) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [getattr(exc, "message", "")])))
        else:
            messages.success(request, _("Tak for afrapporteringen. Kulturforvaltningen gennemgår den."))
            return redirect(application)
    return render(request, "grants/report.html", {"application": application, "form": form})


@login_required
def attachment(request, pk):
    att = get_object_or_404(Attachment.objects.select_related("application"), pk=pk)
    from frivillig.accounts.roles import is_culture_admin

    if att.application.applicant_id != request.user.pk and not is_culture_admin(request.user):
        raise Http404
    log_access(actor=request.user, subjects=[att.application.applicant_id], reason=_("Bilag til tilskudsansøgning"),
               request=request)
    return attachment_response(att.file, att.file.name.rsplit("/", 1)[-1])
