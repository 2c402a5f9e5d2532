import re

import pytest

from policy.seed import load_reference
from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def policy_content():
    load_reference()


def test_citizen_reads_policy_and_searches_toolbox(page, live_server, axe, policy_content):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Politik").click()
    assert page.get_by_text("Det er enkelt at være frivillig i Rudersdal Kommune.").is_visible()
    axe(page)
    page.get_by_role("link", name="Folkeoplysning").click()
    axe(page)
    page.get_by_role("link", name="Værktøjskasse", exact=True).click()
    axe(page)
    page.get_by_label("Emne").select_option("child_certificates")
    page.wait_for_url(re.compile("emne=child_certificates"))
    assert page.get_by_role("link", name="Børneattest: hvornår skal der indhentes en?").is_visible()
    axe(page)
    page.get_by_label("Søg i politik, guide og værktøjskasse").fill("forsikringer")
    page.get_by_role("button", name="Søg", exact=True).click()
    first = page.locator(".search-results li a").first
    assert first.inner_text() == "Forsikring: er jeg dækket, når jeg er frivillig?"
    assert page.locator(".search-results mark").first.is_visible()
    axe(page)
    first.click()
    axe(page)


def test_culture_department_edits_toolbox_item_and_sees_previous_revision(page, live_server, axe, policy_content,
                                                                          culture_admin):
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/")
    page.get_by_role("main").get_by_role("link", name="Frivillighedspolitikken").click()
    axe(page)
    page.get_by_role("link", name="Redigér Tavshedspligt for frivillige").click()
    axe(page)
    page.get_by_label("Kort svar").fill("Frivillige har tavshedspligt om alt fortroligt, de hører om borgere.")
    page.get_by_role("button", name="Gem ændringer").click()
    assert page.get_by_text("Ændringen er gemt").is_visible()
    axe(page)
    page.get_by_role("link", name="Se tidligere versioner").click()
    axe(page)
    rows = page.locator("tbody tr")
    assert rows.count() == 2
    assert "Karin Kultur" in rows.first.inner_text()
    rows.last.get_by_role("link").click()
    assert page.get_by_text("har tavshedspligt – også efter opgaven er slut", exact=False).first.is_visible()
    axe(page)
    page.goto(live_server.url + "/politik/vaerktoejskasse/tavshedspligt/")
    assert page.get_by_text("Frivillige har tavshedspligt om alt fortroligt").is_visible()


def test_citizen_cannot_reach_staff_workspace(page, live_server, citizen):
    login_as(page, live_server, citizen)
    response = page.goto(live_server.url + "/medarbejder/politik/")
    assert response.status == 403
    assert page.get_by_role("heading", name="Du har ikke adgang til denne side").is_visible()
