"""Every URL that takes an object id, requested as each persona: no unexpected 2xx. The network's members see the
network, the steering group's members the steering group (pen-test row 3)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from frivillig.core import pdf
from tests.conftest import run_on_commit
from tests.factories import UserFactory

PERSONAS = ["anonymous", "citizen", "other_citizen", "institution_staff", "other_institution_staff", "culture_admin",
            "steering_member", "network_member", "volunteer_centre"]


@pytest.fixture(scope="module")
def world(module_personas, django_db_blocker):
    """{url: personas that may see it}, over one object of every kind, built once for the module (module_db): the
    personas, the objects and their rendered documents are there for each test, whose own writes roll back."""
    with django_db_blocker.unblock():
        return _world(django_capture_on_commit_callbacks=run_on_commit,
                      **{name: module_personas[name] for name in WORLD_PERSONAS})


WORLD_PERSONAS = ("citizen", "other_citizen", "institution", "institution_staff", "other_institution_staff",
                  "culture_admin", "steering_member", "network_member", "association_rep", "volunteer_centre")


def _world(citizen, other_citizen, institution, institution_staff, other_institution_staff, culture_admin,
           steering_member, network_member, association_rep, volunteer_centre, django_capture_on_commit_callbacks):
    from frivillig.search.models import VocabularyEntry
    from grants.models import Pool, Round
    from network.models import Body, Priority, Proposal
    from network.models import Meeting as NetMeeting
    from network.seed import load_reference as network_reference
    from strategy.models import Hearing, HearingResponse
    from taskbank.models import Idea
    from tests.grants.conftest import make_application
    from tests.taskbank.factories import ApplicationFactory, TaskFactory

    vocabulary_entry = VocabularyEntry.objects.create(term="matrixord", words="opgave")
    now = timezone.now()
    task = TaskFactory(institution=institution, contact=institution_staff)
    task_application = ApplicationFactory(task=task, applicant=citizen)
    idea = Idea.objects.create(proposer=citizen, title="Idé", description="d")
    pool = Pool.objects.create(name="P", slug="p", purpose="x", who_may_apply="x", max_amount=100, yearly_budget=1000)
    Round.objects.create(pool=pool, name="R", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1))
    grant = make_application(pool, citizen, amount="100")
    with django_capture_on_commit_callbacks(execute=True):
        letter = pdf.request("grants.application", obj=grant, version="x")
        my_data = pdf.request("accounts.my_data", obj=citizen, version="x")
    hearing = Hearing.objects.create(slug="h", title="H", description="d", opens_at=now - timedelta(days=1),
                                     closes_at=now + timedelta(days=1))
    HearingResponse.objects.create(hearing=hearing, author=citizen, text="Svar")
    network_reference()
    proposal = Proposal.objects.create(title="Forslag", summary="s", author=UserFactory())
    meeting = NetMeeting.objects.create(body=Body.objects.get(kind="steering"), title="M", place="x",
                                        starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=1, hours=1))
    priority = Priority.objects.create(year=now.year, title="Pri", description="d")
    adopted = Priority.objects.create(year=now.year, title="Vedtaget", description="d", status=Priority.Status.ADOPTED)
    network_meeting = NetMeeting.objects.create(body=Body.objects.get(kind="network"), title="Netværksmøde", place="x",
                                                starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=1, hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        steering_agenda = pdf.request("network.agenda", obj=meeting, version="x")
        network_agenda = pdf.request("network.agenda", obj=network_meeting, version="x")
        from network.models import AnnualReport

        annual_report = pdf.request("network.annual_report", obj=AnnualReport.objects.create(year=now.year), version="x")
    from django.core.files.uploadedfile import SimpleUploadedFile
    from weasyprint import HTML

    from grants.models import Attachment
    from network.models import Agreement, MeetingDocument
    from strategy.models import HearingDocument, Process
    from strategy.models import Meeting as StrategyMeeting
    from tests.grants.conftest import MINIMAL_PDF

    cv = HTML(string=f"<p>CV: {citizen.full_name}, {citizen.email}</p>").write_pdf()  # a citizen's own file names them
    attachment = Attachment.objects.create(application=grant, title="Bilag", file=SimpleUploadedFile("b.pdf", cv))
    net_doc = MeetingDocument.objects.create(meeting=meeting, title="Bilag", file=SimpleUploadedFile("n.pdf", MINIMAL_PDF))
    network_doc = MeetingDocument.objects.create(meeting=network_meeting, title="Bilag",
                                                 file=SimpleUploadedFile("m.pdf", MINIMAL_PDF))
    hearing_doc = HearingDocument.objects.create(hearing=hearing, title="Udkast", file=SimpleUploadedFile("h.pdf", MINIMAL_PDF))
    process = Process.objects.create(slug="proces", title="Proces", description="d")
    strategy_meeting = StrategyMeeting.objects.create(process=process, kind="dialogue", title="Dialog", audience="Alle",
                                                      starts_at=now + timedelta(days=2), ends_at=now + timedelta(days=2, hours=1),
                                                      place="x", capacity=5)
    agreement = Agreement.objects.create(version=1, period_start=now.date(), period_end=now.date() + timedelta(days=30),
                                         annual_grant=1, contacts="x")
    from taskbank.models import Event, GatheringPlace

    association = association_rep.roles.get().organisation
    association_task = TaskFactory(institution=association, contact=association_rep)
    place = GatheringPlace.objects.create(name="Sted", address="x", town="holte")
    event = Event.objects.create(title="E", description="d", starts_at=now + timedelta(days=1),
                                 ends_at=now + timedelta(days=1, hours=1), place="x", town="holte", capacity=5,
                                 organiser=association)
    from engagement.models import Session as HelperSession

    helper_session = HelperSession.objects.create(event=event, places=2, starts_at=event.starts_at,
                                                  ends_at=event.ends_at)
    from grants.models import Report
    from strategy.models import ProcessTemplate, ResponseAttachment

    response_file = ResponseAttachment.objects.create(response=HearingResponse.objects.get(hearing=hearing),
                                                      file=SimpleUploadedFile("svar.pdf", cv))
    Report.objects.create(application=grant, what_happened="x", participants=1, money_spent=1,
                          receipts=SimpleUploadedFile("kvittering.pdf", cv))
    template = ProcessTemplate.objects.create(slug="skabelon", name="Skabelon")
    everyone = set(PERSONAS)
    signed_in = everyone - {"anonymous"}
    from volunteers import services as volunteers

    volunteer_data = {"competences": ["it"], "towns": ["holte"], "can_do": "Tablets"}
    findable = volunteers.save_profile(actor=citizen, data=volunteer_data)
    volunteers.give_consent(actor=citizen)
    hidden = volunteers.save_profile(actor=other_citizen, data=volunteer_data)
    invitation = volunteers.invite(actor=institution_staff, profile=findable, task=task, message="Kom")
    campaign = volunteers.save_campaign(actor=culture_admin, data={
        "slug": "ny-pensionist", "title": "Ny pensionist?", "intro": "x", "starts_on": now.date(),
        "ends_on": now.date() + timedelta(days=9), "target_groups": ["new_pensioners"], "is_published": True})
    engagement_urls = _engagement_world(institution, institution_staff, citizen, other_citizen,
                                        django_capture_on_commit_callbacks, everyone)
    return {
        **engagement_urls,
        f"/hoeringer/svar/bilag/{response_file.pk}/": {"culture_admin"},  # hearing open: not public yet
        f"/puljer/ansoegninger/{grant.pk}/afrapportering/bilag/": {"citizen", "culture_admin"},
        f"/medarbejder/strategi/skabeloner/{template.pk}/": {"culture_admin"},
        findable.get_staff_url(): {"institution_staff", "other_institution_staff"},
        hidden.get_staff_url(): set(),  # never consented
        invitation.get_absolute_url(): {"citizen"},
        campaign.get_absolute_url(): everyone,
        campaign.get_staff_url(): {"culture_admin"},
        "/netvaerk/frivilligcenter/aftale/": {"volunteer_centre", "culture_admin"},
        f"/medarbejder/netvaerk/aarsrapport/{now.year}/": {"culture_admin", "steering_member"},
        annual_report.get_absolute_url(): {"culture_admin", "steering_member"},
        f"/medarbejder/organisationer/{institution.pk}/": {"institution_staff", "culture_admin"},
        f"/medarbejder/organisationer/{association.pk}/": {"culture_admin", "volunteer_centre"},  # the centre approves associations
        f"/medarbejder/organisationer/{institution.pk}/rediger/": {"culture_admin"},
        association_task.get_staff_url(): {"culture_admin", "volunteer_centre"},  # and moderates their tasks
        f"/medarbejder/opgaver/{association_task.pk}/rediger/": set(),
        f"/opgaver/{task.pk}/spoerg/": signed_in,
        event.get_staff_url(): {"culture_admin"},
        # Its helpers' rota and a session of it: the organiser (an association, not a persona here) and the
        # Culture department, not the institutions, the volunteer centre or the helpers.
        f"/medarbejder/frivillige/arrangementer/{event.pk}/vagter/": {"culture_admin"},
        helper_session.get_staff_url(): {"culture_admin"},
        f"/medarbejder/samlingssteder/{place.pk}/": {"culture_admin"},
        place.get_absolute_url(): everyone,
        f"/medarbejder/opgaver/{task.pk}/frivilligjob/": {"institution_staff", "culture_admin"},
        # url: personas that may see it (2xx)
        task_application.get_absolute_url(): {"citizen"},
        task_application.get_staff_url(): {"institution_staff"},
        task.get_staff_url(): {"institution_staff", "culture_admin"},
        f"/medarbejder/opgaver/{task.pk}/rediger/": {"institution_staff"},
        idea.get_absolute_url(): {"citizen", "culture_admin"},
        f"/medarbejder/ideer/{idea.pk}/": {"culture_admin"},
        grant.get_absolute_url(): {"citizen"},
        grant.get_staff_url(): {"culture_admin"},
        letter.get_absolute_url(): {"citizen", "culture_admin"},
        f"/medarbejder/puljer/{pool.pk}/": {"culture_admin"},
        f"/medarbejder/hoeringer/{hearing.pk}/": {"culture_admin"},
        proposal.get_absolute_url(): {"culture_admin", "steering_member", "network_member"},
        meeting.get_absolute_url(): {"culture_admin", "steering_member"},
        network_meeting.get_absolute_url(): {"culture_admin", "steering_member", "network_member"},
        priority.get_absolute_url(): {"culture_admin", "steering_member"},
        adopted.get_absolute_url(): {"culture_admin", "steering_member", "network_member"},
        steering_agenda.get_absolute_url(): {"culture_admin", "steering_member"},
        network_agenda.get_absolute_url(): {"culture_admin", "steering_member", "network_member"},
        f"/netvaerk/dokumenter/{network_doc.pk}/": {"culture_admin", "steering_member", "network_member"},
        f"/netvaerk/moeder/{network_meeting.pk}/kalender.ics": {"culture_admin", "steering_member", "network_member"},
        f"/netvaerk/indsatsomraader/{priority.pk}/offentlig/": set(),  # not adopted: not public
        f"/puljer/bilag/{attachment.pk}/": {"citizen", "culture_admin"},
        f"/netvaerk/dokumenter/{net_doc.pk}/": {"culture_admin", "steering_member"},
        f"/netvaerk/moeder/{meeting.pk}/kalender.ics": {"culture_admin", "steering_member"},
        f"/hoeringer/dokumenter/{hearing_doc.pk}/": everyone,
        f"/medarbejder/opgaver/{task.pk}/forhaandsvisning/": {"institution_staff"},
        f"/medarbejder/strategi/{process.pk}/": {"culture_admin"},
        strategy_meeting.get_absolute_url(): everyone,
        f"/medarbejder/netvaerk/moeder/{meeting.pk}/": {"culture_admin"},
        f"/medarbejder/netvaerk/aftaler/{agreement.pk}/": {"culture_admin"},
        task.get_absolute_url(): everyone,
        my_data.get_absolute_url(): {"citizen"},
        my_data.get_absolute_url() + "?download=1": {"citizen"},
        f"/medarbejder/soegning/ordforraad/{vocabulary_entry.pk}/": {"culture_admin"},
    }


def _engagement_world(institution, institution_staff, citizen, other_citizen, capture, everyone) -> dict:
    """After "Optaget": an accepted volunteer's agreement, a session, hours, documents and her calendar."""
    from engagement import services as engagement_services
    from engagement.models import Agreement, HoursEntry, Session, StandardText
    from engagement.seed import load_reference as engagement_reference
    from taskbank.models import TaskApplication
    from tests.taskbank.factories import ApplicationFactory, TaskFactory

    engagement_reference()
    now = timezone.now()
    task = TaskFactory(institution=institution, contact=institution_staff, title="Vagtopgave")
    accepted = ApplicationFactory(task=task, applicant=citizen, status=TaskApplication.Status.ACCEPTED)
    waiting = ApplicationFactory(task=task, applicant=other_citizen, status=TaskApplication.Status.ACCEPTED)
    agreement = Agreement.objects.create(task=task, application=accepted, volunteer=citizen, contact=institution_staff,
                                         status=Agreement.Status.ACCEPTED, duties="d", staff_duties="s", schedule="x")
    session = Session.objects.create(task=task, starts_at=now + timedelta(days=2),
                                     ends_at=now + timedelta(days=2, hours=2), places=3)
    entry = HoursEntry.objects.create(agreement=agreement, date=now.date(), hours=2)
    with capture(execute=True):
        agreement_pdf = engagement_services.request_agreement_pdf(actor=citizen, agreement=agreement)
        certificate = engagement_services.request_certificate(actor=citizen)
    feed = engagement_services.new_calendar_token(actor=citizen)
    nomination = engagement_services.nominate(actor=citizen, nominee_name="Grethe", nominee_email="g@example.dk",
                                              where="Skolen", reason="God")
    return {
        f"/frivillig/aarets-frivillige/samtykke/{nomination.consent_token}/": everyone,  # the e-mailed secret link
        "/medarbejder/frivillige/aarets-frivillige/": {"culture_admin"},
        agreement.get_absolute_url(): {"citizen"},
        agreement.get_staff_url(): {"institution_staff"},
        f"/medarbejder/frivillige/aftaler/{agreement.pk}/rediger/": {"institution_staff"},
        f"/medarbejder/frivillige/ansoegninger/{waiting.pk}/aftale/": {"institution_staff"},
        f"/medarbejder/frivillige/ansoegninger/{accepted.pk}/aftale/": set(),  # it has its agreement
        f"/medarbejder/frivillige/opgaver/{task.pk}/vagter/": {"institution_staff"},
        session.get_staff_url(): {"institution_staff"},
        entry.get_staff_url(): {"institution_staff"},
        StandardText.objects.first().get_staff_url(): {"culture_admin"},
        agreement_pdf.get_absolute_url(): {"citizen", "institution_staff"},
        certificate.get_absolute_url(): {"citizen"},
        f"/frivillig/kalender/{feed.token}.ics": everyone,  # the secret address is the key
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_unexpected_access(db, client, request, world, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    unexpected = []
    for url, allowed in world.items():
        status = client.get(url).status_code
        if persona in allowed:
            if status != 200:
                unexpected.append(f"{url}: expected 200, got {status}")
        elif 200 <= status < 300:
            unexpected.append(f"{url}: {persona} got {status}")
    assert unexpected == [], "\n".join(unexpected)


def test_a_network_members_calendar_holds_only_the_networks_meetings(db, client, world, network_member, steering_member):
    client.force_login(network_member)
    feed = client.get("/netvaerk/moeder/kalender.ics").content.decode()
    assert "Netværksmøde" in feed and "SUMMARY:M\r" not in feed
    client.force_login(steering_member)
    feed = client.get("/netvaerk/moeder/kalender.ics").content.decode()
    assert "Netværksmøde" in feed and "SUMMARY:M\r" in feed
