"""The invariant that guards the signed-in page cache (frivillig/core/pagecache.py, holes.py): for every URL served
from the page cache, the page a person gets from the cache is the page rendered for them afresh, whoever put it
there. Each persona in turn is the first to ask (staff first included, citizens first included), then every other
persona is served from what the first one left (in one order or its reverse, turn by turn), every other request
without this process's own copies (as another worker reads the shared cache); each page is compared with the same persona's page
rendered with the page cache and the fragment cache off (``PORTAL_PAGE_CACHE = False``). Only the CSRF tokens may
differ (Django masks the same secret anew for every page), so anything of one person that ends up outside a
``{% personal %}`` hole fails here: a staff link in base.html outside the hole, a name in a cached fragment.

The cached URLs are found in the URLconf (the views carry the decorators' marks); one whose URL takes arguments
must be given example arguments in EXAMPLES, or this test fails.
"""

import difflib
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from frivillig.accounts.models import Role
from frivillig.core import holes, pagecache
from frivillig.core.pagecache import HEADER
from tests.factories import OrganisationFactory, RoleAssignmentFactory, UserFactory
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db

# URL name -> (arguments, [query strings and headers to try besides the plain page])
EXAMPLES = {
    "taskbank:task_list": ((), ["?q=h%C3%B8jtl%C3%A6sning", "?by=holte&omraade=elderly", "?side=2",
                                ("", {"HTTP_X_REQUESTED_WITH": "fetch"}), ("", {"HTTP_ACCEPT_LANGUAGE": "en"})]),
}

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')


def cached_views():
    """(URL name, pattern) of every view behind the signed-in page cache, from the URLconf itself."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + (f"{entry.namespace}:" if entry.namespace else ""))
            elif isinstance(entry, URLPattern):
                callback = entry.callback
                if getattr(callback, "signed_in_page_cache", None) or getattr(callback, "anonymous_page_cache", None):
                    found.append((prefix + (entry.name or ""), entry))

    walk(get_resolver().url_patterns, "")
    return found


def urls_to_try():
    from django.urls import reverse

    urls = []
    for name, _pattern in cached_views():
        assert name in EXAMPLES, f"{name} is served from the page cache: give it examples in EXAMPLES"
        args, variants = EXAMPLES[name]
        path = reverse(name, args=args)
        urls.append((path, {}))
        for variant in variants:
            query, headers = variant if isinstance(variant, tuple) else (variant, {})
            urls.append((path + query, headers))
    return urls


@pytest.fixture
def personas(citizen, other_citizen, unverified_citizen, association_rep, institution_staff, other_institution_staff,
             culture_admin, steering_member, network_member, volunteer_centre, institution):
    nameless = UserFactory(email="uden.navn@example.dk", full_name="")
    superuser = UserFactory(email="super@example.dk", full_name="Sara Super", is_superuser=True, is_staff=True)
    chair = RoleAssignmentFactory(role=Role.STEERING_MEMBER, organisation=None, area="culture",
                                  user=UserFactory(email="formand@example.dk", full_name="Frede Formand")).user
    people = {"staff": institution_staff, "citizen": citizen, "culture": culture_admin, "other citizen": other_citizen,
              "unverified": unverified_citizen, "association": association_rep, "other staff": other_institution_staff,
              "steering": steering_member, "chair": chair, "network": network_member, "centre": volunteer_centre,
              "nameless": nameless, "superuser": superuser}
    # Something to list: tasks of two providers, enough for a second page, one that a search finds.
    TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere", town="holte")
    association = OrganisationFactory(name="Nærum Spejdere", kind="association")
    for i in range(22):
        TaskFactory(institution=association if i % 2 else institution, contact=institution_staff,
                    title=f"Besøgsven nr. {i}", town="holte" if i % 3 else "naerum")
    clients = {"anonymous": Client()}  # the anonymous page cache, alongside
    for name, user in people.items():
        clients[name] = Client()
        clients[name].force_login(user)
    return clients


def normalised(response) -> str:
    return TOKEN.sub(r"\1…\2", response.content.decode())


def difference(fresh: str, served: str) -> str:
    lines = difflib.unified_diff(fresh.splitlines(), served.splitlines(), "fresh", "served", n=0, lineterm="")
    return "\n".join(list(lines)[2:14])


def forget_local():
    """As another worker: nothing of this process's own, only what the shared cache holds."""
    pagecache.local_pages.clear()
    pagecache._generations.clear()
    holes.clear_local()


def test_every_cached_view_is_known():
    assert {name for name, _ in cached_views()} == set(EXAMPLES)


def test_a_page_from_the_cache_is_the_page_rendered_afresh_whoever_came_first(personas, settings):
    names = list(personas)
    for number, (url, headers) in enumerate(urls_to_try()):
        settings.PORTAL_PAGE_CACHE = False
        fresh = {}
        for name in names:
            response = personas[name].get(url, **headers)
            assert response.status_code == 200 and HEADER not in response, (url, name)
            fresh[name] = normalised(response)
        if "<html" in fresh[names[0]]:  # a whole page does differ by person (names, staff link)
            assert len(set(fresh.values())) > 1, url
        settings.PORTAL_PAGE_CACHE = True
        # Every persona first on the plain page; on its variants staff, a citizen and the nameless first.
        firsts = names if number == 0 else ["staff", "citizen", "nameless"]
        served_from_cache = set()
        for turn, first in enumerate(firsts):
            others = [name for name in names if name != first]
            cache.clear()
            pagecache.clear_local()
            for position, name in enumerate([first, *(others if turn % 2 else others[::-1])]):
                if position % 2:
                    forget_local()  # as another worker would: only what the shared cache holds
                for _ in range(2 if name == "anonymous" else 1):  # anonymous visitors share among themselves
                    response = personas[name].get(url, **headers)
                    assert response.status_code == 200, (url, name)
                    if response.get(HEADER) in ("personal-hit", "hit"):
                        served_from_cache.add(name)
                    page = normalised(response)
                    assert page == fresh[name], (
                        f"{url} for {name!r}, after {first!r} came first ({response.get(HEADER)}), differs from the "
                        f"page rendered afresh for {name!r}:\n{difference(fresh[name], page)}")
        if "<html" in fresh[names[0]]:
            assert served_from_cache == set(names), f"{url}: never from the cache for {set(names) - served_from_cache}"


PERSONAL_TEMPLATES = re.compile(r"""{%\s*personal\s+["']([^"']+)["']\s*%}""")


def personal_templates() -> set[str]:
    from pathlib import Path

    from django.conf import settings

    found = set()
    for path in Path(settings.BASE_DIR).glob("**/templates/**/*.html"):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        found |= set(PERSONAL_TEMPLATES.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_personal_template_reads_only_what_it_is_given(citizen, institution_staff, rf):
    """Rendered in full, with stand-ins and in place: a name outside holes.GIVEN raises everywhere."""
    from django.contrib.auth.models import AnonymousUser

    assert {"components/user_links.html", "components/csrf_token.html"} <= personal_templates()
    for template_name in personal_templates():
        for user in (citizen, institution_staff, AnonymousUser()):
            request = rf.get("/opgaver/")
            request.user = user
            holes.render_personal(template_name, request)
            holes.render_in_place(template_name, holes.personal_context(request))
        for is_staff in (True, False):
            holes.compile_template(holes.get_personal_template(template_name), "da", is_staff, True, True)


@pytest.mark.parametrize("source", ["{{ messages }}", "{% if task %}x{% endif %}", "{{ portal_nav.0 }}",
                                    "{% for m in messages %}{{ m }}{% endfor %}", "{{ perms.accounts }}"])
def test_a_personal_template_that_reads_another_name_fails_wherever_it_is_rendered(source, citizen, rf):
    from django.template import Engine

    template = Engine.get_default().from_string(source)
    with pytest.raises(holes.PersonalTemplateError):
        holes.compile_template(template, "da", False, True, True)
    request = rf.get("/opgaver/")
    request.user = citizen
    with pytest.raises(holes.PersonalTemplateError):
        template.render(holes._GivenOnly(holes.personal_context(request)))


def test_a_personal_template_that_reads_another_name_fails_the_page(client, citizen, settings, tmp_path):
    """On a real page, cached or not: the page fails instead of printing a blank for some visitors only."""
    (tmp_path / "components").mkdir()
    (tmp_path / "components" / "user_links.html").write_text("{{ user.get_full_name }}{{ portal_nav }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    client.raise_request_exception = True
    with pytest.raises(holes.PersonalTemplateError, match="portal_nav"):
        client.get("/opgaver/")
    client.force_login(citizen)
    for cached in (False, True):
        settings.PORTAL_PAGE_CACHE = cached
        with pytest.raises(holes.PersonalTemplateError, match="portal_nav"):
            client.get("/opgaver/")


def test_a_release_never_serves_another_releases_pages(client, citizen, monkeypatch):
    """Two nodes of different builds on one Redis (issue 26, row 10): each release has its own pages and fragments,
    whose HTML names the static files of its own build."""
    client.force_login(citizen)
    anonymous = Client()
    monkeypatch.setenv("PORTAL_RELEASE", "build-a")
    pagecache.clear_local()
    assert anonymous.get("/opgaver/")[HEADER] == "miss" and client.get("/opgaver/")[HEADER] == "personal-miss"
    assert anonymous.get("/opgaver/")[HEADER] == "hit" and client.get("/opgaver/")[HEADER] == "personal-hit"
    fragment_a = pagecache.fragment_key("taskbank", anonymous.get("/opgaver/").wsgi_request)
    monkeypatch.setenv("PORTAL_RELEASE", "build-b")
    pagecache.clear_local()  # a new process of the other build, same Redis
    assert anonymous.get("/opgaver/")[HEADER] == "miss" and client.get("/opgaver/")[HEADER] == "personal-miss"
    fragment_b = pagecache.fragment_key("taskbank", anonymous.get("/opgaver/").wsgi_request)
    assert fragment_a.split(":")[1] != fragment_b.split(":")[1]


def test_the_release_is_the_static_manifests_hash_without_an_explicit_one(settings, tmp_path, monkeypatch):
    import json

    monkeypatch.delenv("PORTAL_RELEASE", raising=False)
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    releases = []
    for build in ("1234", "5678"):  # two builds: collectstatic wrote a manifest of other hashed names
        (tmp_path / build).mkdir()
        (tmp_path / build / "staticfiles.json").write_text(json.dumps(
            {"version": "1.1", "paths": {"portal.css": f"portal.{build}.css"}, "hash": build}))
        settings.STATIC_ROOT = tmp_path / build
        pagecache.clear_local()
        releases.append(pagecache.release())
    assert releases == ["1234", "5678"]
