import re

import pytest
from playwright.sync_api import expect

from policy.seed import load_reference
from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def policy_content():
    load_reference()


def test_citizen_reads_policy_and_searches_toolbox(page, live_server, axe, policy_content):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Politik").click()
    expect(page.get_by_text("Det er enkelt at være frivillig i Rudersdal Kommune.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Folkeoplysning").click()
    axe(page)
    page.get_by_role("link", name="Værktøjskasse", exact=True).click()
    axe(page)
    page.get_by_label("Emne").select_option("child_certificates")
    page.wait_for_url(re.compile("emne=child_certificates"))
    expect(page.get_by_role("link", name="Børneattest: hvornår skal der indhentes en?")).to_be_visible()
    axe(page)
    page.get_by_label("Søg i politik, guide og værktøjskasse").fill("forsikringer")
    page.get_by_role("button", name="Søg", exact=True).click()
    first = page.locator(".search-results li a").first
    expect(first).to_have_text("Forsikring: er jeg dækket, når jeg er frivillig?")
    expect(page.locator(".search-results mark").first).to_be_visible()
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
    expect(page.get_by_text("Ændringen er gemt")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Se tidligere versioner").click()
    axe(page)
    rows = page.locator("tbody tr")
    assert rows.count() == 2
    assert "Karin Kultur" in rows.first.inner_text()
    rows.last.get_by_role("link").click()
    expect(page.get_by_text("har tavshedspligt – også efter opgaven er slut", exact=False).first).to_be_visible()
    axe(page)
    page.goto(live_server.url + "/politik/vaerktoejskasse/tavshedspligt/")
    expect(page.get_by_text("Frivillige har tavshedspligt om alt fortroligt")).to_be_visible()


def test_citizen_cannot_reach_staff_workspace(page, live_server, citizen):
    login_as(page, live_server, citizen)
    response = page.goto(live_server.url + "/medarbejder/politik/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Du har ikke adgang til denne side")).to_be_visible()


def test_culture_department_replaces_example_text_from_the_list_on_a_phone(page, live_server, axe, policy_content,
                                                                          culture_admin):
    """The staff list of example texts at 320 px: follow an item to its edit page, save the department's own text,
    and the item leaves the list and its public page loses the marker."""
    marker = "Eksempeltekst — skal erstattes af kommunens egen tekst"
    page.set_viewport_size({"width": 320, "height": 640})
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/")
    page.get_by_role("link", name="Eksempeltekster").first.click()
    expect(page.get_by_role("heading", name="Eksempeltekster", level=1)).to_be_visible()
    expect(page.get_by_text("22 tekster er stadig eksempeltekst.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Skriv kommunens egen tekst – Tavshedspligt for frivillige").click()
    expect(page.get_by_text(marker)).to_be_visible()
    axe(page)
    page.get_by_label("Kort svar").fill("Frivillige har tavshedspligt efter kommunens egne retningslinjer.")
    page.get_by_label("Uddybning").fill("Tavshedspligten gælder også efter, at opgaven er slut.")  # each text its own
    page.get_by_role("button", name="Gem ændringer").click()
    expect(page.get_by_text("Ændringen er gemt")).to_be_visible()
    assert page.get_by_text(marker).count() == 0
    page.goto(live_server.url + "/medarbejder/politik/eksempeltekster/")
    expect(page.get_by_text("21 tekster er stadig eksempeltekst.")).to_be_visible()
    assert page.get_by_role("link", name="Skriv kommunens egen tekst – Tavshedspligt for frivillige").count() == 0
    axe(page)
    page.goto(live_server.url + "/politik/vaerktoejskasse/tavshedspligt/")
    assert page.get_by_text(marker).count() == 0
    axe(page)
    page.goto(live_server.url + "/politik/vaerktoejskasse/forsikring-af-frivillige/")
    expect(page.get_by_text(marker)).to_be_visible()
    axe(page)
