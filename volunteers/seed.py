"""Demo data (clearly marked "(demo)"): volunteers' profiles, one who may be found and one who may not, an
invitation, and two running campaigns (example text, marked as such)."""

from datetime import timedelta

from django.utils import timezone

from frivillig.accounts.models import User
from frivillig.core import workflow as wf
from taskbank.models import Task

from .models import CONSENT_DAYS, Campaign, Invitation, InvitationStatusChange, Profile

DEMO_PROFILES = [
    # (email, name, findable, profile)
    ("borger@demo.frivillig.dk", None, True, {
        "competences": ["it", "reading"], "interests": ["elderly", "culture"], "towns": ["holte", "birkeroed"],
        "availability": ["weekdays", "weekends"], "hours_per_week": 3, "target_groups": ["seniors"],
        "can_do": "Tidligere bibliotekar. Jeg hjælper gerne ældre med tablets og læser gerne højt (demo)."}),
    ("villy.frivillig@demo.frivillig.dk", "Villy Frivillig (demo)", True, {
        "competences": ["practical", "nature"], "interests": ["nature"], "towns": ["troeroed", "vedbaek"],
        "availability": ["weekends"], "hours_per_week": 4, "target_groups": ["families"],
        "can_do": "Pensioneret tømrer; jeg kan bygge og reparere, og jeg holder af naturpleje (demo)."}),
    ("lise.laesehest@demo.frivillig.dk", "Lise Læsehest (demo)", False, {
        "competences": ["reading", "language"], "interests": ["children"], "towns": ["naerum"],
        "availability": ["weekdays"], "hours_per_week": 2, "target_groups": ["young"],
        "can_do": "Jeg vil gerne hjælpe børn med lektier (demo)."}),
]

DEMO_CAMPAIGNS = [
    ("ny-pensionist", "Ny pensionist? (demo)",
     "Har du fået tid, som du gerne vil bruge sammen med andre? Her er opgaver, der passer godt til nye "
     "pensionister – fra højtlæsning til mentor for ledige (demo).", ["new_pensioners"]),
    ("temadag-paa-skolen", "Temadag på skolen (demo)",
     "Skolerne i Rudersdal holder temadage om frivillighed. Fortæl eleverne om det, du laver (demo).", ["students"]),
]


def load_demo():
    now = timezone.now()
    for email, name, findable, data in DEMO_PROFILES:
        user = User.objects.filter(email=email).first()
        if user is None:
            if name is None:
                continue
            user = User.objects.create(email=email, full_name=name)
        profile, _created = Profile.objects.get_or_create(user=user, defaults=data)
        if findable and not profile.is_findable():
            profile.consented_at, profile.findable_until = now, now + timedelta(days=CONSENT_DAYS)
            profile.save(update_fields=["consented_at", "findable_until"])
    villy = User.objects.filter(email="villy.frivillig@demo.frivillig.dk").first()
    task = Task.objects.filter(title="Naturpleje ved Trørød Hegn (demo)").select_related("contact").first()
    if villy and task:
        invitation, created = Invitation.objects.get_or_create(task=task, volunteer=villy, defaults={
            "inviter": task.contact, "message": "Vi mangler en med hænderne skruet rigtigt på (demo)."})
        if created:
            wf.start(invitation, actor=task.contact, log_model=InvitationStatusChange, reason="Demo")
    today = timezone.localdate()
    for slug, title, intro, groups in DEMO_CAMPAIGNS:
        Campaign.objects.get_or_create(slug=slug, defaults={
            "title": title, "intro": intro, "target_groups": groups, "starts_on": today - timedelta(days=7),
            "ends_on": today + timedelta(days=90), "is_published": True, "is_example": True})
