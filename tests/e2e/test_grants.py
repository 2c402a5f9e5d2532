import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time
from playwright.sync_api import expect
from pypdf import PdfReader

from frivillig.core import pdf
from grants import tasks
from grants.models import GrantApplication, Status
from tests.e2e.conftest import login_as
from tests.grants.conftest import MINIMAL_PDF

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pool():
    from grants.models import Pool, Round

    now = timezone.now()
    pool = Pool.objects.create(name="Puljen til lokale aktiviteter", slug="lokale", purpose="Støtte lokale aktiviteter.",
                               who_may_apply="Foreninger og borgere", max_amount=Decimal("25000"),
                               yearly_budget=Decimal("100000"))
    Round.objects.create(pool=pool, name="Runde 1", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30))
    return pool


def test_association_applies_case_worker_decides_applicant_reports(page, live_server, axe, pool, association_rep,
                                                                   association, culture_admin, tmp_path):
    login_as(page, live_server, association_rep)
    page.goto(live_server.url + "/puljer/")
    axe(page)
    page.get_by_role("link", name="Puljen til lokale aktiviteter").click()
    axe(page)
    page.get_by_role("button", name="Start en ansøgning").click()
    axe(page)
    page.get_by_label(re.compile("^På vegne af forening")).select_option(label=association.name)
    page.get_by_role("button", name="Gem og fortsæt").click()
    page.get_by_label("Projektets titel").fill("Roregatta på Furesøen")
    page.get_by_label("Beskrivelse af projektet").fill("En regatta for hele familien.")
    page.get_by_label("Formål", exact=True).fill("Fællesskab på vandet")
    # save midway and come back later
    page.get_by_role("button", name="Gem kladde").click()
    expect(page.get_by_text("Kladden er gemt")).to_be_visible()
    axe(page)
    page.goto(live_server.url + "/puljer/mine-ansoegninger/")
    axe(page)
    page.get_by_role("link", name="Roregatta på Furesøen").click()
    page.get_by_role("button", name="Projektet").click()
    expect(page.get_by_label("Projektets titel")).to_have_value("Roregatta på Furesøen")
    page.get_by_label("Målgruppe").fill("Familier")
    page.get_by_label("Sted").fill("Furesøen")
    page.get_by_label("Start").fill("2027-05-01")
    page.get_by_label("Slut").fill("2027-05-02")
    page.get_by_role("button", name="Gem og fortsæt").click()
    axe(page)
    page.get_by_role("button", name="Gem og fortsæt").click()  # no partnership
    axe(page)
    page.locator("#id_budget-0-description").fill("Leje af både")
    page.locator("#id_budget-0-amount").fill("15000")
    page.locator("#id_budget-1-kind").select_option("cofinancing")
    page.locator("#id_budget-1-description").fill("Klubbens egen kasse")
    page.locator("#id_budget-1-amount").fill("3000")
    page.get_by_role("button", name="Gem og fortsæt").click()
    axe(page)
    page.get_by_label(re.compile("^Ansøgt beløb")).fill("12000")
    page.get_by_label(re.compile("^Bilagets titel")).fill("Tilbud på både")
    attachment = tmp_path / "tilbud.pdf"
    attachment.write_bytes(MINIMAL_PDF)
    page.get_by_label(re.compile("^Bilag")).last.set_input_files(str(attachment))
    page.get_by_role("button", name="Gem og fortsæt").click()
    axe(page)
    page.get_by_label(re.compile("^Jeg giver samtykke")).check()
    page.get_by_role("button", name="Send ansøgningen").click()
    expect(page.get_by_text("Ansøgningen er sendt")).to_be_visible()
    axe(page)
    application = GrantApplication.objects.get()
    assert application.status == Status.SUBMITTED and application.attachments.count() == 1
    assert any(m.subject.startswith("Kvittering") for m in mail.outbox)

    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/puljer/")
    axe(page)
    page.get_by_role("link", name="Puljen til lokale aktiviteter", exact=True).click()
    axe(page)
    page.get_by_role("link", name="Roregatta på Furesøen").click()
    axe(page)
    page.get_by_label("Hvad mangler I at vide?").fill("Hvor mange både lejer I?")
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.get_by_text("Anmodningen om oplysninger er sendt til ansøgeren.")).to_be_visible()

    login_as(page, live_server, association_rep)
    page.goto(live_server.url + application.get_absolute_url())
    expect(page.get_by_text("Kulturområdet mangler oplysninger")).to_be_visible()
    axe(page)
    page.get_by_label("Dit svar").fill("Vi lejer seks både.")
    page.get_by_role("button", name="Send svar").click()
    expect(page.get_by_text("Tak – dit svar er sendt")).to_be_visible()

    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + application.get_staff_url())
    page.get_by_role("radio", name=re.compile("^Bevilg")).check()
    page.get_by_label(re.compile("^Bevilget beløb")).fill("8000")
    page.get_by_label(re.compile("^Begrundelse")).fill("Puljen dækker lejen af fire både.")
    page.get_by_role("button", name="Træf afgørelse").click()
    expect(page.get_by_text("Afgørelsen er truffet")).to_be_visible()
    axe(page)
    application.refresh_from_db()
    assert application.status == Status.PARTLY_APPROVED
    letter = pdf.latest("grants.decision_letter", application)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(letter.file.read())).pages).split())
    assert "Holte Roklub" in text and "8.000 kr." in text and str(application.report_due_on.year) in text
    page.get_by_role("button", name="Registrér udbetaling").click()
    expect(page.get_by_text("Udbetalingen er registreret.")).to_be_visible()

    mail.outbox.clear()
    with freeze_time(application.report_due_on + timedelta(days=1)):
        tasks.send_report_reminders.apply()
        tasks.send_report_reminders.apply()
    assert len([m for m in mail.outbox if "Afrapportering mangler" in m.subject]) == 1

    login_as(page, live_server, association_rep)
    page.goto(live_server.url + application.get_absolute_url())
    expect(page.get_by_role("link", name=re.compile("Hent afgørelsesbrevet"))).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Send afrapportering").click()
    page.get_by_label("Hvad skete der").fill("80 deltog, det blev en stor dag.")
    page.get_by_label("Antal deltagere").fill("80")
    page.get_by_label("Brugt beløb").fill("7900")
    page.get_by_role("button", name="Send afrapportering").click()
    expect(page.get_by_text("Tak for afrapporteringen")).to_be_visible()
    axe(page)

    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + application.get_staff_url())
    page.get_by_role("button", name="Godkend afrapportering og afslut sagen").click()
    expect(page.get_by_text("Afsluttet").first).to_be_visible()
    application.refresh_from_db()
    assert application.status == Status.CLOSED
