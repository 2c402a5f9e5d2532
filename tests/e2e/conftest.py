"""End-to-end tests in Debian's headless Chromium (chromium-headless-shell), driven by Playwright, with axe-core.

    def test_something(page, live_server, citizen, axe):
        login_as(page, live_server, citizen)
        page.goto(live_server.url + "/opgaver/")
        axe(page)                     # fails the test on any WCAG 2.1 A/AA violation

Every e2e test is marked `e2e` and uses a transactional database (live_server)."""

import functools
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--no-sandbox",
]


def chromium_path() -> str:
    """Debian's chromium-headless-shell: the same Chromium (Blink, V8, same version) built for headless use only,
    as Playwright runs headless Chromium by default. It starts a page in a third of the CPU time of the full
    browser's headless mode, which the suite's ~120 browser tests share two cores with. The full browser stays the
    fallback (and is what `make bench-lighthouse` measures)."""
    for candidate in ("/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium",
                      shutil.which("chromium") or "", "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    pytest.fail("Debian's chromium is not installed (make install installs it)")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets the test inject axe-core; the portal's own pages never need it.
    context = browser.new_context(bypass_csp=True, locale="da-DK", timezone_id="Europe/Copenhagen")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def login_as(page, live_server, user):
    """Sign the browser in as ``user`` without going through the form (the form has its own test)."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key,
                               "url": live_server.url}])


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page) -> list:
    page.wait_for_load_state()  # check the page the last click led to, not the one it left
    # Evaluated as a script, not added as a <script> tag: a third cheaper, and the page's DOM stays as it was.
    page.evaluate(_axe_source())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return result["violations"]


REFLOW_WIDTH = 320  # WCAG 1.4.10: content reflows at 320 CSS px without scrolling sideways

OVERFLOWING_JS = """(limit) => Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > limit + 0.5 && el.getClientRects().length
            && !el.closest('.table-responsive, .mobile-drawer:not(.is-visible)'))
    .filter((el, i, all) => !all.some(other => other !== el && el.contains(other)))
    .slice(0, 6)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined
         ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)')"""


def check_reflow(page):
    """Fail if the page, shown 320 px wide, is wider than the window (sideways scrolling)."""
    page.wait_for_load_state()  # a click that navigates may still be loading the next page
    size = page.viewport_size or {"width": 1280, "height": 720}
    if size["width"] != REFLOW_WIDTH:
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        culprits = page.evaluate(OVERFLOWING_JS, REFLOW_WIDTH) if width > REFLOW_WIDTH else []
    finally:
        if size["width"] != REFLOW_WIDTH:
            page.set_viewport_size(size)
    if width > REFLOW_WIDTH:
        pytest.fail(f"{page.url} is {width} px wide at {REFLOW_WIDTH} px (no reflow); widest: {', '.join(culprits)}")


@pytest.fixture
def axe():
    """Call ``axe(page)`` after each page load: fails with a readable list of violations, and if the page
    does not reflow at 320 px (``check_reflow``)."""

    def check(page):
        check_reflow(page)
        violations = run_axe(page)
        if violations:
            lines = [f"axe-core found {len(violations)} violation(s) on {page.url}:"]
            for v in violations:
                targets = "; ".join(", ".join(n["target"]) for n in v["nodes"][:5])
                lines.append(f"- {v['id']} ({v['impact']}): {v['help']} → {targets}")
            pytest.fail("\n".join(lines))

    return check
