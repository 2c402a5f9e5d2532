"""Reference data: the standard wording of the volunteer agreement, shipped as example text until the Culture
department writes its own. Demo data (clearly marked): the demo citizen's accepted application gets an accepted
agreement, sessions (past with attendance, future with her sign-up) and hours."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from frivillig.accounts.models import User
from taskbank.models import Event, TaskApplication

from . import services
from .models import Agreement, HoursEntry, Session, SessionSignup, StandardText

STANDARD_TEXTS = [
    ("insurance", "Forsikring",
     "Rudersdal Kommune kan efter serviceloven § 18 a tegne en ulykkes- og ansvarsforsikring for frivillige. "
     "Forsikringen dækker frivilligt arbejde, der udføres i samarbejde med kommunen og efter kommunens "
     "retningslinjer for, hvilket frivilligt arbejde den dækker. Kommer du til skade, eller sker der en skade, "
     "så kontakt din kontaktperson samme dag."),
    ("confidentiality", "Tavshedspligt",
     "Som frivillig kan du få kendskab til fortrolige oplysninger om borgere, fx om helbred eller familieforhold. "
     "Du har tavshedspligt om alt, hvad du får at vide om andre mennesker gennem din frivillige opgave – også efter, "
     "at samarbejdet er slut. Er du i tvivl, så spørg din kontaktperson."),
    ("notification", "Underretningspligt",
     "Får du som frivillig kendskab til, at et barn eller en ung kan have brug for særlig støtte, skal du straks "
     "fortælle det til din kontaktperson, som sørger for, at kommunen får besked efter serviceloven."),
    ("ending", "Sådan afslutter I samarbejdet",
     "Både du og institutionen kan afslutte aftalen når som helst. Giv gerne besked så tidligt som muligt, så "
     "kommende vagter kan dækkes. Afslutningen registreres i portalen, og du kan fortsat hente dit frivilligbevis."),
]


def load_reference():
    for key, title, text in STANDARD_TEXTS:
        StandardText.objects.get_or_create(key=key, defaults={"title": title, "text": text,
                                                                             "is_example": True})


def _indicators():
    """The live figures as strategy indicators, so the steering group's dashboard and annual report show them with no
    hand-typed numbers (the strategy app recomputes every indicator with a source)."""
    from django.apps import apps

    if not apps.is_installed("strategy"):
        return
    indicator = apps.get_model("strategy", "Indicator")
    for name, key, unit in [("Aktive frivillige med frivilligaftale", "engagement.active_volunteers", ""),
                            ("Frivillige timer", "engagement.hours", "timer")]:
        indicator.objects.get_or_create(source_key=key, defaults={"name": name, "unit": unit})


def _event_sessions(citizen):
    """The demo event gets helpers' sessions (setting up, welcoming), and the demo citizen helps at one."""
    event = Event.objects.filter(title="Frivillig Fredag på Mariehøj (demo)").first()
    if event is None or event.sessions.exists():
        return
    setup = Session.objects.create(event=event, places=4, note="Opstilling af stande (demo)",
                                   starts_at=event.starts_at - timedelta(hours=2), ends_at=event.starts_at)
    Session.objects.create(event=event, places=3, note="Velkomst ved indgangen (demo)",
                           starts_at=event.starts_at, ends_at=event.ends_at)
    if citizen:
        SessionSignup.objects.create(session=setup, volunteer=citizen)


def load_demo():
    _indicators()
    citizen = User.objects.filter(email="borger@demo.frivillig.dk").first()
    _event_sessions(citizen)
    application = (TaskApplication.objects.filter(applicant=citizen, status=TaskApplication.Status.ACCEPTED)
                   .select_related("task").first() if citizen else None)
    if application is None or Agreement.objects.filter(application=application).exists():
        return
    task = application.task
    agreement = services.start_agreement(actor=task.contact, application=application, data={
        "duties": task.description, "contact": task.contact, "schedule": "Torsdage kl. 14–16 (demo)",
        "staff_duties": "Lærerne planlægger undervisningen og har ansvaret for eleverne (demo).",
        "confidentiality": True, "notification_duty": True, "insured": True,
        "child_certificate": Agreement.Certificate.CHECKED})
    services.send_agreement(actor=task.contact, agreement=agreement)
    agreement = services.accept_agreement(actor=citizen, agreement=agreement, version=agreement.version)
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    thursday = today + timedelta(days=(3 - today.weekday()) % 7 or 7)
    for week in range(-3, 5):
        day = thursday + timedelta(weeks=week)
        session = Session.objects.create(task=task, places=3, note="Demo",
                                         starts_at=timezone.make_aware(datetime.combine(day, time(14)), tz),
                                         ends_at=timezone.make_aware(datetime.combine(day, time(16)), tz))
        if week < 0 or week in (0, 1):
            SessionSignup.objects.create(session=session, volunteer=citizen, attended=True if week < 0 else None)
        if week < 0:
            HoursEntry.objects.create(agreement=agreement, session=session, date=day, hours=session.hours,
                                      status=HoursEntry.Status.APPROVED, note="Vagt")
    HoursEntry.objects.create(agreement=agreement, date=today - timedelta(days=2), hours=Decimal("1.5"),
                              note="Forberedte læsebøger (demo)")
