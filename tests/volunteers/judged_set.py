"""A small judged set for "Opgaver til dig" (issue 25): tasks × volunteer profiles, and for each profile the tasks
a coordinator would suggest to her. The fits were judged from the descriptions before the ranking was run on them;
do not edit them to make the figure look better.

Measure: a profile is served when at least two of its top three suggestions are judged fits (or, when fewer than
two fits exist, when all of them are in the top three). `make bench` prints the share of profiles served and the
mean precision of the top three; tests/volunteers/test_judged_set.py keeps the share at "most" (≥ 0.7).
"""

# key: (title, area, town, competences, target groups, schedule, hours a week, description)
TASKS = {
    "T1": ("Tablet-hjælp for beboere", "elderly", "holte", ["it"], ["seniors"], "lørdage kl. 10-12", 2,
           "Hjælp beboerne med at ringe op til familien på tablet."),
    "T2": ("Digital hjælp på biblioteket", "culture", "birkeroed", ["it"], ["seniors", "new_pensioners"],
           "tirsdage kl. 14-16", 2, "Hjælp borgere med MitID og e-Boks."),
    "T3": ("Højtlæsning på plejecentret", "elderly", "holte", ["reading", "social"], ["seniors"],
           "onsdage kl. 10-11", 1, "Læs avis og noveller højt."),
    "T4": ("Læsevenner i indskolingen", "children", "naerum", ["reading", "language"], ["young"],
           "torsdage kl. 13-14", 1, "Læs med de yngste elever."),
    "T5": ("Lektiecafé", "children", "naerum", ["language"], ["young"], "mandage kl. 17-19", 2,
           "Hjælp elever med dansk og matematik."),
    "T6": ("Naturpleje i Trørød Hegn", "nature", "troeroed", ["nature", "practical"], ["everyone"],
           "lørdag kl. 9-13", 4, "Ryd opvækst og vedligehold stier."),
    "T7": ("Strandrensning i Vedbæk", "nature", "vedbaek", ["nature"], ["families"],
           "første søndag i måneden", 3, "Saml affald på stranden."),
    "T8": ("Hjælpetræner til seniorfodbold", "culture", "holte", ["sports"], ["new_pensioners"],
           "onsdage kl. 18-20", 2, "Hjælp træneren med opvarmning og øvelser."),
    "T9": ("Løbemakker for unge", "culture", "birkeroed", ["sports", "social"], ["young"], "søndage kl. 10", 2,
           "Løb en tur med en ung, der vil i gang."),
    "T10": ("Fællesspisning på botilbuddet", "social", "vedbaek", ["practical", "social"], ["everyone"],
            "torsdage kl. 17-20", 3, "Lav mad og spis med beboerne."),
    "T11": ("Mentor for ledige", "employment", "holte", ["organising"], ["new_pensioners"],
            "hverdage efter aftale", 1, "Del din erfaring med en ledig."),
    "T12": ("Afvikling af Frivillig Fredag", "culture", "whole", ["organising"], ["everyone"],
            "lørdag 6. juni kl. 9-15", 6, "Stå for boder, skilte og program."),
    "T13": ("Kreativt værksted for ældre", "elderly", "naerum", ["culture", "social"], ["seniors"],
            "fredage kl. 10-12", 2, "Mal, strik og lav collager med beboerne."),
    "T14": ("Besøgsven", "social", "birkeroed", ["social"], ["seniors"], "en formiddag om ugen", 1,
            "Besøg en ældre, der sidder alene."),
    "T15": ("IT-café for familier", "children", "naerum", ["it"], ["families"], "tirsdage kl. 19-21", 2,
            "Hjælp forældre med skolens apps."),
    "T16": ("Havehjælp på plejecentret", "elderly", "holte", ["nature", "practical"], ["seniors"],
            "onsdage kl. 13-15", 2, "Luk bede og ordn haven med beboerne."),
    "T17": ("Sangstund med beboerne", "elderly", "holte", ["culture", "social"], ["seniors"], "søndage kl. 14", 1,
            "Spil guitar eller klaver til fællessang."),
    "T18": ("Temadag om frivillighed på skolen", "children", "naerum", ["culture", "organising"], ["students"],
            "torsdag 12. marts kl. 8-14", 6, "Fortæl elever om dit frivillige arbejde."),
    "T19": ("Skakklub", "culture", "birkeroed", ["culture"], ["seniors", "everyone"], "onsdage kl. 19-21", 2,
            "Lær ældre og unge at spille skak."),
    "T20": ("Cykelpilot – cykling uden alder", "elderly", "holte", ["sports", "social"], ["seniors"],
            "hverdage efter aftale", 2, "Tag en beboer med på tur i rickshaw."),
    "T21": ("Reparationscafé", "nature", "vedbaek", ["practical"], ["everyone"], "lørdage kl. 10-13", 3,
            "Reparér cykler, tøj og elektronik sammen med naboerne."),
    "T22": ("Sprogven for nye danskere", "social", "birkeroed", ["language", "social"], ["families"],
            "hverdage efter aftale", 2, "Tal dansk med en familie, der er ny i landet."),
}

# key: (profile data, the tasks judged to fit)
PROFILES = {
    "IT og samvær, Holte/Birkerød": ({
        "competences": ["it", "social"], "towns": ["holte", "birkeroed"], "availability": ["weekdays", "weekends"],
        "target_groups": ["seniors"], "can_do": "Jeg kan hjælpe med tablets og computere."},
        {"T1", "T2", "T3", "T14", "T20"}),
    "Natur, Trørød/Vedbæk, weekender": ({
        "competences": ["nature", "practical"], "interests": ["nature"], "towns": ["troeroed", "vedbaek"],
        "availability": ["weekends"]}, {"T6", "T7", "T21"}),
    "Læsning for børn, Nærum/Holte": ({
        "competences": ["reading", "language"], "towns": ["naerum", "holte"], "availability": ["weekdays"],
        "target_groups": ["young"]}, {"T3", "T4", "T5"}),
    "Idræt, ny pensionist": ({
        "competences": ["sports", "social"], "towns": ["holte", "birkeroed"], "availability": ["evenings", "weekends"],
        "target_groups": ["new_pensioners"]}, {"T8", "T9", "T17"}),
    "Arrangør, hele kommunen": ({
        "competences": ["organising", "culture"], "availability": ["weekdays", "weekends"],
        "target_groups": ["students"]}, {"T11", "T12", "T13", "T17", "T18"}),
    "Mad og fællesskab, aftener": ({
        "competences": ["practical", "social"], "towns": ["vedbaek", "naerum", "holte"],
        "availability": ["evenings", "weekends"]}, {"T10", "T21"}),
    "Sprog for nye danskere": ({
        "competences": ["language", "social"], "interests": ["social"], "towns": ["birkeroed"],
        "availability": ["weekdays"], "target_groups": ["families"]}, {"T14", "T22"}),
    "Kreativ, ældre, hverdage": ({
        "competences": ["culture", "social"], "interests": ["elderly"], "towns": ["naerum", "holte"],
        "availability": ["weekdays"], "target_groups": ["seniors"]}, {"T3", "T13", "T20"}),
    "Skakspiller (kun fritekst)": ({"can_do": "Jeg spiller skak og kan lære fra mig."}, {"T19"}),
    "Handy, Holte/Vedbæk": ({
        "competences": ["practical"], "towns": ["holte", "vedbaek"], "availability": ["weekdays", "weekends"],
        "can_do": "Jeg kan reparere og bygge."}, {"T16", "T21"}),
}


def evaluate() -> dict:
    """Create the judged tasks and profiles (in the current test database) and rank. Returns the figures and the
    top three of each profile."""
    from datetime import timedelta

    from django.utils import timezone

    from frivillig.accounts.models import User
    from taskbank.models import Task
    from taskbank.queries import published_tasks
    from tests.factories import OrganisationFactory, UserFactory
    from tests.taskbank.factories import TaskFactory
    from volunteers import matching
    from volunteers.models import Profile

    institution = OrganisationFactory(name="Bedømt institution")
    contact = UserFactory()
    ids = {}
    now = timezone.now()
    for i, (key, (title, area, town, comps, groups, schedule, hours, description)) in enumerate(TASKS.items()):
        ids[TaskFactory(institution=institution, contact=contact, title=title, area=area, town=town,
                        competences=comps, target_groups=groups, schedule=schedule, hours_per_week=hours,
                        description=description, summary=description,
                        published_at=now - timedelta(minutes=i)).pk] = key
    base = published_tasks().filter(institution=institution)
    served, precision, tops = 0, 0.0, {}
    for name, (data, fits) in PROFILES.items():
        user = User.objects.create(email=f"judged-{len(tops)}@example.dk", full_name=name)
        profile = Profile.objects.create(user=user, **data)
        top = [ids[s.task.pk] for s in matching.suggestions(profile, limit=3, base=base)]
        hits = len([k for k in top if k in fits])
        precision += hits / 3
        served += hits >= min(2, len(fits))
        tops[name] = top
    Task.objects.filter(institution=institution).delete()
    return {"profiles": len(PROFILES), "served": served, "share_served": round(served / len(PROFILES), 2),
            "precision_at_3": round(precision / len(PROFILES), 2), "tops": tops}
