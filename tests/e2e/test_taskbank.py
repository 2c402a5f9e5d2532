import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from taskbank.models import TaskApplication
from tests.e2e.conftest import login_as
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tasks(institution, institution_staff, other_institution):
    reading = TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere",
                          summary="Læs avis og noveller højt – læsning giver gode stunder.", town="holte",
                          target_groups=["new_pensioners", "seniors"], volunteers_wanted=1)
    TaskFactory(institution=institution, contact=institution_staff, title="Læseklub i Nærum",
                summary="Læsning og samtale om bøger.", town="naerum", target_groups=["everyone"])
    TaskFactory(institution=other_institution, title="Naturpleje", summary="Ryd opvækst i skoven.",
                town="troeroed", target_groups=["families"])
    return reading


def test_citizen_finds_applies_and_is_accepted(page, live_server, axe, tasks, citizen, institution_staff,
                                               other_institution_staff):
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/opgaver/")
    axe(page)
    page.get_by_label(re.compile("^Søg efter opgaver")).fill("læsning")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.wait_for_url(re.compile(r"q=l%C3%A6sning"))
    expect(page.get_by_role("link", name="Højtlæsning for beboere")).to_be_visible()
    expect(page.get_by_role("link", name="Læseklub i Nærum")).to_be_visible()
    axe(page)
    # with JavaScript the list updates as the filters change, and the URL follows
    page.get_by_label(re.compile("^By")).select_option("holte")
    page.wait_for_url(re.compile("by=holte"))
    page.get_by_label(re.compile("^Passer til")).select_option("new_pensioners")
    page.wait_for_url(re.compile("maalgruppe=new_pensioners"))
    expect(page.locator("#task-results .card")).to_have_count(1)
    axe(page)
    page.get_by_role("link", name="Højtlæsning for beboere").click()
    expect(page.get_by_text("Der søges 1 frivillig")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Søg opgaven").click()
    axe(page)
    page.get_by_label("Fortæl kort om dig selv").fill("Jeg har læst højt for mine børnebørn i mange år.")
    page.get_by_label("Hvornår kan du?").fill("Tirsdage og torsdage")
    page.get_by_role("button", name="Send ansøgning").click()
    expect(page.get_by_text("Tak for din ansøgning")).to_be_visible()
    axe(page)
    assert any(m.to == [citizen.email] and m.subject.startswith("Vi har modtaget din ansøgning") for m in mail.outbox)
    application = TaskApplication.objects.get()

    # staff of another institution cannot open it
    login_as(page, live_server, other_institution_staff)
    response = page.goto(live_server.url + application.get_staff_url())
    assert response.status == 404

    login_as(page, live_server, institution_staff)
    page.goto(live_server.url + "/medarbejder/opgaver/")
    axe(page)
    page.get_by_role("link", name=re.compile("Anna Andersen – Højtlæsning")).click()
    axe(page)
    page.get_by_role("button", name="Optag ansøgeren").click()
    expect(page.get_by_text("Ansøgeren er optaget")).to_be_visible()
    axe(page)

    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/opgaver/mine-ansoegninger/")
    expect(page.get_by_text("Optaget")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Højtlæsning for beboere").click()
    expect(page.get_by_text("Du er optaget som frivillig")).to_be_visible()
    axe(page)


def test_pages_without_login_pass_axe(page, live_server, axe, tasks):
    for path in ["/ideer/", "/arrangementer/", "/opgaver/?q=faldskærm"]:
        page.goto(live_server.url + path)
        axe(page)


def test_search_says_did_you_mean_and_highlights_why_a_task_matched(page, live_server, axe, tasks):
    page.goto(live_server.url + "/opgaver/")
    page.get_by_label(re.compile("^Søg efter opgaver")).fill("hoejtlaesnig")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.wait_for_url(re.compile(r"q=hoejtlaesnig"))
    suggestion = page.locator(".search-suggestion")
    expect(suggestion).to_contain_text("Mente du")
    expect(page.get_by_role("link", name="Højtlæsning for beboere")).to_be_visible()
    expect(page.locator("#task-results mark").first).to_be_visible()
    axe(page)
    suggestion.get_by_role("link").click()
    page.wait_for_url(re.compile(r"q=h%C3%B8jtl%C3%A6sning"))
    expect(page.locator("#task-results h3 mark").first).to_have_text(re.compile("Højtlæsning", re.I))
    axe(page)
