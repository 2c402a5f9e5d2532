"""Every write of the grants app. The rule that matters most lives in `decide()`: the approved amounts
of a pool never exceed its budget, even when case handlers decide at the same moment (row lock)."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core import formatting, pdf
from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import workflow
from .models import (
    Attachment,
    BudgetLine,
    CaseMessage,
    CaseNote,
    Criterion,
    GrantApplication,
    GrantStatusChange,
    Payout,
    Pool,
    Report,
    Round,
    Score,
    Status,
)
from .queries import budget_left

DRAFT_FIELDS = {
    "contact": ["on_behalf_of", "contact_name", "contact_email", "contact_phone"],
    "project": ["title", "description", "purpose", "target_group", "expected_participants", "place", "starts_on", "ends_on"],
    "partnership": ["partner_institution", "partnership_description"],
    "amount": ["amount_requested"],
    "consent": ["consent"],
}


def _move(application, to, actor, reason=""):
    return wf.move(application, to=to, actor=actor, reason=reason, transitions=workflow.TRANSITIONS,
                   log_model=GrantStatusChange)


@transaction.atomic
def start_application(*, actor, pool: Pool) -> GrantApplication:
    wf.require(workflow.may_apply, actor, pool)
    application = GrantApplication.objects.create(
        pool=pool, round=pool.open_round(), applicant=actor, contact_name=actor.get_full_name(),
        contact_email=actor.email, contact_phone=actor.phone)
    wf.start(application, actor=actor, log_model=GrantStatusChange)
    return application


@transaction.atomic
def save_draft_step(*, actor, application: GrantApplication, step: str, data: dict) -> GrantApplication:
    """Save one step of the multi-step form. Every step saves the draft, so nothing typed is lost."""
    wf.require(workflow.may_edit_draft, actor, application)
    if step == "contact":
        wf.require(workflow.may_apply_for, actor, data.get("on_behalf_of"))
    if step == "amount" and data.get("amount_requested") and data["amount_requested"] > application.pool.max_amount:
        raise ValidationError({"amount_requested": _("Du kan højst søge %(max)s kr. fra denne pulje.")
                               % {"max": formatting.amount(application.pool.max_amount)}})
    for field in DRAFT_FIELDS[step]:
        if field in data:
            setattr(application, field, data[field])
    application.save()
    return application


@transaction.atomic
def save_step(*, actor, application: GrantApplication, step: str, data) -> GrantApplication:
    """One step of the application form as the form cleaned it: the budget's lines, or the step's fields (and on
    the amount step an attachment)."""
    if step == "budget":
        lines = [{k: line[k] for k in ("kind", "description", "amount")} for line in data
                 if line and not line.get("DELETE")]
        replace_budget(actor=actor, application=application, lines=lines)
        return application
    if step not in DRAFT_FIELDS:
        raise ValidationError(_("Ukendt trin."))
    save_draft_step(actor=actor, application=application, step=step, data=data)
    if step == "amount" and data.get("attachment"):
        add_attachment(actor=actor, application=application, title=data["attachment_title"], file=data["attachment"])
    return application


@transaction.atomic
def replace_budget(*, actor, application: GrantApplication, lines: list[dict]) -> None:
    wf.require(workflow.may_edit_draft, actor, application)
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create([BudgetLine(application=application, **line) for line in lines])


@transaction.atomic
def add_attachment(*, actor, application: GrantApplication, title: str, file) -> Attachment:
    wf.require(workflow.may_edit_draft, actor, application)
    return Attachment.objects.create(application=application, title=title, file=file)


def missing_for_submission(application: GrantApplication) -> list[str]:
    missing = []
    for field in ("contact_name", "contact_email", "title", "description", "purpose", "target_group", "place",
                  "starts_on", "ends_on", "amount_requested"):
        if not getattr(application, field):
            missing.append(str(GrantApplication._meta.get_field(field).verbose_name))
    if not application.budget_lines.filter(kind=BudgetLine.Kind.EXPENSE).exists():
        missing.append(_("budget med mindst én udgift"))
    if not application.consent:
        missing.append(_("samtykke"))
    return missing


@transaction.atomic
def submit(*, actor, application: GrantApplication) -> GrantApplication:
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    wf.require(workflow.may_edit_draft, actor, application)
    missing = missing_for_submission(application)
    if missing:
        raise ValidationError(_("Udfyld før du sender: %(fields)s.") % {"fields": ", ".join(missing)})
    if application.amount_requested > application.pool.max_amount:
        raise ValidationError(_("Det ansøgte beløb er højere end puljens maksimum."))
    if not application.pool.is_open():
        raise ValidationError(_("Ansøgningsfristen er overskredet."))
    application.submitted_at = timezone.now()
    application.save(update_fields=["submitted_at"])
    _move(application, Status.SUBMITTED, actor)
    doc = pdf.request("grants.application", obj=application, version=str(application.submitted_at.timestamp()))
    notify(to=actor, template="grants/email/receipt", key=f"grants.receipt:{application.pk}", obj=application,
           context={"application": application, "document": doc})
    return application


@transaction.atomic
def withdraw(*, actor, application: GrantApplication) -> GrantApplication:
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    wf.require(workflow.may_withdraw, actor, application)
    _move(application, Status.WITHDRAWN, actor, _("Trukket tilbage af ansøgeren"))
    return application


# --- pools ---------------------------------------------------------------------------------------

@transaction.atomic
def save_pool(*, actor, pool: Pool | None = None, **data) -> Pool:
    wf.require(workflow.is_case_handler, actor)
    pool = pool or Pool()
    for field, value in data.items():
        setattr(pool, field, value)
    pool.full_clean()
    pool.save()
    return pool


@transaction.atomic
def add_round(*, actor, pool: Pool, name: str, opens_at, closes_at) -> Round:
    wf.require(workflow.is_case_handler, actor)
    round_ = Round(pool=pool, name=name, opens_at=opens_at, closes_at=closes_at)
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def add_criterion(*, actor, pool: Pool, name: str) -> Criterion:
    wf.require(workflow.is_case_handler, actor)
    criterion = Criterion(pool=pool, name=name.strip(), order=pool.criteria.count() + 1)
    criterion.full_clean()
    criterion.save()
    return criterion


# --- case handling -------------------------------------------------------------------------------

@transaction.atomic
def start_review(*, actor, application: GrantApplication) -> GrantApplication:
    wf.require(workflow.is_case_handler, actor)
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    _move(application, Status.IN_REVIEW, actor)
    return application


@transaction.atomic
def add_note(*, actor, application: GrantApplication, body: str) -> CaseNote:
    wf.require(workflow.is_case_handler, actor)
    return CaseNote.objects.create(application=application, author=actor, body=body.strip())


@transaction.atomic
def score(*, actor, application: GrantApplication, criterion, value: int, comment: str = "") -> Score:
    wf.require(workflow.is_case_handler, actor)
    if criterion.pool_id != application.pool_id:
        raise ValidationError(_("Kriteriet hører ikke til puljen."))
    obj, _created = Score.objects.update_or_create(application=application, criterion=criterion, reviewer=actor,
                                                   defaults={"value": value, "comment": comment})
    obj.full_clean()
    return obj


@transaction.atomic
def score_all(*, actor, application: GrantApplication, scores: list[tuple]) -> list[Score]:
    """The reviewer's scores of several criteria at once: [(criterion, value, comment)]."""
    if not scores:
        raise ValidationError(_("Giv point for mindst ét kriterium."))
    return [score(actor=actor, application=application, criterion=c, value=v, comment=comment) for c, v, comment in scores]


@transaction.atomic
def request_information(*, actor, application: GrantApplication, question: str) -> CaseMessage:
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    _move(application, Status.AWAITING_INFO, actor, question)
    message = CaseMessage.objects.create(application=application, author=actor, from_staff=True, body=question.strip())
    notify(to=application.applicant, template="grants/email/info_requested", key=f"grants.info:{message.pk}",
           obj=application, context={"application": application, "question": question})
    return message


@transaction.atomic
def answer_information(*, actor, application: GrantApplication, answer: str) -> CaseMessage:
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    wf.require(workflow.may_answer, actor, application)
    message = CaseMessage.objects.create(application=application, author=actor, from_staff=False, body=answer.strip())
    _move(application, Status.IN_REVIEW, actor, _("Ansøgeren har svaret"))
    return message


@transaction.atomic
def recommend(*, actor, application: GrantApplication, amount: Decimal) -> GrantApplication:
    wf.require(workflow.is_case_handler, actor)
    application.recommended_amount = amount
    application.save(update_fields=["recommended_amount", "updated_at"])
    CaseNote.objects.create(application=application, author=actor,
                            body=_("Indstillet til %(amount)s kr.") % {"amount": formatting.amount(amount)})
    return application


def budget_year(moment) -> int:
    """The municipality's budget year of a moment: the local (Europe/Copenhagen) calendar year."""
    return timezone.localdate(moment).year


@transaction.atomic
def decide(*, actor, application: GrantApplication, outcome: str, amount: Decimal | None = None, reason: str = "",
           conditions: str = "") -> GrantApplication:
    """Case handlers only. Invariant: the pool's approved sum for the budget year never exceeds its
    budget — the pool row is locked, so concurrent decisions are serialised."""
    wf.require(workflow.is_case_handler, actor)
    pool = Pool.objects.select_for_update().get(pk=application.pool_id)
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    now = timezone.now()
    year = budget_year(now)  # one year for the check and the booking
    if outcome not in workflow.DECISIONS:
        raise ValidationError(_("Ukendt afgørelse."))
    if outcome == Status.REJECTED:
        if not reason.strip():
            raise ValidationError({"reason": _("Skriv en begrundelse for afslaget.")})
        amount = Decimal(0)
    else:
        if amount is None or amount <= 0:
            raise ValidationError({"amount": _("Angiv det bevilgede beløb.")})
        if amount > application.amount_requested:
            raise ValidationError({"amount": _("Der kan ikke bevilges mere end det ansøgte beløb.")})
        if outcome == Status.APPROVED and amount != application.amount_requested:
            outcome = Status.PARTLY_APPROVED
        left = budget_left(pool, year)
        if amount > left:
            raise ValidationError({"amount": _("Puljen har kun %(left)s kr. tilbage i %(year)s. Beløbet på %(amount)s kr. "
                                               "kan ikke bevilges.") % {"left": formatting.amount(left), "year": year,
                                                                             "amount": formatting.amount(amount)}})
        if outcome == Status.PARTLY_APPROVED and not reason.strip():
            # Forvaltningsloven § 22: a decision that does not fully grant what was asked must give reasons.
            raise ValidationError({"reason": _("Skriv en begrundelse: en delvis bevilling skal begrundes "
                                               "(forvaltningslovens § 22).")})
    application.approved_amount = amount
    application.decision_reason = reason.strip()
    application.conditions = conditions.strip()
    application.decided_at = now
    application.decided_by = actor
    application.budget_year = year
    if outcome != Status.REJECTED and application.ends_on:
        application.report_due_on = application.ends_on + timedelta(days=pool.report_days_after_end)
    application.save()
    _move(application, outcome, actor, reason)
    doc = pdf.request("grants.decision_letter", obj=application, version=str(now.timestamp()))
    notify(to=application.applicant, template="grants/email/decision", key=f"grants.decision:{application.pk}",
           obj=application, context={"application": application, "document": doc})
    return application


def decide_batch(*, actor, decisions: list[dict]) -> list[tuple[GrantApplication, str | None]]:
    """Decisions from a committee meeting: each is decided on its own (one transaction each), so one
    refusal does not undo the others. Returns (application, error message or None)."""
    results = []
    for item in decisions:
        try:
            results.append((decide(actor=actor, **item), None))
        except (ValidationError, PermissionDenied, wf.TransitionNotAllowed) as exc:
            from frivillig.core.actions import message_of

            results.append((item["application"], message_of(exc)))
    return results


@transaction.atomic
def register_payout(*, actor, application: GrantApplication, amount: Decimal, paid_on) -> Payout:
    wf.require(workflow.is_case_handler, actor)
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    if amount > (application.approved_amount or 0):
        raise ValidationError(_("Udbetalingen kan ikke overstige det bevilgede beløb."))
    payout = Payout.objects.create(application=application, amount=amount, paid_on=paid_on, registered_by=actor)
    _move(application, Status.PAID_OUT, actor)
    return payout


@transaction.atomic
def submit_report(*, actor, application: GrantApplication, data: dict) -> Report:
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    wf.require(workflow.may_report, actor, application)  # refused before anything is written, the file included
    report = Report(application=application, **data)
    report.full_clean()
    try:
        with transaction.atomic():
            report.save()  # writes the receipts file first
            _move(application, Status.REPORT_RECEIVED, actor)
    except Exception:
        # The row is rolled back; its file would stay on disk, with nothing pointing to it.
        if report.receipts and report.receipts.name:
            report.receipts.storage.delete(report.receipts.name)
        raise
    return report


@transaction.atomic
def approve_report(*, actor, application: GrantApplication) -> GrantApplication:
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    _move(application, Status.CLOSED, actor, _("Afrapporteringen er godkendt"))
    Report.objects.filter(application=application).update(approved_at=timezone.now())
    return application
