import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from network.models import Body, Meeting, Proposal
from network.seed import load_reference
from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_proposal_becomes_this_years_priority(page, live_server, axe, network_member, culture_admin, steering_member,
                                              citizen):
    load_reference()
    from network import services

    # The Culture department's area chief chairs the steering group and adopts priorities.
    services.add_member(actor=culture_admin, body=Body.objects.get(kind="steering"), user=culture_admin,
                        area="culture", is_chair=True)
    now = timezone.now()
    Meeting.objects.create(body=Body.objects.get(kind="steering"), title="Styregruppemøde i december", place="Rådhuset",
                           starts_at=now + timedelta(days=14), ends_at=now + timedelta(days=14, hours=2))
    login_as(page, live_server, network_member)
    page.goto(live_server.url + "/medarbejder/")
    page.get_by_role("link", name="Netværkets forslag").click()
    axe(page)
    page.get_by_label("Titel").fill("Fælles introduktion for nye frivillige")
    page.get_by_label("Beskriv forslaget til en tværgående indsats").fill("Et fælles forløb på tværs af områderne.")
    page.get_by_role("button", name="Opret forslag").click()
    expect(page.get_by_text("Forslaget er oprettet")).to_be_visible()
    page.get_by_label("Din kommentar").fill("Intern bemærkning: husk budgettet.")
    page.get_by_role("button", name="Kommentér").click()
    axe(page)
    proposal = Proposal.objects.get()

    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + proposal.get_absolute_url())
    page.get_by_role("button", name="Send forslaget til styregruppen").click()
    expect(page.get_by_text("sat på dagsordenen for næste møde")).to_be_visible()
    page.goto(live_server.url + Meeting.objects.get().get_absolute_url())
    expect(page.get_by_text("Forslag fra netværket: Fælles introduktion for nye frivillige")).to_be_visible()
    axe(page)
    page.goto(live_server.url + proposal.get_absolute_url())
    page.get_by_role("button", name="Opret kandidat").click()
    expect(page.get_by_text("kandidat til et årligt indsatsområde")).to_be_visible()
    priority_url = page.url

    login_as(page, live_server, steering_member)
    page.goto(live_server.url + "/netvaerk/styregruppe/overblik/")
    axe(page)
    page.get_by_role("link", name="Fælles introduktion for nye frivillige").first.click()
    page.get_by_label("Anbefaler", exact=True).check()
    page.get_by_label("Kommentar").fill("Vigtigt for rekrutteringen.")
    page.get_by_role("button", name="Gem anbefaling").click()
    expect(page.get_by_text("Din anbefaling er gemt")).to_be_visible()
    axe(page)

    login_as(page, live_server, culture_admin)
    page.goto(priority_url)
    page.get_by_label("Anbefal som årligt indsatsområde").check()
    page.get_by_label("Begrundelse").fill("Styregruppen er enig.")
    page.get_by_role("button", name="Registrér styregruppens anbefaling").click()
    expect(page.get_by_text("Styregruppens anbefaling er registreret")).to_be_visible()
    axe(page)

    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/netvaerk/")
    expect(page.get_by_role("link", name="Fælles introduktion for nye frivillige")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Fælles introduktion for nye frivillige").click()
    expect(page.get_by_text("Styregruppen er enig.")).to_be_visible()
    assert page.get_by_text("Intern bemærkning").count() == 0
    axe(page)
    response = page.goto(live_server.url + proposal.get_absolute_url())
    assert response.status == 403
    page.goto(live_server.url + "/netvaerk/organ/steering/")
    axe(page)
    page.goto(live_server.url + "/netvaerk/frivilligcenter/")
    axe(page)
    assert re.search("Frivilligcenter", page.content())


def test_staff_pages_pass_axe(page, live_server, axe, culture_admin):
    from datetime import date

    from network.models import Agreement, Obligation

    load_reference()
    agreement = Agreement.objects.create(version=1, period_start=date(2026, 1, 1), period_end=date(2027, 12, 31),
                                         annual_grant=850000, contacts="Kultur")
    Obligation.objects.create(agreement=agreement, party="centre", text="Formidler frivilligt arbejde")
    meeting = Meeting.objects.create(body=Body.objects.get(kind="network"), title="Netværksmøde", place="Mariehøj",
                                     starts_at=timezone.now() + timedelta(days=3),
                                     ends_at=timezone.now() + timedelta(days=3, hours=1))
    login_as(page, live_server, culture_admin)
    for path in ["/medarbejder/netvaerk/", f"/medarbejder/netvaerk/aftaler/{agreement.pk}/",
                 f"/medarbejder/netvaerk/moeder/{meeting.pk}/", "/netvaerk/forslag/", meeting.get_absolute_url()]:
        page.goto(live_server.url + path)
        axe(page)


def test_culture_department_writes_the_next_agreement_version(page, live_server, axe, culture_admin):
    from network.models import Agreement

    load_reference()  # the network's bodies from the seeds
    today = timezone.localdate()
    first = Agreement.objects.create(version=1, period_start=today - timedelta(days=300),
                                     period_end=today + timedelta(days=65), annual_grant=850000, contacts="Kultur")
    first.obligations.create(party="centre", text="Formidler frivilligt arbejde")
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/netvaerk/")
    page.get_by_role("link", name="Ny version af aftalen").click()
    axe(page)
    expect(page.get_by_label("Frivilligcenter Rudersdals forpligtelser")).to_have_value("Formidler frivilligt arbejde")
    page.get_by_label("Rudersdal Kommunes forpligtelser").fill("Stiller lokaler til rådighed i Mariehøj")
    page.get_by_label("Årligt tilskud (kr.)").fill("900000")
    page.get_by_role("button", name="Gem den nye version").click()
    expect(page.get_by_text("Version 2 af aftalen er gemt.")).to_be_visible()
    expect(page.get_by_role("heading", name="Samarbejdsaftale, version 2")).to_be_visible()
    axe(page)
    assert Agreement.objects.get(version=2).obligations.count() == 2


def test_priority_carried_out_reported_to_the_executive_board_and_the_centres_own_status(
        page, live_server, axe, culture_admin, volunteer_centre):
    import io

    from pypdf import PdfReader

    from grants.models import Pool
    from network.models import Agreement, Priority

    load_reference()
    year = timezone.localdate().year
    priority = Priority.objects.create(year=year, title="Flere unge frivillige", description="Unge ind i foreningerne.",
                                       status=Priority.Status.ADOPTED)
    Pool.objects.create(name="Frivilligpuljen", slug="frivilligpuljen", purpose="x", who_may_apply="x", max_amount=100,
                        yearly_budget=1000)
    Proposal.objects.create(title="Ungdomsråd for frivillige", summary="s")
    today = timezone.localdate()
    agreement = Agreement.objects.create(version=1, period_start=today - timedelta(days=30),
                                         period_end=today + timedelta(days=300), annual_grant=850000, contacts="Kultur")
    agreement.obligations.create(party="centre", text="Formidler frivilligt arbejde")

    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + priority.get_absolute_url())
    page.get_by_label("Det arbejde, der bærer indsatsområdet").select_option(label="Frivilligpuljen")
    page.get_by_role("button", name="Knyt til indsatsområdet").click()
    expect(page.get_by_text("Indsatsområdet er knyttet til arbejdet.")).to_be_visible()
    page.get_by_label("Kvartal").select_option(label="1. kvartal")
    page.get_by_label("Status", exact=True).select_option(label="Forsinket")
    page.get_by_label("Note").fill("Mangler en tovholder")
    page.get_by_role("button", name="Gem kvartalets status").click()
    expect(page.get_by_text("Kvartalets status er gemt.")).to_be_visible()
    expect(page.get_by_text(f"1. kvartal {year}")).to_be_visible()
    axe(page)
    page.goto(live_server.url + f"/netvaerk/indsatsomraader/{priority.pk}/offentlig/")
    expect(page.get_by_role("link", name="Frivilligpuljen")).to_be_visible()
    expect(page.get_by_text("Forsinket")).to_be_visible()
    axe(page)

    page.goto(live_server.url + "/netvaerk/styregruppe/overblik/")
    page.get_by_role("link", name=f"Årsrapport {year} til direktionen").click()
    axe(page)
    page.get_by_role("button", name="Dan årsrapport").click()
    expect(page.get_by_text("Årsrapporten dannes nu.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent årsrapporten (PDF)").click()
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Flere unge frivillige" in text and "Forsinket" in text and "Ungdomsråd for frivillige" in text

    login_as(page, live_server, volunteer_centre)
    page.goto(live_server.url + "/medarbejder/")
    page.get_by_role("link", name="Samarbejdsaftalen med Frivilligcentret").click()
    axe(page)
    page.get_by_label("Jeres status").select_option(label="Opfyldt")
    page.get_by_label("Note").fill("Formidlet 120 frivillige")
    page.get_by_role("button", name="Gem status").click()
    expect(page.get_by_text("Jeres status er gemt.")).to_be_visible()
    expect(page.get_by_text("Formidlet 120 frivillige")).to_be_visible()
    axe(page)
