from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frivillig.accounts.gdpr import export_notifications_about, redact_about, redact_rows, status_history
from frivillig.core import pdf

from .models import (
    UNDECIDED,
    Attachment,
    BudgetLine,
    CaseMessage,
    CaseNote,
    GrantApplication,
    GrantStatusChange,
    Report,
    Score,
    Status,
)


def _iso(value):
    return value.isoformat() if value else None


def export(user) -> dict:
    """Everything about each of the person's applications: the case handlers' notes, scores, messages, the status
    history with reasons, the decision, payouts, the report, attachments, and the e-mails about it."""
    applications = (GrantApplication.objects.filter(applicant=user).select_related("pool", "report")
                    .prefetch_related("budget_lines", "case_messages", "notes__author", "attachments",
                                      "scores__criterion", "payouts", "status_changes"))
    return {"applications": [
        {"pool": a.pool.name, "title": a.title, "status": a.get_status_display(), "created": _iso(a.created_at),
         "submitted": _iso(a.submitted_at), "amount_requested": str(a.amount_requested or ""),
         "approved_amount": str(a.approved_amount or ""), "description": a.description, "purpose": a.purpose,
         "target_group": a.target_group, "place": a.place, "starts_on": _iso(a.starts_on), "ends_on": _iso(a.ends_on),
         "partnership": a.partnership_description, "contact_name": a.contact_name, "contact_email": a.contact_email,
         "contact_phone": a.contact_phone, "decision_reason": a.decision_reason, "conditions": a.conditions,
         "decided": _iso(a.decided_at), "report_due_on": _iso(a.report_due_on),
         "budget": [{"kind": b.get_kind_display(), "description": b.description, "amount": str(b.amount)}
                    for b in a.budget_lines.all()],
         "attachments": [{"title": f.title, "file": f.file.name.rsplit("/", 1)[-1], "uploaded": _iso(f.uploaded_at)}
                         for f in a.attachments.all()],
         "messages": [{"from_staff": m.from_staff, "body": m.body, "at": _iso(m.created_at)} for m in a.case_messages.all()],
         "case_notes": [{"by": n.author.get_full_name() if n.author else "", "body": n.body, "at": _iso(n.created_at)}
                        for n in a.notes.all()],
         "scores": [{"criterion": sc.criterion.name, "value": sc.value, "comment": sc.comment}
                    for sc in a.scores.all()],
         "payouts": [{"amount": str(p.amount), "paid_on": _iso(p.paid_on)} for p in a.payouts.all()],
         "status_history": status_history(a.status_changes.all()),
         "report": ({"what_happened": a.report.what_happened, "participants": a.report.participants,
                     "money_spent": str(a.report.money_spent), "submitted": _iso(a.report.submitted_at),
                     "receipts": a.report.receipts.name.rsplit("/", 1)[-1] if a.report.receipts else ""}
                    if hasattr(a, "report") else None),
         "emails_about_it": export_notifications_about(GrantApplication.objects.filter(pk=a.pk))}
        for a in applications]}


FREE_TEXT = ["title", "description", "purpose", "target_group", "partnership_description", "place", "conditions",
             "decision_reason"]


def erase(user, dry_run: bool) -> list[str]:
    mine = GrantApplication.objects.filter(applicant=user)
    drafts = mine.filter(status=Status.DRAFT)
    undecided = mine.filter(status__in=UNDECIDED).exclude(status=Status.DRAFT)
    decided = mine.exclude(status__in=UNDECIDED)
    changes = []
    if drafts.exists():
        n = drafts.count()
        changes.append(ngettext("%(n)s kladde til en tilskudsansøgning slettes.",
                                "%(n)s kladder til tilskudsansøgninger slettes.", n) % {"n": n})
    if undecided.exists():
        n = undecided.count()
        changes.append(ngettext("%(n)s ansøgning, der ikke er afgjort, trækkes tilbage og anonymiseres.",
                                "%(n)s ansøgninger, der ikke er afgjort, trækkes tilbage og anonymiseres.", n) % {"n": n})
    if decided.exists():
        n = decided.count()
        changes.append(ngettext("%(n)s afgjort ansøgning bevares, fordi kommunen skal opbevare afgørelser, men uden "
                                "dit navn og dine kontaktoplysninger.",
                                "%(n)s afgjorte ansøgninger bevares, fordi kommunen skal opbevare afgørelser, men uden "
                                "dit navn og dine kontaktoplysninger.", n) % {"n": n})
    if mine.exists():
        changes.append(_("Dine bilag, kvitteringer og PDF-kopier af dine ansøgninger slettes; en afgørelse, kommunen "
                         "skal gemme, dannes igen som “Anonym”."))
    if not dry_run:
        redact_about(mine, user=user)
        drafts.delete()
        undecided.update(status=Status.WITHDRAWN)
        kept = GrantApplication.objects.filter(applicant=user)
        redact_rows(kept, FREE_TEXT, user=user)
        redact_rows(BudgetLine.objects.filter(application__in=kept), ["description"], user=user)
        redact_rows(CaseNote.objects.filter(application__in=kept), ["body"], user=user)
        redact_rows(CaseMessage.objects.filter(application__in=kept), ["body"], user=user)
        redact_rows(Score.objects.filter(application__in=kept), ["comment"], user=user)
        redact_rows(GrantStatusChange.objects.filter(subject__in=kept), ["reason"], user=user)
        redact_rows(Report.objects.filter(application__in=kept), ["what_happened"], user=user)
        for attachment in Attachment.objects.filter(application__in=kept):
            attachment.delete()  # the file goes with the row (django-cleanup)
        for report in Report.objects.filter(application__in=kept).exclude(receipts=""):
            report.receipts.delete(save=True)
        decided_ids = list(kept.exclude(status__in=UNDECIDED).values_list("pk", flat=True))
        kept.update(applicant=None, contact_name=_("Anonym"), contact_email="", contact_phone="",
                    anonymised_at=timezone.now())
        for application in GrantApplication.objects.filter(pk__in=decided_ids, decided_at__isnull=False):
            pdf.request("grants.decision_letter", obj=application, version=f"anonymised-{application.anonymised_at.timestamp()}")
    return changes


WARN_DAYS_BEFORE = 30


def _expiry_warning_key(draft) -> str:
    # Tied to the draft's last change: a draft edited after the warning gets a new warning if it goes stale again.
    return f"grants.draft_expiry:{draft.pk}:{draft.updated_at:%Y%m%d%H%M%S%f}"


def purge_old_drafts(now) -> dict:
    """Retention of applications never submitted: RETENTION_DAYS["grant_draft"] days after its last change a draft
    is deleted with its budget lines and attachments (their files go with them: django-cleanup), but never before
    the applicant was told by e-mail WARN_DAYS_BEFORE days in advance (a draft whose applicant was erased has nobody
    to tell). Opening and saving the draft starts the period again."""
    from frivillig.core.models import Notification
    from frivillig.core.notify import notify

    period = settings.RETENTION_DAYS["grant_draft"]
    drafts = GrantApplication.objects.filter(status=Status.DRAFT).select_related("pool", "applicant")
    stale = list(drafts.filter(updated_at__lt=now - timedelta(days=max(period - WARN_DAYS_BEFORE, 0))))
    warnings_sent = dict(Notification.objects.filter(key__in=[_expiry_warning_key(d) for d in stale])
                         .values_list("key", "created_at"))
    warned = deleted = 0
    for draft in stale:
        key = _expiry_warning_key(draft)
        if draft.applicant is None:
            warning_old_enough = draft.updated_at < now - timedelta(days=period)
        else:
            sent = warnings_sent.get(key)
            if sent is None:
                notify(to=draft.applicant, template="grants/email/draft_expiring", key=key, obj=draft,
                       context={"application": draft, "days": WARN_DAYS_BEFORE,
                                "deleted_on": (now + timedelta(days=WARN_DAYS_BEFORE)).date()})
                warned += 1
                continue
            warning_old_enough = (draft.updated_at < now - timedelta(days=period)
                                  and sent <= now - timedelta(days=WARN_DAYS_BEFORE))
        if warning_old_enough:
            draft.delete()
            deleted += 1
    return {"warned": warned, "deleted": deleted}
