"""What the engagement app holds about a person, for export, erasure and retention (GDPR)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

from frivillig.accounts.gdpr import export_notifications_about, redact_about, redact_rows, status_history

from .models import (
    Agreement,
    AgreementAcceptance,
    AgreementStatusChange,
    CalendarFeed,
    HoursEntry,
    Nomination,
    NominationStatusChange,
    SessionSignup,
)


def export(user) -> dict:
    agreements = (Agreement.objects.filter(volunteer=user).select_related("task__institution", "contact")
                  .prefetch_related("status_changes", "acceptances", "hours_entries"))
    return {
        "agreements": [
            {"task": a.task.title, "institution": a.task.institution.name, "status": a.get_status_display(),
             "version": a.version, "duties": a.duties, "staff_duties": a.staff_duties, "schedule": a.schedule,
             "contact": a.contact.get_full_name() if a.contact else "", "confidentiality": a.confidentiality,
             "notification_duty": a.notification_duty, "insured": a.insured,
             "child_certificate": a.get_child_certificate_display(), "end_reason": a.end_reason,
             "accepted_versions": [{"version": x.version, "at": x.accepted_at.isoformat()} for x in a.acceptances.all()],
             "hours": [{"date": h.date.isoformat(), "hours": str(h.hours), "note": h.note,
                        "status": h.get_status_display()} for h in a.hours_entries.all()],
             "status_history": status_history(a.status_changes.all()),
             "emails_about_it": export_notifications_about(Agreement.objects.filter(pk=a.pk))}
            for a in agreements],
        "sessions": [{"task": s.session.title, "starts": s.session.starts_at.isoformat(),
                      "signed_up": s.created_at.isoformat(),
                      "attended": s.attended} for s in SessionSignup.objects.filter(volunteer=user)
                     .select_related("session__task", "session__event")],
        "calendar_feed": [{"created": f.created_at.isoformat()} for f in CalendarFeed.objects.filter(user=user)],
    }


def erase(user, dry_run: bool) -> list[str]:
    """The agreement is kept anonymised as long as the municipality must (retention), and so is a confirmed
    attendance at an event's session, which is the only record of those hours (the yearly total of volunteer hours
    must not drop when a helper is erased); other sign-ups and the calendar address are deleted."""
    agreements = Agreement.objects.filter(volunteer=user)
    helped = SessionSignup.objects.helper_hours().filter(volunteer=user)
    signups = SessionSignup.objects.filter(volunteer=user).exclude(pk__in=helped.values("pk"))
    changes = []
    if agreements.exists():
        changes.append(ngettext("%(n)s frivilligaftale bevares uden dit navn, så længe kommunen skal gemme den.",
                                "%(n)s frivilligaftaler bevares uden dit navn, så længe kommunen skal gemme dem.",
                                agreements.count()) % {"n": agreements.count()})
    if helped.exists():
        changes.append(ngettext("%(n)s hjælpervagt, du mødte op til, bevares uden dit navn, så timerne stadig tæller "
                                "med i kommunens opgørelse.",
                                "%(n)s hjælpervagter, du mødte op til, bevares uden dit navn, så timerne stadig "
                                "tæller med i kommunens opgørelse.", helped.count()) % {"n": helped.count()})
    if signups.exists():
        changes.append(ngettext("%(n)s tilmelding til en vagt slettes.", "%(n)s tilmeldinger til vagter slettes.",
                                signups.count()) % {"n": signups.count()})
    if not dry_run:
        redact_about(agreements, user=user)
        redact_rows(agreements, ["duties", "staff_duties", "schedule", "end_reason"], user=user)
        redact_rows(AgreementStatusChange.objects.filter(subject__volunteer=user), ["reason"], user=user)
        redact_rows(HoursEntry.objects.filter(agreement__volunteer=user), ["note"], user=user)
        AgreementAcceptance.objects.filter(user=user).update(user=None)
        agreements.update(volunteer=None, anonymised_at=timezone.now())
        signups.delete()
        helped.update(volunteer=None)
        CalendarFeed.objects.filter(user=user).delete()
    return changes


def purge_old_agreements(now) -> int:
    """Retention: an ended agreement (with its hours) is deleted RETENTION_DAYS["volunteer_agreement"] days after
    it ended."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["volunteer_agreement"])
    deleted, _detail = Agreement.objects.filter(status=Agreement.Status.ENDED, ended_at__lt=cutoff).delete()
    return deleted


def purge_past_session_signups(now) -> int:
    """Retention: who signed up for a session is deleted RETENTION_DAYS["meeting_signup"] days after it (the hours
    stay with the agreement). A confirmed attendance at an event's session is the helper's only record of her hours
    (for her certificate): it is kept as long as an agreement with hours, RETENTION_DAYS["volunteer_agreement"] days
    after the session."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["meeting_signup"])
    helper_cutoff = now - timedelta(days=settings.RETENTION_DAYS["volunteer_agreement"])
    kept = SessionSignup.objects.helper_hours().filter(session__ends_at__gte=helper_cutoff)
    deleted, _detail = (SessionSignup.objects.filter(session__ends_at__lt=cutoff)
                        .exclude(pk__in=kept.values("pk")).delete())
    return deleted


def _about_me(user):
    return Nomination.objects.filter(nominee_email__iexact=user.email) if user.email else Nomination.objects.none()


def export_nominations(user) -> dict:
    row = lambda n: {"year": n.year, "nominee": n.nominee_name, "where": n.where, "reason": n.reason,  # noqa: E731
                     "status": n.get_status_display(), "at": n.created_at.isoformat()}
    return {"made_by_me": [row(n) for n in Nomination.objects.filter(nominator=user)],
            "about_me": [row(n) for n in _about_me(user)]}


def erase_nominations(user, dry_run: bool) -> list[str]:
    """Nominations she made are kept without her; nominations of her are deleted."""
    mine, about = Nomination.objects.filter(nominator=user), _about_me(user)
    changes = []
    if mine.exists():
        changes.append(ngettext("%(n)s indstilling til årets frivillige bevares uden dit navn.",
                                "%(n)s indstillinger til årets frivillige bevares uden dit navn.",
                                mine.count()) % {"n": mine.count()})
    if about.exists():
        changes.append(ngettext("%(n)s indstilling af dig til årets frivillige slettes.",
                                "%(n)s indstillinger af dig til årets frivillige slettes.",
                                about.count()) % {"n": about.count()})
    if not dry_run:
        redact_rows(mine, ["reason", "where"], user=user)
        redact_rows(NominationStatusChange.objects.filter(subject__nominator=user), ["reason"], user=user)
        mine.update(nominator=None)
        about.delete()
    return changes


def purge_old_nominations(now) -> int:
    """Retention: nominations that were not published are deleted RETENTION_DAYS["nomination"] days after their
    year ended."""
    cutoff_year = (now - timedelta(days=settings.RETENTION_DAYS["nomination"])).year
    deleted, _detail = (Nomination.objects.filter(year__lt=cutoff_year)
                        .exclude(status=Nomination.Status.PUBLISHED).delete())
    return deleted
