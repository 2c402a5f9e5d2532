"""Every write after "Optaget". Keyword-only, one transaction each, the permission asked of workflow.py."""

import hashlib
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core import pdf
from frivillig.core import workflow as wf
from frivillig.core.notify import notify
from taskbank.models import TaskApplication

from . import workflow
from .models import (
    Agreement,
    AgreementAcceptance,
    AgreementStatusChange,
    CalendarFeed,
    HoursEntry,
    HoursStatusChange,
    Nomination,
    NominationStatusChange,
    Session,
    SessionSignup,
    StandardText,
)

AGREEMENT_FIELDS = ("duties", "staff_duties", "schedule", "contact", "confidentiality", "notification_duty", "insured",
                    "child_certificate")
MAX_SESSIONS = 52


def _move(agreement, to, actor, reason=""):
    return wf.move(agreement, to=to, actor=actor, reason=reason, transitions=workflow.AGREEMENT_TRANSITIONS,
                   log_model=AgreementStatusChange, extra_update_fields=("ended_at",))


def _copy_wording(agreement) -> None:
    texts = {t.key: t for t in StandardText.objects.all()}
    for key in StandardText.Key.values:
        setattr(agreement, f"{key}_text", texts[key].text if key in texts else "")
    agreement.wording_is_example = any(t.is_example for t in texts.values())


@transaction.atomic
def start_agreement(*, actor, application: TaskApplication, data: dict) -> Agreement:
    """The institution completes the agreement of an accepted volunteer (pre-filled by the form from the task)."""
    application = TaskApplication.objects.select_for_update().select_related("task").get(pk=application.pk)
    wf.require(workflow.is_task_coordinator, actor, application.task)
    if application.status != TaskApplication.Status.ACCEPTED or application.applicant_id is None:
        raise ValidationError(_("Kun en optaget frivillig kan få en frivilligaftale."))
    if Agreement.objects.filter(application=application).exists():
        raise ValidationError(_("Den frivillige har allerede en aftale om denne opgave."))
    agreement = Agreement(task=application.task, application=application, volunteer_id=application.applicant_id,
                          **{f: data[f] for f in AGREEMENT_FIELDS if f in data})
    _copy_wording(agreement)
    agreement.full_clean()
    agreement.save()
    return agreement


def _ask_volunteer(agreement) -> None:
    notify(to=agreement.volunteer, template="engagement/email/agreement_ready",
           key=f"engagement.agreement:{agreement.pk}:v{agreement.version}", context={"agreement": agreement},
           obj=agreement)


@transaction.atomic
def update_agreement(*, actor, agreement: Agreement, data: dict) -> Agreement:
    """A change of a sent or accepted agreement makes a new version that the volunteer accepts again."""
    agreement = Agreement.objects.select_for_update().select_related("task").get(pk=agreement.pk)
    wf.require(workflow.may_edit_agreement, actor, agreement)
    for f in AGREEMENT_FIELDS:
        if f in data:
            setattr(agreement, f, data[f])
    agreement.full_clean()
    if agreement.status == Agreement.Status.DRAFT:
        agreement.save()
        return agreement
    agreement.version += 1
    _copy_wording(agreement)
    agreement.save()
    if agreement.status == Agreement.Status.ACCEPTED:
        _move(agreement, Agreement.Status.AWAITING, actor, _("Ny version %(v)s") % {"v": agreement.version})
    _ask_volunteer(agreement)
    return agreement


@transaction.atomic
def send_agreement(*, actor, agreement: Agreement) -> Agreement:
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    _move(agreement, Agreement.Status.AWAITING, actor)
    _ask_volunteer(agreement)
    return agreement


@transaction.atomic
def accept_agreement(*, actor, agreement: Agreement, version: int, confirm: bool = True) -> Agreement:
    """The volunteer accepts the version she read; a newer version must be read first."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    wf.require(workflow.is_agreement_volunteer, actor, agreement)
    if not confirm:
        raise ValidationError(_("Sæt kryds ved, at du har læst aftalen."))
    if version != agreement.version:
        raise ValidationError(_("Aftalen er ændret, mens du læste den. Læs den nye version, og acceptér igen."))
    _move(agreement, Agreement.Status.ACCEPTED, actor, _("Version %(v)s accepteret") % {"v": version})
    AgreementAcceptance.objects.create(agreement=agreement, version=version, user=actor)
    if agreement.contact_id:
        notify(to=agreement.contact, template="engagement/email/agreement_accepted",
               key=f"engagement.accepted:{agreement.pk}:v{version}", context={"agreement": agreement}, obj=agreement)
    return agreement


@transaction.atomic
def end_agreement(*, actor, agreement: Agreement, reason: str = "") -> Agreement:
    """Either side ends the agreement; the volunteer's future sessions on the task are cancelled."""
    agreement = Agreement.objects.select_for_update().select_related("task").get(pk=agreement.pk)
    agreement.ended_at = timezone.now()
    agreement.end_reason = reason.strip()
    _move(agreement, Agreement.Status.ENDED, actor, agreement.end_reason)
    agreement.save(update_fields=["end_reason"])
    SessionSignup.objects.filter(volunteer_id=agreement.volunteer_id, session__task_id=agreement.task_id,
                                 session__starts_at__gt=timezone.now()).delete()
    other = agreement.contact if workflow.is_agreement_volunteer(actor, agreement) else agreement.volunteer
    if other is not None:
        notify(to=other, template="engagement/email/agreement_ended", key=f"engagement.ended:{agreement.pk}",
               context={"agreement": agreement}, obj=agreement)
    return agreement


@transaction.atomic
def send_thanks(*, actor, agreement: Agreement, message: str) -> Agreement:
    wf.require(workflow.is_agreement_staff, actor, agreement)
    if agreement.volunteer_id is None:
        raise ValidationError(_("Den frivillige findes ikke længere i portalen."))
    digest = hashlib.sha256(f"{timezone.localdate()}:{message}".encode()).hexdigest()[:16]
    notify(to=agreement.volunteer, template="engagement/email/thanks", key=f"engagement.thanks:{agreement.pk}:{digest}",
           context={"agreement": agreement, "message": message.strip(), "sender": actor.get_full_name()},
           obj=agreement)
    return agreement


# --- sessions ---------------------------------------------------------------------------------------------------

@transaction.atomic
def plan_sessions(*, actor, task=None, event=None, first_date, start_time, end_time, places: int, weeks: int = 1,
                  skip_dates=(), note: str = "", ends_next_day: bool = False) -> list[Session]:
    """One session, or one a week for ``weeks`` weeks except ``skip_dates`` (holidays), of a task or an event. A
    session that runs past midnight ends the next day (``ends_next_day``), at most a day after it began."""
    wf.require(workflow.is_occasion_coordinator, actor, task or event)
    if not ends_next_day and end_time <= start_time:
        raise ValidationError({"end_time": _("Vagten skal slutte efter, den begynder. Går vagten over midnat, så "
                                             "sæt kryds ved „Vagten slutter dagen efter“.")})
    if ends_next_day and end_time > start_time:
        raise ValidationError({"end_time": _("En vagt kan højst vare et døgn.")})
    if not 1 <= weeks <= MAX_SESSIONS:
        raise ValidationError({"weeks": _("Højst %(n)s uger ad gangen.") % {"n": MAX_SESSIONS}})
    tz = timezone.get_current_timezone()
    skip = set(skip_dates)
    created = []
    for week in range(weeks):
        day = first_date + timedelta(weeks=week)
        if day in skip:
            continue
        created.append(Session(task=task, event=event, places=places, note=note.strip(),
                               starts_at=timezone.make_aware(datetime.combine(day, start_time), tz),
                               ends_at=timezone.make_aware(
                                   datetime.combine(day + timedelta(days=1 if ends_next_day else 0), end_time), tz)))
    if not created:
        raise ValidationError(_("Alle datoer er undtaget: der er ingen vagter at oprette."))
    for s in created:
        s.full_clean()
    return Session.objects.bulk_create(created)


@transaction.atomic
def cancel_session(*, actor, session: Session, reason: str = "") -> Session:
    session = Session.objects.select_for_update(of=("self",)).select_related("task", "event").get(pk=session.pk)
    wf.require(workflow.is_session_coordinator, actor, session)
    if session.cancelled_at:
        return session
    _cancel(session, reason)
    return session


def _cancel(session: Session, reason: str) -> None:
    """Mark the (locked) session cancelled and tell each person signed up, once."""
    session.cancelled_at = timezone.now()
    session.save(update_fields=["cancelled_at", "updated_at"])
    for signup in session.signups.named().select_related("volunteer"):
        notify(to=signup.volunteer, template="engagement/email/session_cancelled",
               key=f"engagement.session_cancelled:{signup.pk}", context={"session": session, "reason": reason},
               obj=session)


@transaction.atomic
def cancel_sessions_of_event(event) -> int:
    """When the event is cancelled (by its organiser, through the task bank's service), its future sessions are
    cancelled too and the helpers told, with the event's reason."""
    sessions = list(Session.objects.select_for_update().filter(event=event, cancelled_at__isnull=True,
                                                               starts_at__gt=timezone.now()))
    for session in sessions:
        session.event = event  # the e-mail names it; no query per session
        _cancel(session, event.cancel_reason)
    return len(sessions)


@transaction.atomic
def sign_up(*, actor, session: Session) -> SessionSignup:
    """The session row is locked while its places are counted: concurrent sign-ups never exceed them."""
    session = Session.objects.select_for_update(of=("self",)).select_related("event").get(pk=session.pk)
    wf.require(workflow.may_sign_up, actor, session)
    existing = session.signups.filter(volunteer=actor).first()
    if existing:
        return existing
    if session.signups.count() >= session.places:
        raise ValidationError(_("Vagten er fuldt booket."))
    return SessionSignup.objects.create(session=session, volunteer=actor)


@transaction.atomic
def cancel_signup(*, actor, session: Session) -> None:
    session = Session.objects.select_for_update().get(pk=session.pk)
    wf.require(workflow.may_cancel_signup, actor, session)
    session.signups.filter(volunteer=actor).delete()


def _agreement_for(volunteer_id, task_id):
    return (Agreement.objects.filter(volunteer_id=volunteer_id, task_id=task_id).exclude(status=Agreement.Status.DRAFT)
            .order_by("-created_at").first())


@transaction.atomic
def register_attendance(*, actor, session: Session, attended) -> int:
    """Staff confirm who came; returns how many came. At a task's session those who came get its hours, approved,
    on their agreement; at an event's session the confirmed attendance is itself the helper's record of hours."""
    session = Session.objects.select_for_update(of=("self",)).select_related("task", "event").get(pk=session.pk)
    wf.require(workflow.is_session_coordinator, actor, session)
    came = {int(i) for i in attended}
    count = 0
    for signup in session.signups.named():  # an erased helper's attendance stays as confirmed
        signup.attended = signup.volunteer_id in came
        signup.save(update_fields=["attended"])
        count += 1 if signup.attended else 0
        agreement = _agreement_for(signup.volunteer_id, session.task_id) if session.task_id else None
        if agreement is None:
            continue
        if signup.attended:
            HoursEntry.objects.get_or_create(agreement=agreement, session=session, defaults={
                "date": timezone.localtime(session.starts_at).date(), "hours": session.hours,
                "status": HoursEntry.Status.APPROVED, "note": str(_("Vagt"))})
        else:
            HoursEntry.objects.filter(agreement=agreement, session=session).delete()
    return count


@transaction.atomic
def report_hours(*, actor, agreement: Agreement, date, hours, note: str = "") -> HoursEntry:
    """For ongoing tasks without sessions: the volunteer reports, staff approve."""
    wf.require(workflow.may_report_hours, actor, agreement)
    if date > timezone.localdate():
        raise ValidationError({"date": _("Du kan ikke indberette timer for en dag, der ikke er kommet endnu.")})
    entry = HoursEntry(agreement=agreement, date=date, hours=hours, note=note.strip())
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def decide_hours(*, actor, entry: HoursEntry, to: str) -> HoursEntry:
    entry = HoursEntry.objects.select_for_update().select_related("agreement__task").get(pk=entry.pk)
    wf.move(entry, to=to, actor=actor, transitions=workflow.HOURS_TRANSITIONS, log_model=HoursStatusChange)
    return entry


def approve_hours(*, actor, entry: HoursEntry) -> HoursEntry:
    return decide_hours(actor=actor, entry=entry, to=HoursEntry.Status.APPROVED)


def reject_hours(*, actor, entry: HoursEntry) -> HoursEntry:
    return decide_hours(actor=actor, entry=entry, to=HoursEntry.Status.REJECTED)


def invite_volunteers(*, actor, event, area: str = "", message: str = "") -> int:
    """The Culture department invites every active volunteer (or those of one area) to an event, such as the yearly
    volunteer celebration; each volunteer gets one invitation per event. Returns how many were invited."""
    wf.require(workflow.may_invite_volunteers, actor, event)
    from . import queries

    count = 0
    for volunteer in queries.active_volunteers(area=area):
        notify(to=volunteer, template="engagement/email/invitation", key=f"engagement.invite:{event.pk}:{volunteer.pk}",
               context={"event": event, "message": message.strip()}, obj=event)
        count += 1
    return count


# --- recognition and calendar -----------------------------------------------------------------------------------

def request_certificate(*, actor):
    """The volunteer's certificate (frivilligbevis) of her tasks and approved hours, rendered once per content."""
    from . import queries

    if not getattr(actor, "is_authenticated", False):
        raise ValidationError(_("Log ind for at hente dit frivilligbevis."))
    version = queries.certificate_version(actor)
    return pdf.request("engagement.certificate", obj=actor, version=version)


def request_agreement_pdf(*, actor, agreement: Agreement):
    wf.require(workflow.may_request_pdf, actor, agreement)
    return pdf.request("engagement.agreement", obj=agreement,
                       version=f"v{agreement.version}:{agreement.updated_at.timestamp()}")


@transaction.atomic
def new_calendar_token(*, actor) -> CalendarFeed:
    """A new secret address for the personal calendar; the old one stops working."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=actor)
    if not created:
        from .models import _token

        feed.token = _token()
        feed.save(update_fields=["token", "created_at"])
    return feed


@transaction.atomic
def save_standard_text(*, actor, standard_text: StandardText, title: str, text: str) -> StandardText:
    wf.require(workflow.may_edit_standard_texts, actor, standard_text)
    standard_text.title, standard_text.text, standard_text.is_example = title.strip(), text.strip(), False
    standard_text.full_clean()
    standard_text.save()
    return standard_text


# --- "Årets frivillige" -----------------------------------------------------------------------------------------

@transaction.atomic
def nominate(*, actor, nominee_name: str, nominee_email: str, where: str, reason: str) -> Nomination:
    wf.require(workflow.may_nominate, actor)
    nomination = Nomination(year=timezone.localdate().year, nominee_name=nominee_name.strip(),
                            nominee_email=nominee_email.strip(), where=where.strip(), reason=reason.strip(),
                            nominator=actor)
    nomination.full_clean()
    nomination.save()
    return nomination


def _move_nomination(nomination, to, actor, reason=""):
    return wf.move(nomination, to=to, actor=actor, reason=reason, transitions=workflow.NOMINATION_TRANSITIONS,
                   log_model=NominationStatusChange)


@transaction.atomic
def choose_nominee(*, actor, nomination: Nomination) -> Nomination:
    """The Culture department chooses; the nominee is asked (once) whether her name may be shown."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    _move_nomination(nomination, Nomination.Status.CHOSEN, actor)
    notify(to=nomination.nominee_email, template="engagement/email/nomination_consent",
           key=f"engagement.nomination_consent:{nomination.pk}", context={"nomination": nomination}, obj=nomination)
    return nomination


@transaction.atomic
def answer_nomination(*, actor, token: str, consent: bool) -> Nomination:
    nomination = Nomination.objects.select_for_update().filter(consent_token=token).first() if token else None
    if nomination is None:
        raise ValidationError(_("Linket er ikke gyldigt."))
    nomination.token_verified = True
    to = Nomination.Status.PUBLISHED if consent else Nomination.Status.DECLINED
    if nomination.status != to:
        _move_nomination(nomination, to, actor)
    return nomination
