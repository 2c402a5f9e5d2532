"""What the volunteers app holds about a person, for export and erasure (GDPR), and its retention."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frivillig.accounts.gdpr import status_history

from .models import Invitation, Profile


def export(user) -> dict:
    profile = Profile.objects.filter(user=user).first()
    return {
        "profile": None if profile is None else {
            "competences": profile.competence_labels(), "interests": profile.interest_labels(),
            "towns": profile.town_labels(), "availability": profile.availability_labels(),
            "hours_per_week": profile.hours_per_week, "target_groups": profile.target_group_labels(),
            "can_do": profile.can_do, "weekly_email": profile.wants_digest, "created": profile.created_at.isoformat(),
            "changed": profile.updated_at.isoformat(),
            "consent_to_be_found_given": profile.consented_at.isoformat() if profile.consented_at else None,
            "findable_until": profile.findable_until.isoformat() if profile.findable_until else None,
        },
        "invitations": [
            {"task": i.task.title, "from": i.task.institution.name, "message": i.message,
             "status": i.get_status_display(), "sent": i.created_at.isoformat(),
             "answered": i.answered_at.isoformat() if i.answered_at else None,
             "status_history": status_history(i.status_changes.all())}
            for i in Invitation.objects.filter(volunteer=user).select_related("task__institution")
            .prefetch_related("status_changes")
        ],
    }


def erase(user, dry_run: bool) -> list[str]:
    """Her profile and the invitations to her are hers alone: deleted."""
    changes = []
    if Profile.objects.filter(user=user).exists():
        changes.append(_("Din frivilligprofil slettes."))
    invitations = Invitation.objects.filter(volunteer=user)
    if invitations.exists():
        changes.append(ngettext("%(n)s invitation til en opgave slettes.", "%(n)s invitationer til opgaver slettes.",
                                invitations.count()) % {"n": invitations.count()})
    if not dry_run:
        Profile.objects.filter(user=user).delete()
        invitations.delete()
    return changes


def expire_consent(now) -> int:
    """Retention: a consent to be found that has run out is removed (she was hidden from the day it ran out)."""
    return Profile.objects.filter(findable_until__lte=now).update(findable_until=None, consented_at=None)


def purge_old_invitations(now) -> int:
    """Retention: invitations RETENTION_DAYS["task_invitation"] days after they were answered or sent."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["task_invitation"])
    deleted, _detail = Invitation.objects.filter(Q(answered_at__lt=cutoff) | Q(answered_at__isnull=True,
                                                                             created_at__lt=cutoff)).delete()
    return deleted
