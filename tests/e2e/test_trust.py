import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login_as
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_citizen_exports_data_then_deletes_account(page, live_server, axe, citizen):
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
    expect(page.get_by_role("link", name="Hent PDF")).to_be_visible()
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
    expect(page.get_by_text("Den angivne emailadresse og/eller adgangskode er ikke korrekt")).to_be_visible()
