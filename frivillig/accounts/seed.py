"""Reference organisations from the seeds, and the demo users listed in the README."""

from allauth.account.models import EmailAddress
from django.contrib.sites.models import Site

from frivillig.core.choices import Area

from .models import Organisation, Role, RoleAssignment, User

DEMO_PASSWORD = "demo-frivillig-2026"  # noqa: S105 - demo data only, never loaded in production

# The organisation described in the seeds (000/002): the Culture department as the one main entrance,
# the four areas of the steering group, and the Volunteer Centre.
REFERENCE_ORGANISATIONS = [
    ("kulturomraadet", "Kulturområdet, Rudersdal Kommune", Organisation.Kind.DEPARTMENT, Area.CULTURE),
    ("beskaeftigelse", "Beskæftigelse, Rudersdal Kommune", Organisation.Kind.DEPARTMENT, Area.EMPLOYMENT),
    ("social", "Social, Rudersdal Kommune", Organisation.Kind.DEPARTMENT, Area.SOCIAL),
    ("aeldre", "Ældre, Rudersdal Kommune", Organisation.Kind.DEPARTMENT, Area.ELDERLY),
    ("frivilligcenter-rudersdal", "Frivilligcenter Rudersdal", Organisation.Kind.VOLUNTEER_CENTRE, ""),
]

# Demo institutions and associations (clearly demo).
DEMO_ORGANISATIONS = [
    ("demo-plejecenter-holte", "Plejecenter Holte (demo)", Organisation.Kind.INSTITUTION, Area.ELDERLY, "Holte"),
    ("demo-birkeroed-bibliotek", "Birkerød Bibliotek (demo)", Organisation.Kind.INSTITUTION, Area.CULTURE, "Birkerød"),
    ("demo-naerum-skole", "Nærum Skole (demo)", Organisation.Kind.INSTITUTION, Area.CHILDREN, "Nærum"),
    ("demo-jobcenter-rudersdal", "Jobcenter Rudersdal (demo)", Organisation.Kind.INSTITUTION, Area.EMPLOYMENT, "Holte"),
    ("demo-botilbud-vedbaek", "Botilbud Vedbæk (demo)", Organisation.Kind.INSTITUTION, Area.SOCIAL, "Vedbæk"),
    ("demo-naturcenter-trorod", "Naturcenter Trørød (demo)", Organisation.Kind.INSTITUTION, Area.NATURE, "Trørød"),
    ("demo-holte-idraetsforening", "Holte Idrætsforening (demo)", Organisation.Kind.ASSOCIATION, Area.CULTURE, "Holte"),
    ("demo-besoegsvennerne", "Besøgsvennerne i Rudersdal (demo)", Organisation.Kind.ASSOCIATION, Area.SOCIAL, "Birkerød"),
]

# (email, name, [(role, organisation slug or None, area)])
DEMO_USERS = [
    ("borger@demo.frivillig.dk", "Bente Borger (demo)", []),
    ("forening@demo.frivillig.dk", "Frede Forening (demo)", [(Role.ASSOCIATION_REP, "demo-holte-idraetsforening", "")]),
    ("institution@demo.frivillig.dk", "Inge Institution (demo)", [(Role.INSTITUTION_STAFF, "demo-plejecenter-holte", "")]),
    ("institution2@demo.frivillig.dk", "Ib Institution (demo)", [(Role.INSTITUTION_STAFF, "demo-birkeroed-bibliotek", "")]),
    ("kultur@demo.frivillig.dk", "Karen Kultur (demo)", [(Role.CULTURE_ADMIN, None, ""),
                                                         (Role.STEERING_MEMBER, "kulturomraadet", Area.CULTURE),
                                                         (Role.NETWORK_MEMBER, "kulturomraadet", "")]),
    ("styregruppe@demo.frivillig.dk", "Steen Styregruppe (demo)", [(Role.STEERING_MEMBER, "social", Area.SOCIAL)]),
    ("netvaerk@demo.frivillig.dk", "Nina Netværk (demo)", [(Role.NETWORK_MEMBER, "demo-besoegsvennerne", "")]),
    ("frivilligcenter@demo.frivillig.dk", "Frida Frivilligcenter (demo)",
     [(Role.VOLUNTEER_CENTRE, "frivilligcenter-rudersdal", "")]),
]


def load_reference():
    Site.objects.update_or_create(pk=1, defaults={"domain": "frivillig.rudersdal.dk", "name": "Frivillig Rudersdal"})
    for slug, name, kind, area in REFERENCE_ORGANISATIONS:
        Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "area": area})


def load_demo():
    for slug, name, kind, area, town in DEMO_ORGANISATIONS:
        Organisation.objects.get_or_create(slug=slug, defaults={
            "name": name, "kind": kind, "area": area, "address": f"{town} (demo-adresse)",
            "email": f"{slug}@demo.frivillig.dk"})
    admin = None
    for email, name, role_specs in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        for role, org_slug, area in role_specs:
            org = Organisation.objects.get(slug=org_slug) if org_slug else None
            RoleAssignment.objects.get_or_create(user=user, role=role, organisation=org,
                                                 defaults={"area": area, "granted_by": admin})
        if email.startswith("kultur@"):
            admin = user
    # An association that registered itself and waits for the Culture department or the Volunteer Centre.
    Organisation.objects.get_or_create(slug="demo-vedbaek-strandrensere", defaults={
        "name": "Vedbæk Strandrensere (demo)", "kind": Organisation.Kind.ASSOCIATION,
        "status": Organisation.Status.PENDING, "purpose": "Vi samler affald på stranden hver måned (demo).",
        "contact_name": "Bente Borger (demo)", "email": "strand@demo.frivillig.dk",
        "registered_by": User.objects.filter(email="borger@demo.frivillig.dk").first()})
