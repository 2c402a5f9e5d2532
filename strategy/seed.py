"""Reference process templates (CFSA's steps, seed 004; Ballerup's phases, seed 003) and a demo process."""

from datetime import timedelta

from django.utils import timezone

from frivillig.accounts.models import User

from .models import (
    Draft,
    Hearing,
    HearingResponse,
    Indicator,
    Input,
    Meeting,
    PhaseTemplate,
    Process,
    ProcessTemplate,
    Theme,
)

CFSA = [
    ("Læg en plan for processen", "Afklar, hvordan politikken udarbejdes og vedtages, hvem der inddrages og hvordan.", 4),
    ("Input til de overordnede linjer", "Nøglepersoner fra kommunen, frivilligråd, frivilligcenter og organisationer giver input.", 4),
    ("Afhold indledende fællesmøder", "Dialogmøde med alle foreninger og repræsentanter for kommunens fagområder.", 3),
    ("Lokale dialogmøder med frivillige og foreninger", "Mindre møder, hvor civilsamfundet kommer med ønsker, ideer og forslag.", 6),
    ("Lokale dialogmøder for faggrupperne", "Kommunens ansatte kommer med ønsker, ideer og input.", 4),
    ("Skriv alle forslag sammen", "Et samlet forslag på baggrund af input fra dialogmøderne.", 4),
    ("Send forslaget i høring", "Forslaget i høring hos alle relevante parter.", 6),
    ("Justér på baggrund af høringssvar", "Drøft og justér forslaget efter høringsrunden.", 3),
    ("Send forslaget til vedtagelse", "Vedtagelse i Kultur- og Fritidsudvalget og derefter i kommunalbestyrelsen.", 6),
]
BALLERUP = [
    ("Den undersøgende fase", "Fokusgruppeinterviews med forskellige typer frivillige: ideer, barrierer og forbedringer.", 12),
    ("Input fra politikere og frivillige", "Politiske drøftelser i fagudvalgene og et større borgermøde.", 10),
    ("Strategiudkast", "Arbejdsgruppen udarbejder et udkast til strategi.", 8),
    ("Høring", "Udkastet sendes i høring i de relevante fagudvalg og hos civilsamfundet.", 6),
    ("Justering efter høring", "Høringssvarene behandles, og udkastet justeres.", 4),
    ("Vedtagelse", "Vedtagelse i Kultur- og Fritidsudvalget og i kommunalbestyrelsen.", 6),
]
THEMES = [
    ("Klæde medarbejdere, ledere og frivillige på", "Kompetencer og viden til samarbejdet mellem frivillige og medarbejdere."),
    ("Roller og arbejdsdeling", "Hvem gør hvad, når frivillige og kommunen samarbejder."),
    ("Praktisk vejledning", "Forsikring, aftaler, lokaler og andre praktiske forhold."),
]


def load_reference():
    for slug, name, steps in [("cfsa", "CFSA: Udvikling af en kommunal frivilligpolitik", CFSA),
                              ("ballerup", "Ballerups proces for en frivillighedsstrategi", BALLERUP)]:
        template, created = ProcessTemplate.objects.get_or_create(slug=slug, defaults={"name": name})
        if created:
            for order, (phase, description, weeks) in enumerate(steps, start=1):
                PhaseTemplate.objects.create(template=template, order=order, name=phase, description=description,
                                             weeks=weeks)


def load_demo():
    from . import services

    admin = User.objects.filter(email="kultur@demo.frivillig.dk").first()
    citizen = User.objects.filter(email="borger@demo.frivillig.dk").first()
    if admin is None or Process.objects.filter(slug="civilsamfundsstrategi-demo").exists():
        return
    today = timezone.localdate()
    process = services.create_process(actor=admin, template=ProcessTemplate.objects.get(slug="ballerup"),
                                      title="Civilsamfundsstrategi for Rudersdal (demo)",
                                      description="Rudersdal Kommunes civilsamfundsstrategi udarbejdes sammen med "
                                                  "civilsamfundet og på tværs af forvaltningerne (demo).",
                                      starts_on=today - timedelta(weeks=14))
    Process.objects.filter(pk=process.pk).update(slug="civilsamfundsstrategi-demo")
    process.refresh_from_db()
    phases = list(process.phases.all())
    phases[0].status = "done"
    phases[0].save()
    phases[1].status = "ongoing"
    phases[1].save()
    themes = [Theme.objects.create(process=process, name=n, description=d) for n, d in THEMES]
    now = timezone.now()
    Meeting.objects.create(process=process, kind="dialogue", title="Dialogmøde med foreningerne (demo)",
                           audience="Foreninger og frivillige", starts_at=now + timedelta(days=10),
                           ends_at=now + timedelta(days=10, hours=2), place="Kulturcenter Mariehøj", capacity=40)
    if citizen:
        Input.objects.create(process=process, theme=themes[0], kind="proposal", author=citizen, status="published",
                             text="Tilbyd et kort kursus for nye frivillige om at arbejde på et plejecenter (demo).")
    draft = Draft.objects.create(process=process, title="Udkast til civilsamfundsstrategi (demo)")
    services.add_draft_version(actor=admin, draft=draft, note="Første udkast", sections=[
        {"heading": "Vision", "body": "Rudersdal er en kommune, hvor civilsamfundet og kommunen skaber løsninger sammen."},
        {"heading": "Indsatser", "body": "Vi klæder medarbejdere og frivillige på til samarbejdet."}])
    version = services.add_draft_version(actor=admin, draft=draft, note="Efter dialogmøderne", sections=[
        {"heading": "Vision", "body": "Rudersdal er en kommune, hvor civilsamfundet og kommunen skaber gode løsninger sammen."},
        {"heading": "Indsatser", "body": "Vi klæder medarbejdere, ledere og frivillige på til samarbejdet og tydeliggør roller."}])
    hearing = Hearing.objects.create(slug="hoering-civilsamfundsstrategi-demo", process=process, draft_version=version,
                                     title="Høring over udkast til civilsamfundsstrategi (demo)",
                                     description="Giv din mening til kende om udkastet (demo).",
                                     opens_at=now - timedelta(days=2), closes_at=now + timedelta(days=20))
    if citizen:
        HearingResponse.objects.create(hearing=hearing, author=citizen, text="Godt udkast – husk de små foreninger (demo).",
                                       publish_with_name=False)
    for name, key, unit in [("Ansøgninger om frivillige opgaver", "taskbank.applications", ""),
                            ("Frivillige optaget på opgaver", "taskbank.accepted_volunteers", ""),
                            ("Bevilget fra puljen", "grants.granted_amount", "kr."),
                            ("Høringssvar", "strategy.hearing_responses", "")]:
        Indicator.objects.get_or_create(name=name, defaults={"source_key": key, "unit": unit, "process": process})
    from .indicators import recompute

    recompute(months=6)
