"""The portal on a phone (320 px): the DKFDS menu drawer, used with the keyboard only."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 640}
SECTIONS = [("Politik", "/politik/"), ("Opgaver", "/opgaver/"), ("Puljer", "/puljer/"),
            ("Strategi og høringer", "/strategi/"), ("Netværk", "/netvaerk/")]


def focused_text(page) -> str:
    return page.evaluate("(document.activeElement.innerText || document.activeElement.value || '').trim()")


def tab_to(page, text: str, limit: int = 40):
    """Press Tab until the focused element's text is ``text`` (what a keyboard user does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_text(page) == text:
            return
    pytest.fail(f"Tab never reached {text!r} on {page.url}")


def snapshot(page, name, full_page=True):
    """With E2E_SCREENSHOTS=<folder>, leave a picture of the phone view for people to look at."""
    folder = os.environ.get("E2E_SCREENSHOTS")
    if folder:
        page.wait_for_timeout(400)  # the drawer slides in
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=full_page)


def open_menu(page):
    page.keyboard.press("Home")  # nothing focused: start from the top of the page
    tab_to(page, "Menu")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    drawer = page.locator("#mobile-drawer")
    drawer.wait_for(state="visible")
    # Focus moves into the drawer, onto its close button; the menu button says the menu is open.
    assert page.evaluate("document.activeElement.closest('#mobile-drawer') !== null")
    assert page.locator(".js-menu-open").get_attribute("aria-expanded") == "true"
    return drawer


def test_citizen_uses_the_phone_menu_with_the_keyboard(page, live_server, axe, citizen):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    axe(page)
    # The desktop menu and sign-in are hidden; the menu button is there instead.
    expect(page.locator(".navigation-menu .mainmenu")).to_be_hidden()
    expect(page.get_by_role("button", name="Menu")).to_be_visible()
    snapshot(page, "phone-front")

    # Escape closes the drawer and gives focus back to the menu button.
    drawer = open_menu(page)
    snapshot(page, "phone-menu-open", full_page=False)
    axe(page)
    page.keyboard.press("Escape")
    drawer.wait_for(state="hidden")
    assert focused_text(page) == "Menu"
    assert page.locator(".js-menu-open").get_attribute("aria-expanded") == "false"

    # Sign in through the menu.
    open_menu(page)
    tab_to(page, "Log ind")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/konto/login/"))
    axe(page)
    page.get_by_label("E-mail").focus()
    page.keyboard.type(citizen.email)
    page.get_by_label("Adgangskode").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")

    # Every main section through the menu.
    for title, path in SECTIONS:
        open_menu(page)
        tab_to(page, title)
        page.keyboard.press("Enter")
        page.wait_for_url(live_server.url + path)
        expect(page.locator("#mobile-drawer")).to_be_hidden()
        axe(page)

    # The drawer shows who is signed in, and signs out.
    open_menu(page)
    expect(page.locator("#mobile-drawer").get_by_role("link", name=citizen.get_full_name())).to_be_visible()
    tab_to(page, "Log ud")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    open_menu(page)
    expect(page.locator("#mobile-drawer").get_by_role("link", name="Log ind")).to_be_visible()
    axe(page)


def test_without_javascript_the_phone_shows_the_whole_menu(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
        drawer = page.locator("#mobile-drawer")
        for title, _path in SECTIONS:
            expect(drawer.get_by_role("link", name=title)).to_be_visible()
        expect(drawer.get_by_role("link", name="Log ind")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        snapshot(page, "phone-no-js")
    finally:
        context.close()


# --- issue 27: calm on a phone ------------------------------------------------------------------------------------

# The layout shifts of a page from its start until 1.5 s after its load event (late fonts, images, scripts).
SHIFTS_JS = """() => new Promise(done => {
    const shifts = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) shifts.push(e.value); })
        .observe({type: 'layout-shift', buffered: true});
    const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
    setTimeout(() => done(shifts.reduce((a, b) => a + b, 0)), Math.max(0, loaded + 1500 - performance.now()));
})"""


def slow_phone(page):
    """A phone on a slow line, as Lighthouse's mobile profile has it: what arrives late must not move the page."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150, "downloadThroughput": 200_000,
                                                  "uploadThroughput": 90_000})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return cdp


@pytest.fixture
def phone_tasks(institution, institution_staff):
    from tests.taskbank.factories import TaskFactory

    for title, town, area in [("Højtlæsning for beboere", "holte", "elderly"), ("Lektiehjælp i Nærum", "naerum", "children"),
                              ("Læseklub i Birkerød", "birkeroed", "culture"), ("Gåtur i Holte", "holte", "elderly")]:
        TaskFactory(institution=institution, contact=institution_staff, title=title, town=town, area=area)


SLOW_PHONE_PAGES = ["/", "/opgaver/", "/opgaver/?q=l%C3%A6sning", "/politik/", "/konto/login/"]


def test_nothing_moves_while_a_page_loads_on_a_slow_phone(page, live_server, phone_tasks):
    """Each page in a tab of its own on its own slow line, the tabs side by side (as five phones would load them)."""
    tabs = []
    for path in SLOW_PHONE_PAGES:
        tab = page.context.new_page()
        tab.set_viewport_size(PHONE)
        slow_phone(tab)
        tab.goto(live_server.url + path, wait_until="commit")
        tabs.append((path, tab))
    shifted = {}
    for path, tab in tabs:
        tab.wait_for_load_state("load")
        cls = tab.evaluate(SHIFTS_JS)
        if cls >= 0.02:
            shifted[path] = round(cls, 3)
    assert shifted == {}, f"cumulative layout shift on a slow phone: {shifted}"


def test_the_filter_panel_on_a_phone_shows_its_results(page, live_server, axe, phone_tasks):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/opgaver/")
    town = page.get_by_label(re.compile("^By"))
    toggle = page.get_by_role("button", name="Filtrér opgaver")
    expect(town).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    axe(page)

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    town.select_option("holte")
    page.wait_for_url(re.compile("by=holte"))
    # The results changed far below, out of sight; the button says how many there are now and goes there.
    show = page.get_by_role("button", name="Vis 2 opgaver")
    show.wait_for()
    axe(page)
    show.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(town).to_be_hidden()
    focused = page.evaluate("document.activeElement.textContent.trim()")
    first = page.locator("#task-results li a[href]").first
    assert focused == first.text_content().strip()
    assert focused in {"Højtlæsning for beboere", "Gåtur i Holte"}
    box = first.bounding_box()
    assert 0 <= box["y"] < PHONE["height"], "the first result is not on screen"
    axe(page)
    snapshot(page, "phone-filter-results", full_page=False)


def test_a_danish_page_downloads_only_the_latin_part_of_the_font(page, live_server, phone_tasks, institution):
    """The font comes in IBM Plex's parts: a Danish page fetches the Latin-1 part of each weight it uses (about 17 KB
    each instead of 57 KB for the complete font); a page with a Polish name fetches the part that has "Ł" too."""
    from tests.taskbank.factories import TaskFactory

    fonts = []
    page.on("request", lambda request: fonts.append(request.url.rsplit("/", 1)[1])
            if request.resource_type == "font" else None)
    for path in ("/", "/opgaver/"):
        page.goto(live_server.url + path)
        page.evaluate("document.fonts.ready.then(() => true)")
    assert fonts, "the page fetched no font at all"
    assert all("-Latin1." in name for name in fonts), fonts

    task = TaskFactory(institution=institution, title="Læsegruppe med Łucja")
    fonts.clear()
    page.goto(f"{live_server.url}/opgaver/{task.pk}/")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert any("-Latin2." in name for name in fonts), fonts
