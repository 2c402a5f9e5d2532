"""Invariant: with MFA_REQUIRED_FOR_PRIVILEGED_ROLES on (production), a privileged person without a second factor
(the Culture department, the steering group, staff with admin access) reaches nothing but the pages to set the
factor up, sign-out and public pages. Checked over the whole URLconf, so a URL added tomorrow is covered too."""

import uuid

import pytest
from allauth.mfa.models import Authenticator
from django.urls import get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern, URLPattern, URLResolver

from frivillig.accounts.middleware import OPEN_WITHOUT_SECOND_FACTOR, PUBLIC_PAGES
from tests.conftest import heading
from tests.factories import PASSWORD, UserFactory
from tests.trust.test_permission_matrix import world  # noqa: F401 - the objects the URLs point at

pytestmark = pytest.mark.django_db

PRIVILEGED = ["culture_admin", "steering_member", "admin_staff"]
SETUP_URL = "/konto/2fa/totp/activate/"


@pytest.fixture
def admin_staff(db):
    return UserFactory(email="admin@example.dk", full_name="Ada Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True


def _patterns(patterns, namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns, ":".join(filter(None, [namespace, p.namespace])) or None)
        elif isinstance(p, URLPattern):
            yield p, (f"{namespace}:{p.name}" if namespace and p.name else p.name)


def _dummy(name, converter):
    kind = type(converter).__name__ if converter is not None else ""
    if kind == "UUIDConverter":
        return str(uuid.uuid4())
    if kind == "IntConverter" or name in ("pk", "object_id", "id"):
        return "1"
    if name == "app_label":
        return "accounts"
    return "x1"


def every_url(examples: dict[str, str]) -> list[tuple[str, str]]:
    """One concrete URL per named pattern of the URLconf: a real object's URL where the world has one, else the
    pattern filled with plain values (the rule must not depend on whether the object exists)."""
    urls = []
    for pattern, name in _patterns(get_resolver().url_patterns):
        if name is None:
            continue
        if name in examples:
            urls.append((name, examples[name]))
            continue
        args = []
        if isinstance(pattern.pattern, RoutePattern):
            kwargs = {k: _dummy(k, c) for k, c in pattern.pattern.converters.items()}
        else:
            regex = pattern.pattern.regex
            kwargs = {k: _dummy(k, None) for k in regex.groupindex}
            args = ["1"] * (regex.groups - len(regex.groupindex))
        urls.append((name, reverse(name, args=args or None, kwargs=kwargs or None)))
    return urls


def world_citizen(world):  # noqa: F811
    from frivillig.accounts.models import User

    return User.objects.get(email="citizen@example.dk")


@pytest.fixture(scope="module")
def examples(world, django_db_blocker):  # noqa: F811
    """A real URL for every pattern the world has an object for, public detail pages included (built once for the
    module, with the world: module_db)."""
    with django_db_blocker.unblock():
        return _examples(world)


def _examples(world):  # noqa: F811
    """A real URL for every pattern the world has an object for, public detail pages included."""
    from datetime import timedelta

    from django.utils import timezone

    from policy.models import GuideArticle, Theme, ToolboxItem
    from policy.seed import load_reference
    from taskbank.models import Event, Task

    load_reference()
    now = timezone.now()
    event = Event.objects.create(title="Frivillig Fredag", description="d", place="Mariehøj", town="holte",
                                 starts_at=now + timedelta(days=3), ends_at=now + timedelta(days=3, hours=2), capacity=9)
    from grants.models import Pool
    from strategy.models import Input, Process
    from strategy.models import Theme as StrategyTheme

    task = Task.objects.filter(institution__kind="institution").order_by("pk").first()
    pool = Pool.objects.get(slug="p")
    process = Process.objects.get()
    citizen = world_citizen(world)
    Input.objects.create(process=process, theme=StrategyTheme.objects.create(process=process, name="Tema"), kind="idea",
                         text="Mere natur", author=citizen, status=Input.Status.PUBLISHED)
    pool_urls = [reverse(f"grants:{name}", args=[pool.pk]) for name in
                 ("staff_export_csv", "staff_export_xlsx", "staff_batch", "staff_overview", "staff_pool_edit")]
    found = {}
    for url in [*world, *pool_urls, event.get_absolute_url(), f"/opgaver/{task.pk}/", "/puljer/p/",
                f"/politik/temaer/{Theme.objects.first().slug}/", f"/politik/guide/{GuideArticle.objects.first().slug}/",
                f"/politik/vaerktoejskasse/{ToolboxItem.objects.first().slug}/"]:
        found.setdefault(resolve(url.split("?")[0]).view_name, url.split("?")[0])
    return found


@pytest.mark.parametrize("persona", PRIVILEGED)
def test_nothing_privileged_answers_without_a_second_factor(db, client, request, mfa_required, examples, persona):
    client.force_login(request.getfixturevalue(persona))
    urls = every_url(examples)
    assert len(urls) > 250  # the whole URLconf, the admin included
    leaks = []
    for name, url in urls:
        if name in OPEN_WITHOUT_SECOND_FACTOR:
            continue
        response = client.get(url)
        if response.status_code != 302 or response["Location"] != SETUP_URL:
            leaks.append(f"{name} {url}: {response.status_code}")
    assert leaks == []


def test_pages_open_without_a_second_factor_are_public(db, client, mfa_required, examples, culture_admin):
    """What stays open is what anybody sees: the same answer signed out as signed in without the factor."""
    urls = dict(every_url(examples))

    def answers():
        return {name: (r.status_code, r.get("Location")) for name in PUBLIC_PAGES for r in [client.get(urls[name])]}

    anonymous = answers()
    assert {name: a for name, a in anonymous.items() if a[0] not in (200, 301, 302)} == {}
    client.force_login(culture_admin)
    assert answers() == anonymous
    setup = client.get(SETUP_URL, follow=True)  # (through re-authentication, if the sign-in is old)
    assert setup.status_code == 200 and setup.redirect_chain[-1][0].startswith("/konto/reauthenticate/")
    assert client.post("/konto/logout/").status_code == 302


def test_the_findings_of_the_penetration_test(db, client, mfa_required, world, culture_admin):  # noqa: F811
    client.force_login(culture_admin)
    for url in world:
        if url.startswith(("/puljer/bilag/", "/dokumenter/", "/ideer/")):
            assert client.get(url)["Location"] == SETUP_URL, url


def test_with_a_second_factor_the_privileged_pages_open(client, mfa_required, admin_staff):
    Authenticator.objects.create(user=admin_staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(admin_staff)
    assert client.get("/admin/").status_code == 200
    assert heading(client.get("/medarbejder/")) == "Medarbejderområdet"


def test_the_admin_signs_in_only_through_the_portal_login(client, admin_staff):
    """/admin/login/ no longer takes a password: it sends to allauth's login, where the second factor and the
    login rate limits apply."""
    response = client.post("/admin/login/?next=/admin/", {"username": admin_staff.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/?next=")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_admin_login_is_rate_limited_through_allauth(client, admin_staff):
    """The penetration test signed in at /admin/login/ after 13 failures; now every password goes through allauth."""
    for _attempt in range(13):
        client.post("/admin/login/", {"username": admin_staff.email, "password": "wrong-password-1"})
        client.post("/konto/login/?next=/admin/", {"login": admin_staff.email, "password": "wrong-password-1"})
    response = client.post("/konto/login/?next=/admin/", {"login": admin_staff.email, "password": PASSWORD})
    assert response.status_code == 429 or "for mange mislykkede" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session
