"""Every URL pattern of the portal, as every persona, with junk in every parameter: never a server error.

The walk finds its URLs the way a tester would: it starts from every pattern of the URLconf that needs no
arguments and from the object URLs of the permission-matrix world plus the demo data, then follows the links
and form actions on each page it gets. Patterns it never reaches are requested with made-up arguments, so
every pattern is requested. Each URL is then requested as each persona: a plain GET, GETs with junk in every
query parameter the code reads, and POSTs with junk in every field of the forms found on the pages (wrong
types, huge numbers, NaN, NUL bytes, empty). The invariant: no response is a 500, and no Danish page shows a
raw status code where a person should see its label.
"""

import itertools
import re
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from tests.trust.test_permission_matrix import world  # noqa: F401  (fixture)

PERSONAS = ["anonymous", "citizen", "institution_staff", "association_rep", "culture_admin", "steering_member",
            "network_member", "volunteer_centre"]
ALLOWED = {200, 204, 301, 302, 303, 304, 400, 403, 404, 405, 429}
# Answers that are right where they come from: allauth's page for a failed single sign-on says 401.
EXPECTED_OTHER = {401: "/konto/3rdparty/login/error/"}
JUNK = ["\x00", "NaN", "9" * 40, "fem", "-1", "0.004", "", "2026x", "<script>x</script>", "1e309", "-0", "x" * 5000]
# Not the portal's own pages: Django's admin (staff tooling of its own, behind the second factor) and the
# static file views.
SKIP_PREFIXES = ("/admin/", "/static/", "/media/")
# POSTs that end the persona's session or its whole account are not thrown junk at in the loop (they are tested
# on their own); everything else is.
NO_POST = ("/konto/logout/",)
ROOT = Path(__file__).resolve().parents[2]


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p


_ROUTES = {}


def _route_key(path):
    if path not in _ROUTES:
        try:
            _ROUTES[path] = resolve(path).route
        except Resolver404:
            _ROUTES[path] = None
    return _ROUTES[path]


def _synthesise(route):
    """A concrete path for a route nobody linked to: made-up values of the right type."""
    values = {"int": "999999", "slug": "ukendt", "str": "ukendt", "uuid": str(uuid.uuid4()), "path": "ukendt"}
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: values.get(m.group(1) or "str", "ukendt"), route)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "")
    return "/" + path if not path.startswith("/") else path


def _query_parameter_names():
    """Every query parameter a view or filter reads, taken from the code itself."""
    names = set()
    for py in ROOT.glob("*/**/*.py"):
        if any(part in (".venv", "node_modules", "tests", "migrations") for part in py.parts):
            continue
        text = py.read_text(encoding="utf-8", errors="ignore")
        names.update(re.findall(r"request\.GET(?:\.get|\.getlist)?[\(\[]\s*[\"'](\w+)", text))
    from django_filters import FilterSet

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for fs in subclasses(FilterSet):
        names.update(fs.base_filters.keys())
    names.update({"q", "side", "page", "next", "b", "a", "aar", "sorter", "download"})
    return sorted(names)


class _PageParser(HTMLParser):
    """Links, and each POST form's action with its field names."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = set(), [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.add(a["href"])
        elif tag == "form":
            self._form = {"method": (a.get("method") or "get").lower(), "action": a.get("action") or "", "fields": set(),
                          "multipart": (a.get("enctype") or "").lower() == "multipart/form-data"}
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "button") and self._form is not None and a.get("name"):
            self._form["fields"].add(a["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _local(href, base):
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(href)
    if parts.netloc and parts.netloc not in ("testserver", "127.0.0.1", "localhost"):
        return None
    path = parts.path or urlsplit(base).path
    if not path.startswith("/") or path.startswith(SKIP_PREFIXES):
        return None
    return path


def _discover(clients, seeds, per_route=2):
    """Follow links and form actions from the seeds as each persona: ({route: path}, {path: POST field names},
    {paths whose form is sent as multipart/form-data})."""
    found, fields, multipart, queue, seen, per = {}, {}, set(), sorted(seeds), set(), {}
    while queue:
        path = queue.pop()
        route = _route_key(path)
        if path in seen or route is None or per.get(route, 0) >= per_route:
            continue
        seen.add(path)
        per[route] = per.get(route, 0) + 1
        found.setdefault(route, path)
        for client in clients:
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            parser = _PageParser()
            parser.feed(response.content.decode("utf-8", errors="ignore"))
            for form in parser.forms:
                target = _local(form["action"], path) or path
                if form["method"] == "post":
                    fields.setdefault(target, set()).update(form["fields"] - {"csrfmiddlewaretoken"})
                    if form["multipart"]:
                        multipart.add(target)
                    queue.append(target)
            queue.extend(local for href in parser.links if (local := _local(href, path)) and local not in seen)
    return found, fields, multipart


def _visible_text(html):
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<!--.*?-->", " ", html)
    return re.sub(r"(?s)<[^>]+>", " ", html)


def _raw_codes():
    """Status-like codes of every choice field whose label differs from its code (e.g. in_review → Under
    behandling). Codes that are also ordinary Danish words are left out: they can stand in any sentence."""
    danish_words = {"social", "kultur", "plan", "input", "institution"}
    codes = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"accounts", "core", "policy", "network", "taskbank", "grants", "strategy"}:
            continue
        for field in model._meta.concrete_fields:
            for value, label in (field.flatchoices or []):
                if isinstance(value, str) and value and value.lower() != str(label).lower() and value not in danish_words:
                    if re.fullmatch(r"[a-z][a-z_]+", value) and ("_" in value or len(value) > 4):
                        codes.add(value)
    return codes


@pytest.fixture
def everyone(db, request, world):  # noqa: F811
    from django.conf import settings

    call_command("load_portal_data", demo=True, verbosity=0)
    clients = {}
    for persona in PERSONAS:
        client = Client(HTTP_ACCEPT_LANGUAGE="da")
        if persona != "anonymous":
            user = request.getfixturevalue(persona)
            client.force_login(user)
            client.user = user
        clients[persona] = client
    seeds = set(world)
    for route, pattern in _patterns():
        if not pattern.pattern.converters and "<" not in route and not route.startswith(("admin/",)):
            path = _synthesise(route)
            if not path.startswith(SKIP_PREFIXES):
                seeds.add(path)
    seeds = {urlsplit(s).path for s in seeds}
    assert settings.LANGUAGE_CODE == "da"
    return clients, seeds


def _all_routes():
    return {route: p for route, p in _patterns() if not route.startswith(("admin/",)) and "static" not in route}


def test_every_pattern_as_every_persona_with_junk_input_never_answers_500(everyone):
    clients, seeds = everyone
    started = time.monotonic()
    found, fields, multipart = _discover([clients["culture_admin"], clients["citizen"], clients["institution_staff"],
                               clients["steering_member"]], seeds)
    routes = _all_routes()
    # The walk is only worth something if it reaches real objects by following links, not made-up arguments.
    with_args = [r for r, p in routes.items() if p.pattern.converters]
    unreached = sorted(r for r in with_args if r not in found)
    assert len(unreached) <= 0.3 * len(with_args), unreached
    targets = {route: found.get(route) or _synthesise(route) for route in routes}
    params = _query_parameter_names()
    any_form_field = sorted(set(itertools.chain.from_iterable(fields.values())))
    codes = _raw_codes()
    # One pattern for all codes: a code stands alone, not inside a word, path, address or another code.
    shows_code = re.compile(r"(?<![\w/@.-])(" + "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
                            + r")(?![\w/@.-])")
    failures, raw_code_pages, count = [], [], 0
    junk = itertools.cycle(JUNK)

    def request(persona, client, method, url, data=None):
        nonlocal count
        count += 1
        try:
            if method == "get":
                response = client.get(url)
            elif url in multipart:  # as the browser sends the form: multipart only where the form says so
                response = client.post(url, data)
            else:
                response = client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")
        except Exception as exc:  # noqa: BLE001 — an exception the test client re-raises is a 500
            failures.append(f"{persona} {method.upper()} {url[:120]}: {exc!r}"[:400])
            return None
        if response.status_code not in ALLOWED and not url.startswith(EXPECTED_OTHER.get(response.status_code, "//")):
            failures.append(f"{persona} {method.upper()} {url[:120]}: {response.status_code}")
        elif response.status_code == 200 and method == "get" and "text/html" in response.get("Content-Type", ""):
            text = _visible_text(response.content.decode("utf-8", errors="ignore"))
            shown = sorted(set(shows_code.findall(text)))
            if shown:
                raw_code_pages.append(f"{persona} {url[:100]}: {shown}")
        if method == "post" and persona != "anonymous" and "_auth_user_id" not in client.session:
            client.force_login(client.user)  # a junk POST that signed the persona out may not end the rest
        return response.status_code

    for persona, client in clients.items():
        for _route, path in sorted(targets.items()):
            if path.startswith(SKIP_PREFIXES):
                continue
            status = request(persona, client, "get", path)
            # Junk goes where the persona gets past the door: the page itself (200) or a POST-only step (405).
            if status == 200:
                request(persona, client, "get", path + "?" + urlencode({p: next(junk) for p in params}))
            if status in (200, 405) and not path.startswith(NO_POST):
                request(persona, client, "post", path, {n: next(junk) for n in sorted(fields.get(path) or any_form_field)})
    print(f"url walk: {len(routes)} patterns ({len(with_args) - len(unreached)} of {len(with_args)} with arguments "
          f"reached by links), {count} requests in {time.monotonic() - started:.0f} s")
    assert failures == [], f"{len(failures)} server errors:\n" + "\n".join(failures[:80])
    assert raw_code_pages == [], "raw status codes shown:\n" + "\n".join(sorted(set(raw_code_pages))[:60])
