"""Reads after "Optaget": `access_*` raise 404 for missing and not-yours alike."""

import hashlib
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.utils import timezone

from frivillig.accounts.roles import task_poster_ids
from taskbank.models import Event, Task, TaskApplication
from taskbank.queries import staff_events

from .models import Agreement, CalendarFeed, HoursEntry, Nomination, Session, SessionSignup, StandardText


def _404():
    raise Http404


# --- volunteer side ---------------------------------------------------------------------------------------------

def my_agreements(user):
    return (Agreement.objects.filter(volunteer=user).exclude(status=Agreement.Status.DRAFT)
            .select_related("task__institution", "contact").order_by("status", "-created_at"))


def access_own_agreement(user, pk) -> Agreement:
    if not getattr(user, "is_authenticated", False):
        _404()
    agreement = my_agreements(user).filter(pk=pk).first()
    return agreement or _404()


def access_signable_session(user, pk) -> Session:
    """A session of a task on which the person has (or had) an agreement, or of a published event."""
    if not getattr(user, "is_authenticated", False):
        _404()
    tasks = Agreement.objects.filter(volunteer=user).values("task_id")
    return (Session.objects.filter(Q(task_id__in=tasks) | Q(event__is_published=True), pk=pk)
            .select_related("task", "event").first() or _404())


def _with_places(sessions, user):
    mine = SessionSignup.objects.filter(session=OuterRef("pk"), volunteer=user) if getattr(
        user, "is_authenticated", False) else SessionSignup.objects.none()
    return sessions.annotate(taken=Count("signups"), mine=Exists(mine))


def upcoming_sessions_for(user):
    """The future sessions of the tasks she has an accepted agreement on, and the event sessions she signed up
    for, with places taken and whether she is in."""
    tasks = Agreement.objects.filter(volunteer=user, status=Agreement.Status.ACCEPTED).values("task_id")
    helping = SessionSignup.objects.filter(volunteer=user, session__event__isnull=False).values("session_id")
    return _with_places(Session.objects.filter(Q(task_id__in=tasks) | Q(pk__in=helping), starts_at__gt=timezone.now(),
                                               cancelled_at__isnull=True)
                        .select_related("task", "event"), user).order_by("starts_at")


def event_sessions(event, user):
    """The helpers' sessions of an event that are still to come, for its public page."""
    return _with_places(Session.objects.filter(event=event, starts_at__gt=timezone.now(), cancelled_at__isnull=True)
                        .select_related("event"), user).order_by("starts_at")


def my_sessions(user):
    return (SessionSignup.objects.filter(volunteer=user).select_related("session__task", "session__event")
            .order_by("session__starts_at"))


def my_event_help(user):
    """The event sessions where staff confirmed she came: her record of hours as a helper."""
    return (SessionSignup.objects.helper_hours().filter(volunteer=user)
            .select_related("session__event__organiser").order_by("-session__starts_at"))


def hours_of(signups) -> Decimal:
    return sum((s.session.hours for s in signups), Decimal(0))


def my_hours(user):
    return HoursEntry.objects.filter(agreement__volunteer=user).select_related("agreement__task")


def total_hours(entries) -> Decimal:
    return entries.filter(status=HoursEntry.Status.APPROVED).aggregate(s=Sum("hours"))["s"] or Decimal(0)


def certificate_rows(user) -> list[dict]:
    """One row per agreement that was accepted: task, institution, period, approved hours."""
    rows = []
    agreements = (Agreement.objects.filter(volunteer=user, acceptances__isnull=False).distinct()
                  .select_related("task__institution").annotate(
                      approved=Sum("hours_entries__hours", filter=Q(hours_entries__status=HoursEntry.Status.APPROVED)),
                      since=Min("acceptances__accepted_at")).order_by("since"))
    for a in agreements:
        rows.append({"task": a.task.title, "institution": a.task.institution.name, "duties": a.duties,
                     "start": timezone.localtime(a.since).date(),
                     "end": timezone.localtime(a.ended_at).date() if a.ended_at else None,
                     "hours": a.approved or Decimal(0)})
    by_event = {}
    for signup in reversed(list(my_event_help(user))):
        event = signup.session.event
        row = by_event.setdefault(event.pk, {
            # The certificate is issued in Danish whatever the language of the page that asked for it.
            "task": event.title, "duties": "Hjælper ved arrangementet.",
            "institution": event.organiser.name if event.organiser else "Rudersdal Kommune, Kulturområdet",
            "start": timezone.localtime(signup.session.starts_at).date(), "end": None, "hours": Decimal(0)})
        row["end"] = timezone.localtime(signup.session.ends_at).date()
        row["hours"] += signup.session.hours
    rows.extend(by_event.values())
    return rows


def certificate_version(user) -> str:
    rows = certificate_rows(user)
    text = repr([(r["task"], r["start"], r["end"], r["hours"]) for r in rows]) + user.get_full_name()
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def calendar_feed_of(user):
    return CalendarFeed.objects.filter(user=user).first()


def sessions_for_token(token: str):
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first() if token else None
    if feed is None:
        _404()
    return feed.user, (Session.objects.filter(signups__volunteer=feed.user, cancelled_at__isnull=True)
                       .select_related("task", "event").order_by("starts_at"))


def standard_texts():
    return StandardText.objects.all()


def access_standard_text(pk) -> StandardText:
    return StandardText.objects.filter(pk=pk).first() or _404()


# --- staff side -------------------------------------------------------------------------------------------------

def staff_agreements(user):
    return Agreement.objects.filter(task__institution_id__in=task_poster_ids(user))


def access_staff_agreement(user, pk) -> Agreement:
    if not getattr(user, "is_authenticated", False):
        _404()
    return (staff_agreements(user).filter(pk=pk).select_related("task__institution", "volunteer", "contact").first()
            or _404())


def access_staff_hours(user, pk) -> HoursEntry:
    if not getattr(user, "is_authenticated", False):
        _404()
    return (HoursEntry.objects.filter(pk=pk, agreement__task__institution_id__in=task_poster_ids(user))
            .select_related("agreement__task").first() or _404())


def access_accepted_application(user, pk) -> TaskApplication:
    """An accepted application to one of the person's tasks that has no agreement yet."""
    if not getattr(user, "is_authenticated", False):
        _404()
    return (TaskApplication.objects.filter(pk=pk, status=TaskApplication.Status.ACCEPTED, applicant__isnull=False,
                                           task__institution_id__in=task_poster_ids(user), agreement__isnull=True)
            .select_related("task", "applicant").first() or _404())


def access_coordinated_task(user, pk) -> Task:
    if not getattr(user, "is_authenticated", False):
        _404()
    return Task.objects.filter(pk=pk, institution_id__in=task_poster_ids(user)).select_related("institution").first() \
        or _404()


def access_coordinated_event(user, pk) -> Event:
    if not getattr(user, "is_authenticated", False):
        _404()
    return staff_events(user).filter(pk=pk).first() or _404()


def access_staff_session(user, pk) -> Session:
    if not getattr(user, "is_authenticated", False):
        _404()
    return (Session.objects.filter(Q(task__institution_id__in=task_poster_ids(user))
                                   | Q(event__in=staff_events(user).values("pk")), pk=pk)
            .select_related("task", "event").first() or _404())


def agreement_initial(application) -> dict:
    """The agreement pre-filled from the task (the institution completes it)."""
    task = application.task
    young = bool({"young", "students", "families"} & set(task.target_groups or [])) or task.area == "children"
    if task.requires_child_certificate:
        certificate = Agreement.Certificate.CHECKED if application.certificate_checked_on else Agreement.Certificate.MISSING
    else:
        certificate = Agreement.Certificate.NOT_REQUIRED
    return {"duties": task.description, "staff_duties": "", "schedule": task.schedule or "",
            "contact": task.contact_id, "confidentiality": task.area in ("social", "elderly", "children") or young,
            "notification_duty": young, "insured": True, "child_certificate": certificate}


def without_agreement(user):
    """Accepted volunteers of the person's tasks whose agreement is still to be written."""
    return (TaskApplication.objects.filter(status=TaskApplication.Status.ACCEPTED, applicant__isnull=False,
                                           task__institution_id__in=task_poster_ids(user), agreement__isnull=True)
            .select_related("task", "applicant").order_by("-decided_at"))


def overview(user):
    """One row per agreement: volunteer, task, status, børneattest, next session, hours this year."""
    now = timezone.now()
    year_start = timezone.localdate().replace(month=1, day=1)
    next_session = (Session.objects.filter(task_id=OuterRef("task_id"), signups__volunteer_id=OuterRef("volunteer_id"),
                                           starts_at__gt=now, cancelled_at__isnull=True)
                    .order_by("starts_at").values("starts_at")[:1])
    return (staff_agreements(user).select_related("task", "volunteer")
            .annotate(next_session=Subquery(next_session),
                      hours_this_year=Sum("hours_entries__hours", filter=Q(
                          hours_entries__status=HoursEntry.Status.APPROVED, hours_entries__date__gte=year_start)))
            .order_by("status", "task__title", "pk"))


def active_volunteers(area: str = ""):
    """People with an accepted agreement (optionally on a task of one area)."""
    from django.contrib.auth import get_user_model

    agreements = Agreement.objects.filter(status=Agreement.Status.ACCEPTED)
    if area:
        agreements = agreements.filter(task__area=area)
    return get_user_model().objects.filter(pk__in=agreements.values("volunteer_id")).order_by("pk")


def rota(occasion):
    """The sessions of a task or an event from a month back, with who signed up."""
    of = {"event": occasion} if isinstance(occasion, Event) else {"task": occasion}
    return (Session.objects.filter(**of, starts_at__gte=timezone.now() - timedelta(days=30))
            .prefetch_related("signups__volunteer").order_by("starts_at"))


def waiting_hours(agreement):
    return agreement.hours_entries.filter(status=HoursEntry.Status.REPORTED)


def award_winners():
    """Only nominees who consented are shown."""
    return Nomination.objects.filter(status=Nomination.Status.PUBLISHED).order_by("-year", "nominee_name")


def nominations():
    return Nomination.objects.select_related("nominator").order_by("-year", "status", "-created_at")


def access_nomination(user, pk) -> Nomination:
    from frivillig.accounts.roles import is_culture_admin

    if not is_culture_admin(user):
        _404()
    return Nomination.objects.filter(pk=pk).first() or _404()


def nomination_for_token(token: str) -> Nomination:
    nomination = Nomination.objects.filter(consent_token=token).first() if token else None
    return nomination or _404()
