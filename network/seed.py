"""The organisation described in the seeds (000/002) as reference data, and clearly marked demo members,
meetings, a proposal, this year's priorities and the Volunteer Centre agreement."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation

from frivillig.accounts.models import Organisation, User
from frivillig.core.choices import Area

from .models import AgendaItem, Agreement, Body, Meeting, Obligation, Priority

BODIES = [
    (Body.Kind.STEERING, "Styregruppen for frivillighed",
     "Styregruppen refererer til direktionen og er repræsentant for chefgruppen. Den består af områdecheferne for "
     "Beskæftigelse, Socialområdet, Ældreområdet og Kulturområdet (formand og koordinatoransvarlig).",
     "Sikre implementering af den nye tværgående struktur i arbejdet med frivillighed i Rudersdal. Sikre videndeling "
     "og forankring på tværs i organisationen og på ledelsesniveau. Opsamle og udvikle fra Frivillighedsnetværket. "
     "Afklare og anbefale årlige indsatsområder."),
    (Body.Kind.NETWORK, "Frivillighedsnetværket i Rudersdal",
     "Netværket er etableret på tværs af kommunale fagområder, foreninger og organisationer. Det sætter fokus på og "
     "styrker frivillighed på tværs af kommunen, samler og spreder viden og fungerer som tænketank og idégenerator.",
     "Kvalificere og komme med oplæg til tværgående indsatser på frivillighedsområdet til styregruppen."),
]



def _danish(label) -> str:
    with translation.override("da"):
        return str(label)

def load_reference():
    for kind, name, purpose, tasks in BODIES:
        Body.objects.get_or_create(kind=kind, defaults={"name": name, "purpose": purpose, "tasks": tasks,
                                                        "contact_email": settings.PORTAL_CONTACT_EMAIL})


def load_demo():
    from . import services

    admin = User.objects.filter(email="kultur@demo.frivillig.dk").first()
    if admin is None or Meeting.objects.exists():
        return
    steering = Body.objects.get(kind=Body.Kind.STEERING)
    network = Body.objects.get(kind=Body.Kind.NETWORK)
    orgs = {o.slug: o for o in Organisation.objects.all()}
    services.add_member(actor=admin, body=steering, user=admin, organisation=orgs.get("kulturomraadet"),
                        area="culture", title="Områdechef for Kultur (demo)", is_chair=True)
    member = User.objects.filter(email="styregruppe@demo.frivillig.dk").first()
    if member:
        services.add_member(actor=admin, body=steering, user=member, organisation=orgs.get("social"), area="social",
                            title="Områdechef for Socialområdet (demo)")
    for email, name, slug, area in [("beskaeftigelse@demo.frivillig.dk", "Bo Beskæftigelse (demo)", "beskaeftigelse", "employment"),
                                    ("aeldre@demo.frivillig.dk", "Æse Ældre (demo)", "aeldre", "elderly")]:
        user, _c = User.objects.get_or_create(email=email, defaults={"full_name": name})
        services.add_member(actor=admin, body=steering, user=user, organisation=orgs.get(slug), area=area,
                            title=f"Områdechef for {_danish(Area(area).label)} (demo)")
    net_member = User.objects.filter(email="netvaerk@demo.frivillig.dk").first()
    if net_member:
        services.add_member(actor=admin, body=network, user=net_member, organisation=orgs.get("demo-besoegsvennerne"))
    services.add_member(actor=admin, body=network, user=admin, organisation=orgs.get("kulturomraadet"))
    now = timezone.now()
    sm = Meeting.objects.create(body=steering, title="Styregruppemøde (demo)", place="Rådhuset, Holte",
                                starts_at=now + timedelta(days=21), ends_at=now + timedelta(days=21, hours=2))
    AgendaItem.objects.create(meeting=sm, order=1, title="Årlige indsatsområder", description="Drøftelse af kandidater.")
    nm = Meeting.objects.create(body=network, title="Netværksmøde (demo)", place="Kulturcenter Mariehøj",
                                starts_at=now + timedelta(days=10), ends_at=now + timedelta(days=10, hours=2))
    AgendaItem.objects.create(meeting=nm, order=1, title="Videndeling: frivillige på plejecentre")
    if net_member:
        services.create_proposal(actor=net_member, title="Fælles introduktion for nye frivillige (demo)",
                                 summary="Et fælles introduktionsforløb for frivillige på tværs af fagområderne.")
    year = now.year
    Priority.objects.create(year=year, title="Flere unge frivillige (demo)", status=Priority.Status.ADOPTED,
                            description="Styrke rekrutteringen af unge frivillige.", decision_reason="Anbefalet af styregruppen (demo).")
    Priority.objects.create(year=year, title="Synlighed om frivillighed (demo)", status=Priority.Status.PROPOSED,
                            description="Bedre kommunikation om, hvor man kan hente hjælp.")
    # Example text: the seeds say only that a cooperation agreement is to be drawn up; its period, grant and
    # obligations here are examples, shown with the example marker until the Culture department saves a version.
    agreement = Agreement.objects.create(version=1, period_start=date(year, 1, 1), period_end=date(year + 1, 12, 31),
                                         annual_grant=Decimal("850000"), is_example=True,
                                         contacts=f"Kulturområdet: {settings.PORTAL_CONTACT_EMAIL} · "
                                                  "Frivilligcenter Rudersdal (demo)")
    for party, text in [("municipality", "Yder et årligt tilskud og stiller lokaler til rådighed i Kulturcenter Mariehøj."),
                        ("centre", "Formidler frivilligt arbejde og rådgiver foreninger og frivillige."),
                        ("centre", "Deltager i frivillighedsnetværket og afrapporterer årligt til Kultur- og Fritidsudvalget.")]:
        Obligation.objects.create(agreement=agreement, party=party, text=text)
