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

# CFSA's "Forslag til proces, når I udvikler en frivilligpolitik" (seed 004), step by step as the guide numbers and
# orders them: the guide has no step 7, and its step 8 (adjust after the hearing) comes before step 9 (send the
# proposal for hearing). The numbers are the guide's own and are kept as the phases' order; the names are the guide's
# headings verbatim, the descriptions its own sentences. (weeks: the portal's planning default, not the guide's.)
CFSA = [
    (1, "Læg en plan for processen",
     "Begynd med at afklare, hvordan I vil udarbejde og vedtage frivilligpolitikken. Planen bør afdække, hvem der "
     "skal være involveret og hvordan.", 4),
    (2, "Input til de overordnede linjer",
     "Invitér nøglepersoner til at drøfte og give input til overordnede linjer i en ny frivilligpolitik.", 4),
    (3, "Afhold indledende fællesmøder",
     "Et vigtigt skridt i processen er at afdække de eksisterende behov hos både faggrupper i kommunen og aktører i "
     "civilsamfundet.", 3),
    (4, "Invitér til lokale dialogmøder med frivillige og foreninger",
     "For at sikre frivilligpolitikkens relevans kan det være en fordel at invitere aktører i civilsamfundet til "
     "mindre lokale dialogmøder, hvor de får mulighed for at komme med deres ønsker, ideer og forslag til politikken.", 6),
    (5, "Invitér til lokale dialogmøder for de forskellige faggrupper",
     "Det kan være en fordel, at kommunens ansatte også får mulighed for at komme med ønsker, ideer og input i "
     "processen.", 4),
    (6, "Skriv alle forslag til frivilligpolitikken sammen",
     "Skriv et samlet forslag til frivilligpolitikken på baggrund af input fra dialogmøderne med de forskellige "
     "aktører.", 4),
    (8, "Justér frivilligpolitikken på baggrund af høringssvar",
     "Efter høringsrunden er det vigtigt, at I drøfter og justerer frivilligpolitikken. Brug evt. den nedsatte styre- "
     "eller skrivegruppe.", 3),
    (9, "Send forslaget i høring",
     "Send forslaget til frivilligpolitikken i høring hos alle relevante parter.", 6),
    (10, "Send forslaget til vedtagelse",
     "Efter høringsrunde kan I sende politikken til vedtagelse i det relevante udvalg og derefter i byrådet.", 6),
]
# Ballerup Kommune's "Forslag til proces og organisation" (seed 003): the three phases the plan names, in its order
# and with its headings; the seed does not number them.
BALLERUP = [
    (1, "Den undersøgende fase",
     "Der afholdes en række fokusgruppeinterviews med forskellige typer frivillige, hvor målet er at sikre taletid for "
     "så forskelligartede frivillige som muligt, og hvor de får mulighed for at komme med ideer, beskrive barrierer og "
     "foreslå forbedringer.", 12),
    (2, "Input fra politikere og frivillige",
     "Den undersøgende fase skal danne grundlag for politiske drøftelser i alle relevante fagudvalg. Der foreslås "
     "desuden afholdt et større borgermøde med deltagelse af en bred vifte af frivillige.", 10),
    (3, "Strategiudkast",
     "Arbejdsgruppen udarbejder et udkast til strategi, der af KFU sendes i høring i de relevante fagudvalg på "
     "baggrund af det hidtidige arbejde.", 14),
]
TEMPLATES = [
    ("cfsa", "CFSA: Forslag til proces, når I udvikler en frivilligpolitik", CFSA),
    ("ballerup", "Ballerup Kommune: Forslag til proces og organisation for en frivillighedsstrategi", BALLERUP),
]
THEMES = [
    ("Klæde medarbejdere, ledere og frivillige på", "Kompetencer og viden til samarbejdet mellem frivillige og medarbejdere."),
    ("Roller og arbejdsdeling", "Hvem gør hvad, når frivillige og kommunen samarbejder."),
    ("Praktisk vejledning", "Forsikring, aftaler, lokaler og andre praktiske forhold."),
]


def load_reference():
    """The process templates exactly as the seeds give them. Templates are reference data that no one edits in the
    portal, so a template that exists is brought back to the seeds' steps (processes made from it keep their copy)."""
    for slug, name, steps in TEMPLATES:
        template, _created = ProcessTemplate.objects.update_or_create(slug=slug, defaults={"name": name})
        template.phases.exclude(order__in=[number for number, *_rest in steps]).delete()
        for number, phase, description, weeks in steps:
            PhaseTemplate.objects.update_or_create(template=template, order=number,
                                                   defaults={"name": phase, "description": description, "weeks": weeks})


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
