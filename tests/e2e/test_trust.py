import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login_as
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_citizen_exports_data_then_deletes_account(page, live_server, axe, citizen, monkeypatch):
    from frivillig.core import pdf, tasks
    from frivillig.core.models import Document

    # Hold the PDF back (as a busy worker would) to see the page while it is being prepared.
    monkeypatch.setattr(tasks.render_document, "delay", lambda document_id: None)
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/konto/")
    axe(page)
    page.get_by_role("link", name="Mine data: hent eller slet").click()
    axe(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent som JSON").click()
    data = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert data["profile"]["email"] == citizen.email
    page.get_by_role("button", name="Lav en PDF").click()
    expect(page.get_by_text("Dokumentet er under udarbejdelse")).to_be_visible()
    axe(page)
    pdf.render(Document.objects.get(kind="accounts.my_data").pk)  # the worker gets to it
    expect(page.get_by_role("link", name="Hent PDF")).to_be_visible(timeout=10_000)  # the page refreshes itself
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Hent PDF").click()
    assert open(pdf_download.value.path(), "rb").read(5) == b"%PDF-"
    axe(page)
    page.goto(live_server.url + "/konto/mine-data/")
    page.get_by_role("link", name=re.compile("Se, hvad der sker")).click()
    expect(page.get_by_text("Dit navn, din e-mail og dit telefonnummer fjernes")).to_be_visible()
    axe(page)
    page.get_by_label("Din adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Slet min bruger").click()
    expect(page.get_by_text("Din bruger er slettet")).to_be_visible()
    axe(page)
    page.goto(live_server.url + "/konto/login/")
    page.get_by_label("E-mail").fill("citizen@example.dk")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_text("Den angivne e-mailadresse og/eller adgangskode er ikke korrekt")).to_be_visible()


def test_culture_department_is_led_to_set_up_a_second_factor(page, live_server, axe, culture_admin, settings):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/")
    expect(page.get_by_text("Din rolle kræver totrinsbekræftelse")).to_be_visible()
    axe(page)
    if "/reauthenticate/" in page.url:  # allauth asks for the password before changing second factors
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", name="Aktiver autentificeringsapp")).to_be_visible()
    axe(page)
    secret = page.get_by_label("Autentificeringshemmelighed").input_value()
    for attempt in range(2):
        code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
        page.get_by_label("Autentificeringskode").fill(code)
        page.get_by_role("button", name="Aktiver").click()
        try:  # wait for the answer to the activation before going on
            expect(page).not_to_have_url(re.compile(r"/totp/activate/"), timeout=10_000)
            break
        except AssertionError:
            if attempt:  # not a 30-second window that turned between reading the code and sending it
                raise
    axe(page)
    page.goto(live_server.url + "/medarbejder/")
    assert page.url.endswith("/medarbejder/")
    axe(page)


def test_pages_run_under_the_real_content_security_policy(browser, live_server, citizen):
    """The other e2e tests bypass the CSP to inject axe-core; here the browser enforces it and reports every
    violation (axe runs on these pages in the other tests)."""
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    problems = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        login_as(page, live_server, citizen)
        for path in ["/", "/opgaver/", "/puljer/", "/hoeringer/", "/konto/", "/konto/mine-data/", "/konto/slet/"]:
            page.goto(live_server.url + path)
            page.wait_for_load_state("load")
            problems += [f"{path}: {v}" for v in page.evaluate("window.__csp")]
    finally:
        context.close()
    assert problems == []
