import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from frivillig.core import pdf
from strategy.models import Hearing, Meeting, Process
from strategy.seed import load_reference
from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_process_from_template_to_adoption(page, live_server, axe, culture_admin, citizen):
    load_reference()
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/strategi/")
    axe(page)
    page.get_by_label("Skabelon").select_option(label="Ballerup Kommune: Forslag til proces og organisation for en frivillighedsstrategi")
    page.get_by_label("Titel").fill("Civilsamfundsstrategi 2027")
    page.get_by_label("Beskrivelse").fill("Strategien laves sammen med civilsamfundet.")
    page.get_by_label("Start").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Opret proces").click()
    expect(page.get_by_text("Processen er oprettet")).to_be_visible()
    axe(page)
    process = Process.objects.get()
    page.locator("#id_theme-name").fill("Roller og arbejdsdeling")
    page.get_by_role("button", name="Tilføj tema").click()
    now = timezone.localtime()
    page.get_by_label("Type").first.select_option("dialogue")
    page.locator("#id_meeting-title").fill("Dialogmøde med foreningerne")
    page.locator("#id_meeting-audience").fill("Foreninger")
    page.locator("#id_meeting-starts_at").fill((now + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_meeting-ends_at").fill((now + timedelta(days=5, hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_meeting-place").fill("Mariehøj")
    page.locator("#id_meeting-capacity").fill("30")
    page.get_by_role("button", name="Opret møde").click()
    expect(page.get_by_text("Mødet er oprettet.")).to_be_visible()
    assert Meeting.objects.count() == 1

    login_as(page, live_server, citizen)
    page.goto(live_server.url + process.get_absolute_url())
    axe(page)
    page.get_by_role("link", name="Dialogmøde med foreningerne").click()
    axe(page)
    page.get_by_role("button", name="Tilmeld dig mødet").click()
    expect(page.get_by_text("Du er tilmeldt mødet")).to_be_visible()
    page.goto(live_server.url + process.get_absolute_url())
    page.get_by_role("link", name="Giv dit input").click()
    axe(page)
    page.get_by_label(re.compile("^Tema")).select_option(label="Roller og arbejdsdeling")
    page.get_by_label("Forslag").check()
    page.get_by_label("Dit input").fill("Lav en fast kontaktperson for frivillige på hvert plejecenter.")
    page.get_by_role("button", name="Send input").click()
    expect(page.get_by_text("Tak for dit input")).to_be_visible()

    hearing = Hearing.objects.create(slug="hoering-2027", process=process, title="Høring over strategien",
                                     description="Sig din mening.", opens_at=timezone.now() - timedelta(hours=1),
                                     closes_at=timezone.now() + timedelta(days=7))
    page.goto(live_server.url + hearing.get_absolute_url())
    axe(page)
    page.get_by_label("Dit høringssvar").fill("Strategien bør nævne de små foreninger.")
    page.get_by_label("Mit svar må offentliggøres med navn").check()
    page.get_by_role("button", name="Send høringssvar").click()
    expect(page.get_by_text("Tak for dit høringssvar")).to_be_visible()
    axe(page)

    # the hearing closes: a late response is refused and the form is gone
    Hearing.objects.filter(pk=hearing.pk).update(opens_at=timezone.now() - timedelta(days=8),
                                                 closes_at=timezone.now() - timedelta(minutes=1))
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(live_server.url + f"/hoeringer/{hearing.slug}/svar/",
                                 form={"text": "For sent", "csrfmiddlewaretoken": token},
                                 headers={"Referer": live_server.url + hearing.get_absolute_url()})
    assert response.status == 200  # past the CSRF check (a 403 would not reach the rule being tested)
    assert "Høringen er lukket" in response.text()
    page.goto(live_server.url + hearing.get_absolute_url())
    expect(page.get_by_text("Høringen er lukket. Der kan ikke længere afgives høringssvar.")).to_be_visible()
    assert hearing.responses.count() == 1

    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + f"/medarbejder/hoeringer/{hearing.pk}/")
    axe(page)
    page.get_by_label("Kommunens bemærkning").fill("Vi har tilføjet et afsnit om små foreninger.")
    page.get_by_label("Roller og arbejdsdeling").check()
    page.get_by_role("button", name=re.compile("Gem bemærkning")).click()
    page.get_by_label("Ændringer på baggrund af høringen").fill("Afsnit 3 er udvidet.")
    page.get_by_role("button", name="Skriv høringsnotat").click()
    expect(page.get_by_text("Høringsnotatet er skrevet")).to_be_visible()
    memo = pdf.latest("strategy.hearing_memo", hearing)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(memo.file.read())).pages).split())
    assert "Strategien bør nævne de små foreninger." in text
    assert "Vi har tilføjet et afsnit om små foreninger." in text
    page.get_by_role("button", name="Afslut høringen").click()
    axe(page)

    page.goto(live_server.url + f"/medarbejder/strategi/{process.pk}/")
    page.get_by_label("Vedtaget i Kultur- og Fritidsudvalget").fill(timezone.localdate().isoformat())
    page.get_by_label("Vedtaget i kommunalbestyrelsen").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_label("Beslutning").fill("Strategien er vedtaget uden ændringer.")
    page.get_by_role("button", name="Registrér vedtagelse").click()
    expect(page.get_by_text("Vedtagelsen er registreret.")).to_be_visible()
    page.goto(live_server.url + process.get_absolute_url())
    expect(page.get_by_text("Strategien er vedtaget uden ændringer.")).to_be_visible()
    axe(page)
    page.goto(live_server.url + hearing.get_absolute_url())
    expect(page.get_by_text("Anna Andersen")).to_be_visible()
    axe(page)
    page.goto(live_server.url + "/strategi/indikatorer/")
    axe(page)
