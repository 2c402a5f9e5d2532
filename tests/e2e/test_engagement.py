"""After "Optaget", in Chromium at 320 px with axe on every page: accept → agreement → the volunteer accepts it
(by keyboard) → signs up for a session → gets the reminder → staff confirm attendance → the volunteer downloads a
certificate whose text shows the hours; ending the agreement cancels her future sessions."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from engagement import reminders
from engagement.models import Agreement, Session, SessionSignup
from engagement.seed import load_reference
from tests.e2e.conftest import login_as
from tests.taskbank.factories import ApplicationFactory, TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_after_optaget_journey(page, live_server, axe, institution, institution_staff, citizen):
    load_reference()
    page.set_viewport_size({"width": 320, "height": 900})
    task = TaskFactory(institution=institution, contact=institution_staff, title="Lektiecafé i Nærum",
                       description="Hjælp elever med lektier.", volunteers_wanted=2)
    application = ApplicationFactory(task=task, applicant=citizen)

    # the coordinator accepts, writes the agreement and plans the sessions
    login_as(page, live_server, institution_staff)
    page.goto(live_server.url + application.get_staff_url())
    page.get_by_role("button", name="Optag ansøgeren").click()
    page.goto(live_server.url + "/medarbejder/frivillige/")
    axe(page)
    page.get_by_role("link", name=re.compile("Skriv frivilligaftale med")).click()
    axe(page)
    expect(page.get_by_label("Det gør den frivillige")).to_have_value("Hjælp elever med lektier.")
    page.get_by_label("Det er fortsat medarbejdernes opgaver").fill("Lærerne har ansvaret for undervisningen.")
    page.get_by_label("Hvornår og hvor ofte").fill("Torsdage kl. 14–16")
    page.get_by_role("button", name="Gem aftalen").click()
    axe(page)
    page.get_by_role("button", name="Send aftalen til den frivillige").click()
    expect(page.get_by_text("Aftalen er sendt til den frivillige.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Vagtplan for opgaven").click()
    axe(page)
    first = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Dato (første gang)").fill(first.isoformat())
    page.get_by_label("Fra kl.").fill("14:00")
    page.get_by_label("Til kl.").fill("16:00")
    page.get_by_label("Antal uger").fill("3")
    page.get_by_role("button", name="Opret vagter").click()
    expect(page.get_by_text("Vagterne er oprettet.")).to_be_visible()
    axe(page)
    assert Session.objects.filter(task=task).count() == 3

    # the volunteer reads and accepts the agreement with the keyboard, and signs up for two sessions
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/frivillig/")
    axe(page)
    page.get_by_role("link", name="Lektiecafé i Nærum").click()
    expect(page.get_by_role("heading", name="Tavshedspligt")).to_be_visible()
    axe(page)
    page.get_by_label("Jeg har læst aftalen og accepterer den").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Tak! Du har accepteret aftalen.")).to_be_visible()
    axe(page)
    assert Agreement.objects.get().status == Agreement.Status.ACCEPTED
    page.goto(live_server.url + "/frivillig/")
    page.get_by_role("button", name=re.compile("^Tilmeld dig vagten")).first.click()
    expect(page.get_by_text("Du er tilmeldt vagten.")).to_be_visible()
    page.get_by_role("button", name=re.compile("^Tilmeld dig vagten")).first.click()
    axe(page)
    assert SessionSignup.objects.filter(volunteer=citizen).count() == 2

    # the reminder the day before
    tomorrow = Session.objects.filter(task=task).first()
    reminders.send_session_reminders(tomorrow.starts_at - timedelta(hours=12))
    assert any(m.to == [citizen.email] and m.subject.startswith("Påmindelse") for m in mail.outbox)

    # staff confirm attendance
    login_as(page, live_server, institution_staff)
    page.goto(live_server.url + tomorrow.get_staff_url())
    axe(page)
    page.get_by_label(citizen.get_full_name()).check()
    page.get_by_role("button", name="Registrér fremmøde").click()
    expect(page.get_by_text("Fremmødet er registreret.")).to_be_visible()
    axe(page)

    # the certificate shows the hours
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/frivillig/")
    expect(page.get_by_text("Godkendt i alt: 2 timer")).to_be_visible()
    page.get_by_role("button", name="Lav mit frivilligbevis (PDF)").click()
    axe(page)
    link = page.get_by_role("link", name="Hent PDF")
    expect(link).to_be_visible()
    body = page.request.get(live_server.url + page.url.replace(live_server.url, "") + "?download=1").body()
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(body)).pages).split())
    assert "Frivilligbevis" in text and "Lektiecafé i Nærum" in text and "I alt: 2 timer" in text

    # ending the agreement cancels her future sessions
    page.goto(live_server.url + Agreement.objects.get().get_absolute_url())
    page.get_by_label("Årsag (valgfri)").fill("Jeg har fået nyt arbejde.")
    page.get_by_role("button", name="Afslut aftalen").click()
    expect(page.get_by_text("Aftalen er afsluttet. Dine kommende vagter er aflyst.")).to_be_visible()
    axe(page)
    assert not SessionSignup.objects.filter(volunteer=citizen, session__starts_at__gt=timezone.now()).exists()


def test_coordinator_overview_hours_and_thanks(page, live_server, axe, institution, institution_staff, citizen):
    from decimal import Decimal

    from engagement.models import HoursEntry

    load_reference()
    page.set_viewport_size({"width": 320, "height": 900})
    task = TaskFactory(institution=institution, contact=institution_staff, title="Besøgsven på Bakkehuset")
    agreement = Agreement.objects.create(task=task, volunteer=citizen, contact=institution_staff, duties="Besøg",
                                         staff_duties="Pleje", schedule="Onsdage", status=Agreement.Status.ACCEPTED)
    HoursEntry.objects.create(agreement=agreement, date=timezone.localdate(), hours=Decimal("1.5"), note="Gåtur")
    login_as(page, live_server, institution_staff)
    page.goto(live_server.url + "/medarbejder/")
    page.get_by_role("link", name="Frivillige: aftaler, vagter og timer").click()
    page.wait_for_url(re.compile("/medarbejder/frivillige/$"))
    axe(page)
    expect(page.get_by_role("link", name="Hent som CSV")).to_be_visible()
    page.get_by_role("link", name=citizen.get_full_name()).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"/medarbejder/frivillige/aftaler/{agreement.pk}/$"))
    axe(page)
    page.get_by_role("button", name=re.compile("^Godkend timerne")).click()
    expect(page.get_by_text("Timerne er godkendt.")).to_be_visible()
    expect(page.get_by_text("Godkendt i alt: 1,5 timer")).to_be_visible()
    axe(page)
    page.get_by_label("Din hilsen").fill("Tak for alle gåturene!")
    page.get_by_role("button", name="Send tak").click()
    expect(page.get_by_text("Din tak er sendt.")).to_be_visible()
    axe(page)
    assert any(m.to == [citizen.email] and "Tak for alle gåturene!" in m.body for m in mail.outbox)
    csv = page.request.get(live_server.url + "/medarbejder/frivillige/frivillige.csv").text()
    assert "Besøgsven på Bakkehuset" in csv and "1,5" in csv


def test_event_helper_journey(page, live_server, axe, association, association_rep, citizen):
    """An event has helpers' sessions too: the organiser plans one from the event's staff page, a citizen signs up on
    the event's page with the keyboard at 320 px, the organiser confirms she came, and her certificate counts it."""
    from taskbank.models import Event

    page.set_viewport_size({"width": 320, "height": 900})
    start = (timezone.localtime() + timedelta(days=5)).replace(hour=18, minute=0, second=0, microsecond=0)
    event = Event.objects.create(title="Frivilligfest på Mariehøj", description="Fest for alle frivillige.",
                                 starts_at=start, ends_at=start + timedelta(hours=3), place="Kulturcenter Mariehøj",
                                 town="holte", capacity=100, organiser=association)

    login_as(page, live_server, association_rep)
    page.goto(live_server.url + event.get_staff_url())
    page.get_by_role("link", name="Hjælpervagter og fremmøde").click()
    axe(page)
    expect(page.get_by_label("Dato (første gang)")).to_have_value(start.date().isoformat())
    page.get_by_label("Fra kl.").fill("16:00")
    page.get_by_label("Til kl.").fill("18:00")
    page.get_by_label("Antal pladser").fill("2")
    page.get_by_label("Bemærkning").fill("Opstilling af borde")
    page.get_by_role("button", name="Opret vagter").click()
    expect(page.get_by_text("Vagterne er oprettet.")).to_be_visible()
    axe(page)
    session = Session.objects.get(event=event)

    login_as(page, live_server, citizen)
    page.goto(live_server.url + event.get_absolute_url())
    axe(page)
    button = page.get_by_role("button", name=re.compile("^Bliv hjælper"))
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Du er tilmeldt vagten.")).to_be_visible()
    expect(page.get_by_text("1 af 2 pladser taget")).to_be_visible()
    axe(page)
    assert SessionSignup.objects.filter(session=session, volunteer=citizen).exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    login_as(page, live_server, association_rep)
    page.goto(live_server.url + session.get_staff_url())
    axe(page)
    page.get_by_label(citizen.get_full_name()).check()
    page.get_by_role("button", name="Registrér fremmøde").click()
    expect(page.get_by_text("Fremmødet er registreret.")).to_be_visible()

    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/frivillig/")
    expect(page.get_by_text("Bekræftet fremmøde i alt: 2 timer")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Lav mit frivilligbevis (PDF)").click()
    expect(page.get_by_role("link", name="Hent PDF")).to_be_visible()
    body = page.request.get(live_server.url + page.url.replace(live_server.url, "") + "?download=1").body()
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(body)).pages).split())
    assert "Frivilligfest på Mariehøj" in text and "I alt: 2 timer" in text
