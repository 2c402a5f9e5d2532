"""The task list is shared between anonymous visitors (frivillig/core/pagecache.py): what must hold is that
nobody ever sees a stale task list after a change, another person's page, or the wrong language."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from frivillig.core.pagecache import HEADER
from taskbank import services
from taskbank.models import Task

from .factories import ApplicationFactory, TaskFactory

pytestmark = pytest.mark.django_db


def anonymous_get(path="/opgaver/", **extra):
    return Client().get(path, **extra)


def test_second_anonymous_visitor_gets_the_same_page_from_the_cache_without_cookies(task):
    first = anonymous_get()
    second = anonymous_get()
    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert second.content == first.content and task.title in second.content.decode()
    # Nothing personal on the shared page: no CSRF cookie, no session cookie, no token in the HTML.
    assert not first.cookies and not second.cookies
    assert "csrfmiddlewaretoken" not in second.content.decode()
    # The cached page still gets the security headers of a fresh response.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"
    # A proxy in front must still keep signed-in visitors' pages apart.
    assert "Cookie" in second["Vary"] and "Accept-Language" in second["Vary"]


def test_a_newly_published_task_is_on_the_next_anonymous_page_at_once(task, institution, institution_staff):
    assert anonymous_get()[HEADER] == "miss"
    assert anonymous_get()[HEADER] == "hit"
    TaskFactory(institution=institution, contact=institution_staff, title="Naturpleje i Rude Skov")
    page = anonymous_get()
    assert page[HEADER] == "miss" and "Naturpleje i Rude Skov" in page.content.decode()
    searched = anonymous_get("/opgaver/?q=naturpleje")
    assert "<mark>Naturpleje</mark> i Rude" in searched.content.decode()  # the matched word highlighted


def test_a_task_filled_to_the_last_place_leaves_the_cached_list(task, institution_staff, citizen):
    assert task.title in anonymous_get().content.decode()
    assert anonymous_get()[HEADER] == "hit"
    services.accept(actor=institution_staff, application=ApplicationFactory(task=task, applicant=citizen))
    task.refresh_from_db()
    assert task.status == Task.Status.FILLED
    assert task.title not in anonymous_get().content.decode()


def test_a_renamed_institution_shows_at_once(task, institution):
    anonymous_get()
    institution.name = "Plejecenter Sjælsø"
    institution.save()
    assert "Plejecenter Sjælsø" in anonymous_get().content.decode()


def test_signed_in_visitors_are_never_served_or_stored_as_the_anonymous_page(client, task, citizen):
    client.force_login(citizen)
    mine = client.get("/opgaver/?q=h%C3%B8jtl%C3%A6sning")
    assert mine[HEADER] == "personal-miss" and "Anna Andersen" in mine.content.decode()
    assert client.get("/opgaver/?q=h%C3%B8jtl%C3%A6sning")[HEADER] == "personal-hit"
    shared = anonymous_get("/opgaver/?q=h%C3%B8jtl%C3%A6sning")
    assert shared[HEADER] == "miss" and "Anna Andersen" not in shared.content.decode()
    again = client.get("/opgaver/?q=h%C3%B8jtl%C3%A6sning")
    assert again[HEADER] == "personal-hit" and "Anna Andersen" in again.content.decode()


def test_pending_messages_are_shown_to_their_visitor_only(client, task, citizen):
    client.force_login(citizen)
    client.post("/konto/logout/")
    page = client.get("/opgaver/")
    assert HEADER not in page and 'class="portal-messages"' in page.content.decode()
    assert 'class="portal-messages"' not in anonymous_get().content.decode()


def test_each_language_has_its_own_cached_page(task):
    assert "Find en frivillig opgave" in anonymous_get().content.decode()
    english = anonymous_get(HTTP_ACCEPT_LANGUAGE="en")
    assert english[HEADER] == "miss" and "Find a volunteer task" in english.content.decode()
    assert "Find a volunteer task" in anonymous_get(HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Find en frivillig opgave" in anonymous_get().content.decode()


def test_the_live_filter_fragment_and_the_full_page_are_cached_apart(task):
    fragment = anonymous_get("/opgaver/?omraade=elderly", HTTP_X_REQUESTED_WITH="fetch")
    full = anonymous_get("/opgaver/?omraade=elderly")
    assert "<html" not in fragment.content.decode() and "<html" in full.content.decode()
    assert full[HEADER] == "miss"


def test_language_switch_works_without_a_token_and_only_redirects_to_this_site():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/i18n/setlang/", {"language": "en", "next": "/opgaver/"})
    assert response.status_code == 302 and response["Location"] == "/opgaver/"
    assert "Find a volunteer task" in browser.get("/opgaver/").content.decode()
    outside = browser.post("/i18n/setlang/", {"language": "da", "next": "https://evil.example/"})
    assert outside.status_code == 302 and "evil.example" not in outside["Location"]


def test_signed_in_visitors_share_only_the_list_fragments_and_see_changes_at_once(client, task, citizen, other_citizen,
                                                                                 institution, institution_staff):
    client.force_login(citizen)
    assert task.title in client.get("/opgaver/?by=holte").content.decode()
    other = Client()
    other.force_login(other_citizen)
    page = other.get("/opgaver/?by=holte").content.decode()
    assert task.title in page and "Bo Bertelsen" in page and "Anna Andersen" not in page
    TaskFactory(institution=institution, contact=institution_staff, title="Lektiehjælp i Holte", town="holte")
    page = client.get("/opgaver/?by=holte").content.decode()
    assert "Lektiehjælp i Holte" in page and "2 opgaver fundet" in page


def test_a_value_holding_an_ampersand_does_not_share_a_key_with_a_real_query(task):
    """Pen-test row 9: the key was the query joined with "&" and "=" unescaped, so one value could spell another
    query and serve its page."""
    from django.test import RequestFactory

    from frivillig.core.pagecache import _page_key

    factory = RequestFactory()
    smuggled = factory.get("/opgaver/?by=holte%26timer%3D8%26zz%3DT")
    real = factory.get("/opgaver/?by=holte&timer=8&zz=T")
    assert _page_key("taskbank", smuggled) != _page_key("taskbank", real)
    assert _page_key("taskbank", factory.get("/opgaver/?b=2&a=1")) == _page_key("taskbank", factory.get("/opgaver/?a=1&b=2"))
    assert anonymous_get("/opgaver/?by=holte%26timer%3D8%26zz%3DT")[HEADER] == "miss"
    assert anonymous_get("/opgaver/?by=holte&timer=8&zz=T")[HEADER] == "miss"


def test_signed_in_people_share_the_page_but_each_sees_only_their_own_name_link_and_token(task, citizen, other_citizen,
                                                                                         institution_staff):
    """The signed-in page cache: one rendering serves everyone signed in, with the personal parts filled in for
    each request; nobody sees another person's name, staff link or CSRF token, and a change shows at once."""
    anna, bo, staff = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True), Client()
    anna.force_login(citizen)
    bo.force_login(other_citizen)
    staff.force_login(institution_staff)
    first = anna.get("/opgaver/?by=holte")
    second = bo.get("/opgaver/?by=holte")
    third = staff.get("/opgaver/?by=holte")
    assert first[HEADER] == "personal-miss" and second[HEADER] == "personal-hit" and third[HEADER] == "personal-hit"
    anna_page, bo_page, staff_page = (r.content.decode() for r in (first, second, third))
    assert "Anna Andersen" in anna_page and "Bo Bertelsen" not in anna_page
    assert "Bo Bertelsen" in bo_page and "Anna Andersen" not in bo_page
    assert "Signe Skovly" in staff_page and "Bo Bertelsen" not in staff_page and "Anna Andersen" not in staff_page
    assert "/medarbejder/" in staff_page and "/medarbejder/" not in bo_page  # the staff link is the person's own
    assert task.title in bo_page and "<!--personal:" not in bo_page
    assert first["Cache-Control"] == "no-store" and second["Cache-Control"] == "no-store"
    # Bo's page carries Bo's own token: his sign-out form works (a token of someone else's would be refused).
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', bo_page).group(1)
    assert bo.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert "Bo Bertelsen" not in bo.get("/opgaver/?by=holte").content.decode()
    # A change to a task shows on the next signed-in page at once.
    TaskFactory(institution=task.institution, contact=task.contact, title="Lektiehjælp i Holte", town="holte")
    page = anna.get("/opgaver/?by=holte")
    assert "Lektiehjælp i Holte" in page.content.decode() and page[HEADER] == "personal-miss"


def test_a_signed_in_persons_pending_message_is_shown_to_them_and_never_cached(task, citizen, other_citizen):
    anna = Client()
    anna.force_login(citizen)
    bo = Client()
    bo.force_login(other_citizen)
    bo.get("/opgaver/")
    saved = "Søgningen er gemt"
    anna.post(reverse("taskbank:save_search"), {"name": "Holte", "query": ""})  # a message for Anna's next page
    page = anna.get("/opgaver/")
    assert saved in page.content.decode() and page.get(HEADER) is None
    assert saved not in bo.get("/opgaver/").content.decode()
    again = anna.get("/opgaver/")
    assert saved not in again.content.decode() and again[HEADER] == "personal-hit"  # shown once


def test_a_role_granted_or_removed_changes_the_staff_link_on_the_next_shared_page(task, citizen, institution):
    from frivillig.accounts.models import Role, RoleAssignment

    anna = Client()
    anna.force_login(citizen)
    assert "/medarbejder/" not in anna.get("/opgaver/").content.decode()
    role = RoleAssignment.objects.create(user=citizen, role=Role.INSTITUTION_STAFF, organisation=institution)
    page = anna.get("/opgaver/")
    assert page[HEADER] == "personal-hit" and "/medarbejder/" in page.content.decode()
    role.delete()
    assert "/medarbejder/" not in anna.get("/opgaver/").content.decode()
