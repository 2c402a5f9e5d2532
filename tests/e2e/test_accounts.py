import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.conftest import login_as
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_signup_with_email_verification_then_login(page, live_server, axe):
    page.goto(live_server.url + "/")
    axe(page)
    page.get_by_role("link", name="Opret bruger").click()
    axe(page)
    page.get_by_label("Dit navn").fill("Birgit Birkerød")
    page.get_by_label("E-mail").fill("birgit@example.dk")
    page.get_by_label("Adgangskode", exact=True).fill("en-lang-og-god-adgangskode")
    page.get_by_label("Adgangskode (igen)").fill("en-lang-og-god-adgangskode")
    page.get_by_label(re.compile("privatlivserklæringen")).check()
    page.get_by_role("button", name="Opret bruger").click()
    page.wait_for_url(re.compile("/konto/confirm-email/"))
    axe(page)
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(live_server.url + link.split("/konto/", 1)[1].join(["/konto/", ""]))
    axe(page)
    page.get_by_role("button", name="Bekræft").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.get_by_role("link", name="Birgit Birkerød")).to_be_visible()
    page.get_by_role("button", name="Log ud").click()
    page.get_by_role("link", name="Log ind").first.click()
    axe(page)
    page.get_by_label("E-mail").fill("birgit@example.dk")
    page.get_by_label("Adgangskode").fill("en-lang-og-god-adgangskode")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.get_by_role("link", name="Birgit Birkerød")).to_be_visible()


def test_wrong_password_is_explained_in_danish(page, live_server, citizen, axe):
    page.goto(live_server.url + "/konto/login/")
    page.get_by_label("E-mail").fill(citizen.email)
    page.get_by_label("Adgangskode").fill("forkert-" + PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_text("Den angivne e-mailadresse og/eller adgangskode er ikke korrekt")).to_be_visible()
    assert page.get_by_label("E-mail").input_value() == citizen.email
    axe(page)


def test_culture_admin_grants_institution_role(page, live_server, culture_admin, citizen, institution, axe):
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/")
    axe(page)
    page.get_by_role("link", name="Brugere og roller").click()
    axe(page)
    page.get_by_label("Brugerens e-mail").fill(citizen.email)
    page.get_by_label("Rolle").select_option("institution_staff")
    page.get_by_label("Organisation").select_option(label=institution.name)
    page.get_by_role("button", name="Tildel rolle").click()
    expect(page.get_by_text("Rollen er tildelt Anna Andersen")).to_be_visible()
    axe(page)
    assert citizen.roles.filter(role="institution_staff", organisation=institution).exists()


def test_password_reset_by_email(page, live_server, citizen, axe):
    page.goto(live_server.url + "/konto/login/")
    page.get_by_role("link", name=re.compile("Glemt")).click()
    axe(page)
    page.get_by_label("E-mail").fill(citizen.email)
    page.get_by_role("button", name=re.compile("Nulstil")).click()
    axe(page)
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+(/konto/password/reset/key/\S+/)", mail.outbox[0].body).group(1)
    page.goto(live_server.url + link)
    page.wait_for_url(re.compile("/konto/password/reset/key/"))
    axe(page)
    page.get_by_label("Ny adgangskode", exact=True).fill("helt-ny-adgangskode-2026")
    page.get_by_label("Ny adgangskode (igen)").fill("helt-ny-adgangskode-2026")
    page.get_by_role("button", name="Skift adgangskode").click()
    axe(page)
    page.goto(live_server.url + "/konto/login/")
    page.get_by_label("E-mail").fill(citizen.email)
    page.get_by_label("Adgangskode").fill("helt-ny-adgangskode-2026")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(live_server.url + "/")
