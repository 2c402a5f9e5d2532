import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/", "/tilgaengelighed/", "/privatliv/", "/findes-ikke/"])
def test_static_pages_pass_axe(page, live_server, axe, path):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    axe(page)


def test_keyboard_skip_link_reaches_main_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Gå til sidens indhold"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_switch_to_english_and_back(page, live_server):
    page.goto(live_server.url + "/tilgaengelighed/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")


def test_english_translation_of_the_layout(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)
    expect(page.get_by_role("heading", name="Volunteering in Rudersdal")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Tasks")).to_be_visible()
