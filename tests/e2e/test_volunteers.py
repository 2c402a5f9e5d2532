"""Issue 25 end to end at 320 px, with axe on every page and the keyboard for the forms: a citizen fills her
profile and consents, sees "Opgaver til dig"; staff find her by competence and invite her; she says yes and the
application is accepted; she withdraws consent and no staff persona can find or open her profile any more."""

import pytest
from playwright.sync_api import expect

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
    expect(page.get_by_text("Din profil er gemt.")).to_be_visible()
    axe(page)
    tick(page, "Ja, medarbejdere må finde min profil og invitere mig til opgaver", exact=False)
    press(page, "Ja, I må finde mig")
    expect(page.get_by_text("Medarbejdere kan nu finde dig")).to_be_visible()
    axe(page)

    page.goto(live_server.url + "/frivillig/opgaver-til-dig/")
    expect(page.get_by_role("link", name="IT-hjælp på plejecentret")).to_be_visible()
    expect(page.get_by_text("IT og teknik · Holte · weekender")).to_be_visible()
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
    tick(page, "Optag direkte ved et ja")
    press(page, "Send invitationen")
    expect(page.get_by_text("Invitationen er sendt.")).to_be_visible()
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
    expect(page.get_by_text("Optaget").first).to_be_visible()
    axe(page)

    # She withdraws consent; no staff persona can find or open her profile any more.
    page.goto(live_server.url + "/frivillig/profil/")
    press(page, "Træk mit ja tilbage")
    expect(page.get_by_text("Ingen medarbejder kan finde din profil længere.")).to_be_visible()
    axe(page)
    from volunteers.models import Profile

    profile_url = live_server.url + Profile.objects.get(user=citizen).get_staff_url()
    for staff in (institution_staff, other_institution_staff):
        login_as(page, live_server, staff)
        page.goto(live_server.url + "/medarbejder/find-frivillige/")
        assert citizen.full_name not in page.content()
        assert page.goto(profile_url).status == 404


@pytest.fixture
def host_pages(tmp_path):
    """Two plain HTML sites on other local origins (127.0.0.1:<port>), as a host's editors would paste the snippet."""
    import functools
    import http.server
    import threading

    servers = []

    def serve(html):
        folder = tmp_path / str(len(servers))
        folder.mkdir()
        (folder / "index.html").write_text(html, encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()


def test_the_embed_snippet_shows_filtered_tasks_on_an_allowed_site_only(page, live_server, axe, culture_admin,
                                                                        institution, institution_staff, host_pages):
    import html
    import re

    from tests.taskbank.factories import TaskFactory

    TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning i Holte", town="holte")
    TaskFactory(institution=institution, contact=institution_staff, title="Lektiecafé i Nærum", town="naerum")
    page.set_viewport_size(PHONE)
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/indlejring/?by=holte")
    axe(page)
    snippet = html.unescape(page.locator("#embed-snippet").input_value())
    snippet = re.sub(r'src="https?://[^/"]+', f'src="{live_server.url}', snippet)  # the portal of this test
    allowed = host_pages(f"<!DOCTYPE html><html lang='da'><title>Vært</title><h1>Biblioteket</h1>{snippet}</html>")
    other = host_pages(f"<!DOCTYPE html><html lang='da'><title>Anden</title><h1>Anden side</h1>{snippet}</html>")
    page.locator("input[name=name]").fill("Biblioteket")
    page.locator("input[name=origin]").fill(allowed)
    press(page, "Tilføj siden")
    expect(page.get_by_text("Siden må nu vise opgaverne.")).to_be_visible()

    page.goto(allowed + "/index.html")
    frame = page.frame_locator("iframe")
    frame.get_by_role("link", name="Højtlæsning i Holte").wait_for()
    assert frame.get_by_text("Lektiecafé i Nærum").count() == 0
    axe(page)

    page.goto(other + "/index.html")
    page.wait_for_load_state("load")  # the host page's load waits for its frame, blocked or not
    assert len(page.frames) == 2 and "Højtlæsning i Holte" not in page.frames[1].content()
    assert page.frame_locator("iframe").get_by_text("Højtlæsning i Holte").count() == 0
