from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.accounts.gdpr import redact_rows

from .models import UNDECIDED, GrantApplication, Status


def export(user) -> dict:
    return {"applications": [
        {"pool": a.pool.name, "title": a.title, "status": a.get_status_display(), "amount_requested": str(a.amount_requested or ""),
         "approved_amount": str(a.approved_amount or ""), "description": a.description, "contact_name": a.contact_name,
         "contact_email": a.contact_email, "contact_phone": a.contact_phone,
         "budget": [{"kind": b.kind, "description": b.description, "amount": str(b.amount)} for b in a.budget_lines.all()],
         "messages": [{"from_staff": m.from_staff, "body": m.body} for m in a.case_messages.all()],
         "report": ({"what_happened": a.report.what_happened, "participants": a.report.participants}
                    if hasattr(a, "report") else None)}
        for a in GrantApplication.objects.filter(applicant=user).select_related("pool").prefetch_related(
            "budget_lines", "case_messages")]}


def erase(user, dry_run: bool) -> list[str]:
    mine = GrantApplication.objects.filter(applicant=user)
    drafts = mine.filter(status=Status.DRAFT)
    undecided = mine.filter(status__in=UNDECIDED).exclude(status=Status.DRAFT)
    decided = mine.exclude(status__in=UNDECIDED)
    changes = []
    if drafts.exists():
        changes.append(_("%(n)s kladde(r) til tilskudsansøgninger slettes.") % {"n": drafts.count()})
    if undecided.exists():
        changes.append(_("%(n)s ikke-afgjort(e) ansøgning(er) trækkes tilbage og anonymiseres.") % {"n": undecided.count()})
    if decided.exists():
        changes.append(_("%(n)s afgjort(e) ansøgning(er) bevares, fordi kommunen skal opbevare afgørelser, men uden "
                         "dit navn og dine kontaktoplysninger.") % {"n": decided.count()})
    if not dry_run:
        drafts.delete()
        undecided.update(status=Status.WITHDRAWN)
        redact_rows(decided, ["title", "description", "purpose", "partnership_description", "place"], user=user)
        mine.update(applicant=None, contact_name="", contact_email="", contact_phone="", anonymised_at=timezone.now())
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
