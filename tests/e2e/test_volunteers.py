"""Issue 25 end to end at 320 px, with axe on every page and the keyboard for the forms: a citizen fills her
profile and consents, sees "Opgaver til dig"; staff find her by competence and invite her; she says yes and the
application is accepted; she withdraws consent and no staff persona can find or open her profile any more."""

import pytest

from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 640}


def tick(page, label, exact=True):
    """Tick a checkbox the way a keyboard user does: focus it, press Space."""
    box = page.get_by_label(label, exact=exact)
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()


def press(page, button):
    page.get_by_role("button", name=button, exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_profile_find_invite_yes_and_withdraw(page, live_server, axe, citizen, institution, institution_staff,
                                              other_institution_staff):
    from tests.taskbank.factories import TaskFactory

    TaskFactory(institution=institution, contact=institution_staff, title="IT-hjælp på plejecentret",
                competences=["it"], area="elderly", town="holte", schedule="lørdage kl. 10-12")
    page.set_viewport_size(PHONE)

    # The citizen fills her profile and consents, with the keyboard.
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/frivillig/profil/")
    axe(page)
    tick(page, "IT og teknik")
    tick(page, "Holte")
    tick(page, "Weekender")
    page.locator("textarea[name=can_do]").focus()
    page.keyboard.type("Jeg hjælper ældre med tablets.")
    press(page, "Gem profilen")
    assert page.get_by_text("Din profil er gemt.").is_visible()
    axe(page)
    tick(page, "Ja, medarbejdere må finde min profil og invitere mig til opgaver", exact=False)
    press(page, "Ja, I må finde mig")
    assert page.get_by_text("Medarbejdere kan nu finde dig").is_visible()
    axe(page)

    page.goto(live_server.url + "/frivillig/opgaver-til-dig/")
    assert page.get_by_role("link", name="IT-hjælp på plejecentret").is_visible()
    assert page.get_by_text("IT og teknik · Holte · weekender").is_visible()
    axe(page)

    # Staff of the institution find her by competence and invite her.
    login_as(page, live_server, institution_staff)
    page.goto(live_server.url + "/medarbejder/find-frivillige/")
    axe(page)
    page.locator("select[name=kompetence]").select_option("it")
    press(page, "Søg")
    axe(page)
    page.get_by_role("link", name=citizen.full_name).click()
    page.wait_for_load_state()
    assert citizen.email not in page.content()
    axe(page)
    page.locator("select[name=task]").select_option(label="IT-hjælp på plejecentret")
    page.locator("textarea[name=message]").focus()
    page.keyboard.type("Vi mangler netop dig til tablet-hjælp.")
    tick(page, "Optag hende direkte, hvis hun siger ja")
    press(page, "Send invitationen")
    assert page.get_by_text("Invitationen er sendt.").is_visible()
    axe(page)

    # She says yes: the application appears accepted.
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/frivillig/opgaver-til-dig/")
    page.get_by_role("link", name="IT-hjælp på plejecentret").first.click()
    page.wait_for_load_state()
    axe(page)
    press(page, "Ja tak")
    axe(page)
    page.get_by_role("link", name="Se din ansøgning").click()
    page.wait_for_load_state()
    assert page.get_by_text("Optaget").first.is_visible()
    axe(page)

    # She withdraws consent; no staff persona can find or open her profile any more.
    page.goto(live_server.url + "/frivillig/profil/")
    press(page, "Træk mit ja tilbage")
    assert page.get_by_text("Ingen medarbejder kan finde din profil længere.").is_visible()
    axe(page)
    from volunteers.models import Profile

    profile_url = live_server.url + Profile.objects.get(user=citizen).get_staff_url()
    for staff in (institution_staff, other_institution_staff):
        login_as(page, live_server, staff)
        page.goto(live_server.url + "/medarbejder/find-frivillige/")
        assert citizen.full_name not in page.content()
        assert page.goto(profile_url).status == 404
