"""Forms and the task search as a keyboard, screen-reader and phone user meets them."""

import re

import pytest
from playwright.sync_api import expect

from taskbank.models import SavedSearch
from tests.e2e.conftest import login_as
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tasks(institution, institution_staff):
    for i, (title, town) in enumerate([("Højtlæsning for beboere", "holte"), ("Læseklub i Nærum", "naerum"),
                                       ("Læsning i Birkerød", "birkeroed")]):
        TaskFactory(institution=institution, contact=institution_staff, title=title, town=town,
                    summary=f"Læsning og samtale nr. {i}.", target_groups=["everyone"])


def test_after_a_failed_submit_focus_is_on_the_error_summary(page, live_server, axe, citizen, tasks):
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/opgaver/")
    page.get_by_role("link", name="Højtlæsning for beboere").click()
    page.get_by_role("link", name="Søg opgaven").click()
    page.get_by_role("button", name="Send ansøgning").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    # The summary has focus, so a screen reader reads the errors first, and links lead to the fields.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    axe(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.tagName") in {"TEXTAREA", "INPUT", "SELECT"}


def test_on_a_phone_the_results_come_before_the_filters(page, live_server, axe, tasks):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/opgaver/")
    toggle = page.get_by_text("Filtrér opgaver")
    expect(toggle).to_be_visible()
    expect(page.get_by_label(re.compile("^By"))).to_be_hidden()
    first = page.locator("#task-results .card").first
    assert first.bounding_box()["y"] < 640, "the first result is below the first screen"
    axe(page)
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label(re.compile("^By"))).to_be_visible()
    axe(page)


def test_without_javascript_the_filters_are_open(browser, live_server, tasks):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/opgaver/")
        expect(page.get_by_label(re.compile("^By"))).to_be_visible()
    finally:
        context.close()


def test_save_search_saves_what_the_live_filter_shows(page, live_server, axe, citizen, tasks):
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/opgaver/?q=l%C3%A6sning")
    page.get_by_label(re.compile("^By")).select_option("holte")
    page.wait_for_url(re.compile("by=holte"))
    expect(page.locator("#task-results .card")).to_have_count(1)
    page.get_by_label("Navn på søgningen").fill("Læsning i Holte")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem søgningen").click()
    axe(page)
    saved = SavedSearch.objects.get(user=citizen)
    assert "by=holte" in saved.query and "q=l%C3%A6sning" in saved.query
