"""Search in a real browser: what the portal understood is shown and never carried into the next search (issue 27),
and a word the Culture department adds to the vocabulary is used by the next search (issue 28)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import check_reflow, login_as
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 640}


@pytest.fixture
def tasks(institution, institution_staff, other_institution):
    TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere",
                summary="Læs avisen højt.", town="holte")
    TaskFactory(institution=other_institution, title="Lektiehjælp for 4. klasse", summary="Hjælp elever med lektier.",
                town="naerum")
    TaskFactory(institution=institution, contact=institution_staff, title="Besøgsven for en beboer",
                summary="Kom fast hos en beboer.", town="birkeroed")


def search_box(page):
    box = page.get_by_label(re.compile("^Søg efter opgaver"))
    if not box.is_visible():  # on a phone the filters are folded behind one button
        page.get_by_role("button", name="Filtrér opgaver").click()
    return box


def test_on_a_phone_a_town_searched_is_not_kept_in_the_next_search(page, live_server, axe, tasks):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/opgaver/")
    box = search_box(page)
    box.fill("Holte")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=Holte"))
    understood = page.locator(".search-understood")
    expect(understood).to_contain_text("By: Holte")
    expect(page.get_by_role("link", name="Højtlæsning for beboere")).to_be_visible()
    axe(page)
    check_reflow(page)
    box = search_box(page)
    box.fill("lektiehjælp")  # the live filter fetches the results as the person types
    expect(page.get_by_role("link", name="Lektiehjælp for 4. klasse")).to_be_visible()
    expect(page.locator(".results-count")).to_have_text("1 opgave fundet")
    expect(page.locator(".search-understood")).to_have_count(0)
    expect(page.locator("#id_by")).to_have_value("")
    axe(page)


def test_a_choice_read_from_the_words_is_removed_with_its_button(page, live_server, axe, tasks):
    page.goto(live_server.url + "/opgaver/?q=lektiehj%C3%A6lp+i+Birker%C3%B8d")
    expect(page.locator(".results-count")).to_have_text("0 opgaver fundet")
    page.get_by_role("link", name=re.compile("Kun i Birkerød")).click()
    page.wait_for_url(re.compile(r"q=lektiehj%C3%A6lp$"))
    expect(page.get_by_role("link", name="Lektiehjælp for 4. klasse")).to_be_visible()
    axe(page)


def test_a_synonym_added_on_the_staff_page_is_used_by_the_next_search(page, live_server, axe, tasks, culture_admin):
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/opgaver/?q=hyggeven")
    expect(page.locator(".results-count")).to_have_text("0 opgaver fundet")
    page.goto(live_server.url + "/medarbejder/")
    page.get_by_role("link", name="Søgningens ordforråd").click()
    axe(page)
    page.get_by_label("Ord, der betyder det samme").check()
    page.get_by_label("Ord eller begreb").fill("hyggeven")
    page.get_by_label("Dækker også").fill("besøgsven, selskab")
    page.get_by_role("button", name="Tilføj").click()
    expect(page.get_by_text("Ordet er tilføjet")).to_be_visible()
    expect(page.get_by_role("link", name="hyggeven")).to_be_visible()
    expect(page.get_by_role("cell", name="Tilføjet")).to_be_visible()  # the audit trail
    axe(page)
    page.goto(live_server.url + "/opgaver/?q=hyggeven")
    expect(page.get_by_role("link", name="Besøgsven for en beboer")).to_be_visible()
