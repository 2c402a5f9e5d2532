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


def purge_old_drafts(now) -> int:
    """Retention: an application never submitted and not changed for RETENTION_DAYS["grant_draft"] days is deleted
    with its budget lines and attachments (their files go with them: django-cleanup)."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["grant_draft"])
    drafts = GrantApplication.objects.filter(status=Status.DRAFT, updated_at__lt=cutoff)
    count = drafts.count()
    drafts.delete()
    return count
