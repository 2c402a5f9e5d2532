"""Demo data for the task bank (clearly marked "(demo)"): tasks across all areas, towns and target
groups, so every filter shows results; an event; ideas and applications in every state."""

from datetime import timedelta

from django.utils import timezone

from frivillig.accounts.models import Organisation, Role, RoleAssignment, User
from frivillig.core import workflow as wf

from .models import Event, GatheringPlace, Idea, Task, TaskApplication, TaskStatusChange
from .services import update_search_vector

# (title, summary, institution slug, area, town, target groups, competences, kind, hours, wanted, child cert)
DEMO_TASKS = [
    ("Højtlæsning for beboere (demo)", "Læs avis og noveller højt for beboerne – læsning giver gode stunder.",
     "demo-plejecenter-holte", "elderly", "holte", ["new_pensioners", "seniors"], ["reading", "social"], "ongoing", 2, 3, False),
    ("Gåtur-ven på plejecentret (demo)", "Gå en tur med en beboer i haven eller rundt om søen.",
     "demo-plejecenter-holte", "elderly", "holte", ["new_pensioners", "everyone"], ["social"], "ongoing", 1, 4, False),
    ("Lektiecafé for 4.–6. klasse (demo)", "Hjælp elever med dansk og matematik i lektiecaféen.",
     "demo-naerum-skole", "children", "naerum", ["young", "new_pensioners"], ["language"], "ongoing", 2, 5, True),
    ("Temadag om frivillighed for skoleelever (demo)", "Fortæl elever om dit frivillige arbejde på en temadag.",
     "demo-naerum-skole", "children", "naerum", ["students", "everyone"], ["culture"], "one_off", 4, 6, True),
    ("Læseklub på biblioteket (demo)", "Vær vært for en læseklub for voksne én aften om måneden.",
     "demo-birkeroed-bibliotek", "culture", "birkeroed", ["everyone", "seniors"], ["reading", "culture"], "ongoing", 1, 2, False),
    ("Digital hjælp til ældre (demo)", "Hjælp borgere med MitID, e-Boks og videoopkald på biblioteket.",
     "demo-birkeroed-bibliotek", "culture", "birkeroed", ["new_pensioners", "young"], ["it"], "ongoing", 2, 4, False),
    ("Jobnetværk – mentor for ledige (demo)", "Vær mentor for en ledig med erfaring fra dit fag.",
     "demo-jobcenter-rudersdal", "employment", "holte", ["new_pensioners"], ["organising"], "ongoing", 1, 5, False),
    ("Fællesspisning på botilbuddet (demo)", "Lav mad og spis med beboerne en gang om ugen.",
     "demo-botilbud-vedbaek", "social", "vedbaek", ["families", "everyone"], ["practical", "social"], "ongoing", 3, 2, False),
    ("Naturpleje ved Trørød Hegn (demo)", "Hjælp med at rydde opvækst og vedligeholde stier.",
     "demo-naturcenter-trorod", "nature", "troeroed", ["families", "young", "everyone"], ["nature", "practical"], "one_off", 4, 10, False),
    ("Familiedag i naturcentret (demo)", "Hjælp til med aktiviteter for børnefamilier på familiedagen.",
     "demo-naturcenter-trorod", "nature", "skodsborg", ["families"], ["nature", "organising"], "one_off", 6, 8, True),
]


def _staff_of(slug):
    role = RoleAssignment.objects.filter(role=Role.INSTITUTION_STAFF, organisation__slug=slug).select_related("user").first()
    if role:
        return role.user
    user, _created = User.objects.get_or_create(email=f"kontakt.{slug}@demo.frivillig.dk",
                                                defaults={"full_name": f"Kontaktperson, {slug} (demo)"})
    RoleAssignment.objects.get_or_create(user=user, role=Role.INSTITUTION_STAFF,
                                         organisation=Organisation.objects.get(slug=slug))
    return user


def load_demo():
    now = timezone.now()
    today = timezone.localdate()
    tasks = []
    for i, (title, summary, slug, area, town, groups, comps, kind, hours, wanted, cert) in enumerate(DEMO_TASKS):
        institution = Organisation.objects.filter(slug=slug).first()
        if institution is None:
            continue
        task, created = Task.objects.get_or_create(title=title, defaults={
            "institution": institution, "summary": summary,
            "description": summary + "\n\nDu får en introduktion og en fast kontaktperson. Opgaven er en demo.",
            "area": area, "town": town, "address": f"{institution.address or town}",
            "target_groups": groups, "competences": comps, "kind": kind, "hours_per_week": hours,
            "volunteers_wanted": wanted, "requires_child_certificate": cert, "contact": _staff_of(slug),
            "schedule": "Efter aftale" if kind == "ongoing" else "Lørdag kl. 10–14",
            "starts_on": today + timedelta(days=7) if kind == "one_off" else None,
            "ends_on": today + timedelta(days=7) if kind == "one_off" else None,
            "expires_on": today + timedelta(days=60 + i), "status": Task.Status.PUBLISHED,
            "published_at": now - timedelta(days=i)})
        if created:
            wf.start(task, actor=task.contact, log_model=TaskStatusChange, reason="Demo")
        tasks.append(task)
    update_search_vector([t.pk for t in tasks])
    citizen = User.objects.filter(email="borger@demo.frivillig.dk").first()
    if citizen and len(tasks) >= 5:
        for task, status in zip(tasks[1:5], ["submitted", "in_dialogue", "accepted", "declined"], strict=False):
            TaskApplication.objects.get_or_create(task=task, applicant=citizen, defaults={
                "message": "Jeg vil gerne hjælpe (demo).", "availability": "Hverdage efter kl. 14", "status": status})
        for title, status, answer in [
            ("Cykling uden alder i Holte (demo)", "submitted", ""),
            ("Byttecentral for legetøj (demo)", "considering", ""),
            ("Frivillige vejvisere til Frivillig Fredag (demo)", "answered", "Tak – vi tager idéen med i planlægningen."),
            ("Strikkeklub på plejecentret (demo)", "became_task", "Idéen er blevet til en opgave."),
            ("Fyrværkeri i parken (demo)", "rejected", "Det kan vi desværre ikke give tilladelse til."),
        ]:
            Idea.objects.get_or_create(title=title, defaults={
                "proposer": citizen, "description": "En idé fra en borger (demo).", "status": status, "answer": answer})
    place, _created = GatheringPlace.objects.get_or_create(name="Kulturcenter Mariehøj (demo)", defaults={
        "address": "Mariehøjvej 1 (demo-adresse)", "town": "holte", "opening_hours": "Mandag–fredag kl. 9–22 (demo)",
        "who_meets": "Seniorklubber, sprogcaféen og lokale foreninger (demo)."})
    rep = RoleAssignment.objects.filter(role=Role.ASSOCIATION_REP, organisation__slug="demo-holte-idraetsforening").first()
    if rep is not None:
        association_task, created = Task.objects.get_or_create(title="Trænerhjælp til seniorfodbold (demo)", defaults={
            "institution": rep.organisation, "summary": "Hjælp vores træner med seniorfodbold om onsdagen (demo).",
            "description": "Vi søger en hjælpetræner til vores seniorhold. Opgaven er en demo.", "area": "culture",
            "town": "holte", "address": "Holte Stadion (demo-adresse)", "target_groups": ["new_pensioners"],
            "competences": ["sports"], "hours_per_week": 2, "volunteers_wanted": 2, "contact": rep.user,
            "expires_on": today + timedelta(days=45), "status": Task.Status.PUBLISHED, "published_at": now,
            "gathering_place": place})
        if created:
            update_search_vector([association_task.pk])
    Event.objects.get_or_create(title="Frivillig Fredag på Mariehøj (demo)", defaults={
        "description": "Mød foreninger og institutioner, der søger frivillige, til Frivillig Fredag (demo).",
        "starts_at": now + timedelta(days=14), "ends_at": now + timedelta(days=14, hours=3),
        "place": "Kulturcenter Mariehøj, Holte", "town": "holte", "capacity": 80, "gathering_place": place})
