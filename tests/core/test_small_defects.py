"""The small defects people saw in the browser (issue "Danish done right"), each as they would notice it."""

import re

import pytest
from django.core import mail
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_signup_email_is_frivillig_rudersdals_own_in_danish(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/signup/", {"full_name": "Birgit Birkerød", "email": "birgit@example.dk",
                                       "password1": "en-lang-og-god-adgangskode",
                                       "password2": "en-lang-og-god-adgangskode", "accept_privacy": "on",
                                       "privacy": "on", "consent": "on"})
    assert len(mail.outbox) == 1, "the sign-up form did not send its verification e-mail"
    body = mail.outbox[0].body
    assert "Hej fra !" not in body and "på ." not in body and "example.com" not in body
    assert "Frivillig Rudersdal" in body and "Bekræft, at det er din e-mailadresse" in body
    assert mail.outbox[0].subject.startswith("Frivillig Rudersdal: ")


def test_withdrawing_a_task_application_asks_first(client, citizen):
    from taskbank.models import TaskApplication
    from tests.taskbank.factories import ApplicationFactory

    application = ApplicationFactory(applicant=citizen)
    client.force_login(citizen)
    page = client.get(application.get_absolute_url()).content.decode()
    url = f"/opgaver/mine-ansoegninger/{application.pk}/traek-tilbage/"
    assert f'href="{url}"' in page  # a link to the question, not a button that withdraws at once
    question = client.get(url)
    assert question.status_code == 200 and "Det kan ikke fortrydes" in question.content.decode()
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.SUBMITTED
    client.post(url)
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.WITHDRAWN


def test_withdrawing_a_grant_application_asks_first(client, citizen):
    from grants.models import Pool, Status
    from tests.grants.conftest import make_application

    pool = Pool.objects.create(name="P", slug="p", purpose="x", who_may_apply="x", max_amount=100000,
                               yearly_budget=1000000)
    application = make_application(pool, citizen)
    client.force_login(citizen)
    url = f"/puljer/ansoegninger/{application.pk}/traek-tilbage/"
    assert "Ja, træk ansøgningen tilbage" in client.get(url).content.decode()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    client.post(url)
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


def test_filter_dropdowns_offer_all_once(client):
    html = client.get("/opgaver/").content.decode()
    for select in re.findall(r"<select.*?</select>", html, re.S):
        options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
        assert len(options) == len(set(options)), options


def test_steering_recommendation_has_no_blank_radio(client, steering_member, culture_admin):
    from network import services
    from network.seed import load_reference

    load_reference()
    priority = services.propose_priority(actor=culture_admin, title="Flere unge frivillige", description="d",
                                         year=timezone.localdate().year)
    client.force_login(steering_member)
    html = client.get(f"/netvaerk/indsatsomraader/{priority.pk}/").content.decode()
    radios = re.findall(r'<input type="radio" name="[\w-]*recommendation"[^>]*>', html)
    assert radios, "the recommendation form is not on the priority page"
    assert not any('value=""' in r for r in radios) and not any("checked" in r for r in radios)
    assert "---------" not in html


def test_hearing_form_speaks_danish(client, culture_admin):
    client.force_login(culture_admin)
    html = client.get("/medarbejder/hoeringer/ny/").content.decode()
    assert ">Strategiproces" in html and ">Process" not in html


def test_meeting_form_labels_the_body_in_danish(client, culture_admin):
    from network.seed import load_reference

    load_reference()
    client.force_login(culture_admin)
    html = client.get("/medarbejder/netvaerk/").content.decode()
    assert ">Body<" not in html and "Body\n" not in html


def test_steering_dashboard_says_how_old_its_figures_are(client, steering_member):
    from strategy.indicators import recompute
    from strategy.models import Indicator

    Indicator.objects.create(name="Frivillige optaget", description="d", unit="", source_key="strategy.inputs")
    recompute(months=3)
    client.force_login(steering_member)
    html = client.get("/netvaerk/styregruppe/overblik/").content.decode()
    assert "De automatiske tal er beregnet" in html and "det, der sker i dag, tæller med i morgen" in html
    month = timezone.localdate().replace(day=1)
    assert re.search(r"\((januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) "
                     rf"{month.year}\)", html)


def test_page_titles_are_separated_from_the_portal_name(client):
    title = re.search(r"<title>(.*?)</title>", client.get("/opgaver/").content.decode(), re.S).group(1)
    assert title == "Find en frivillig opgave – Frivillig Rudersdal"
    title = re.search(r"<title>(.*?)</title>", client.get("/").content.decode(), re.S).group(1)
    assert title.endswith("Frivillig Rudersdal") and "RudersdalFrivillig" not in title


def test_amounts_are_formatted_in_the_grant_exports(client, culture_admin):
    from openpyxl import load_workbook

    from grants.models import Pool
    from tests.grants.conftest import make_application

    pool = Pool.objects.create(name="P", slug="p", purpose="x", who_may_apply="x", max_amount=100000,
                               yearly_budget=1000000)
    make_application(pool, culture_admin, amount="20000")
    client.force_login(culture_admin)
    csv_text = client.get(f"/medarbejder/puljer/{pool.pk}/sager.csv").content.decode("utf-8-sig")
    assert ";20.000;" in csv_text and "20000" not in csv_text
    assert re.search(r"\d\d\.\d\d\.\d{4}", csv_text)
    import io

    sheet = load_workbook(io.BytesIO(client.get(f"/medarbejder/puljer/{pool.pk}/sager.xlsx").content)).active
    amount_cell = sheet.cell(row=2, column=5)
    assert amount_cell.value == 20000 and amount_cell.number_format == '#,##0 "kr."'
    assert sheet.cell(row=2, column=9).number_format == "dd.mm.yyyy"


def test_english_pages_use_british_dates_and_kroner(client):
    from grants.models import Pool

    Pool.objects.create(name="P", slug="p", purpose="x", who_may_apply="x", max_amount=25000, yearly_budget=300000)
    from django.utils import translation

    client.cookies.load({"django_language": "en"})
    try:
        html = client.get("/puljer/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    finally:
        translation.activate("da")  # the request switched this thread to English
    assert "DKK 25,000" in html



def test_contact_details_come_from_settings(client, settings):
    from frivillig.core import pdf

    settings.PORTAL_CONTACT_EMAIL = "kultur-test@example.dk"
    settings.PORTAL_CONTACT_ADDRESS = "Testvej 1, 2840 Holte"
    html = client.get("/").content.decode()
    assert "mailto:kultur-test@example.dk" in html and "Testvej 1, 2840 Holte" in html
    import io

    from pypdf import PdfReader

    data = pdf.render_to_pdf_bytes("core/pdf/test_document.html", {"heading": "Brev", "body": "Tekst"})
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "kultur-test@example.dk" in text and "Testvej 1" in text
