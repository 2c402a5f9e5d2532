"""Rendered pages for anonymous visitors, shared between them and dropped the moment their content changes.

Most visitors to a public list (the task bank) are not signed in and see exactly the same page for the same
URL and language. Rendering that page (a filter form with counted choices, twenty cards, the layout) costs
far more than serving it, so the HTML is kept in the shared cache:

    @anonymous_page_cache("taskbank")
    def task_list(request): ...

    pagecache.changed("taskbank")   # from a signal, whenever something the page shows changes

A page is served from the cache only when it cannot differ between visitors: a GET or HEAD from someone
with no session and no pending messages. A rendered page is stored only if it is a plain 200 response that
set no cookie and used no CSRF token (a token is personal). Entries carry the namespace's generation, a
random token replaced by ``changed()``, so a new or edited task shows at once (in another worker within
GENERATION_SECONDS); the day is part of the key, since what is published depends on the date. The response
still passes through every middleware, so the security headers are those of a fresh page. If the cache does not
answer (frivillig/core/cache.py fails open), every visitor gets a freshly rendered page.

Signed-in visitors (``signed_in_page_cache``) share the same page with holes. What is personal on such a page is
written with ``{% personal "template.html" %}`` (the header's name, staff link and sign-out form; every CSRF
token): when the page is rendered for the cache, each such tag leaves a marker holding a random secret of that
entry, and each request fills the markers with its own person (frivillig/core/holes.py: from the small templates
rendered once with stand-ins, without rendering them again). Everything else on the page must be the same for every
signed-in person; a rendered page is not stored if it used a CSRF token outside a hole, carries a message, or shows
the person's name or e-mail address anywhere (then that person gets fresh pages).

Every key carries the release (``release()``: ``PORTAL_RELEASE`` from the environment, else the hash of the static
files' manifest): two nodes of different builds on one Redis never serve each other's pages or fragments, whose
HTML names the static files of their own build.

``PORTAL_PAGE_CACHE = False`` in the settings turns all of this off (every page and fragment rendered afresh): the
differential test (tests/core/test_page_cache_invariant.py) compares those pages with the ones served from here.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from . import holes

TIMEOUT = 300
MAX_BYTES = 512 * 1024
HEADER = "X-Page-Cache"
LOCAL_ENTRIES = 128  # per process: at most 128 × MAX_BYTES, in practice ~60 KB a page


class _LocalPages:
    """The most used pages also in the worker's memory, so that a hit costs no Redis round trip at all (the
    generation is re-read at most once a second). Entries are checked against the generation on every use, so a
    change made through any worker drops them everywhere."""

    def __init__(self, size):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key, current):
        with self.lock:
            found = self.entries.get(key)
            if found is None or found[1][0] != current or found[0] < time.monotonic():
                return None
            self.entries.move_to_end(key)
            return found[1]

    def put(self, key, entry, timeout):
        with self.lock:
            self.entries[key] = (time.monotonic() + timeout, entry)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


local_pages = _LocalPages(LOCAL_ENTRIES)


_release: list[str] = []


def release() -> str:
    """What identifies this build: ``PORTAL_RELEASE`` if the deployment sets it, else the hash of the static files'
    manifest (``manifest_hash`` of Django's manifest storage, production's), else "" (development serves its static
    files unhashed). Read once per process."""
    if not _release:
        import os

        from django.contrib.staticfiles.storage import staticfiles_storage

        _release.append(os.environ.get("PORTAL_RELEASE") or getattr(staticfiles_storage, "manifest_hash", "") or "")
    return _release[0]


def enabled() -> bool:
    return getattr(settings, "PORTAL_PAGE_CACHE", True)


def _generation_key(namespace: str) -> str:
    return f"pagecache:gen:{namespace}"


def changed(namespace: str) -> None:
    """Drop every cached page of the namespace: now, and again when the current transaction commits (a page
    rendered from the old data while the transaction was open must not survive it)."""

    def bump():
        value = uuid.uuid4().hex
        _generations[namespace] = (value, time.monotonic())  # this process at once, even with the cache away
        cache.set(_generation_key(namespace), value, None)

    bump()
    transaction.on_commit(bump)


# The generation as this process last read it. It is read again from the shared cache after
# GENERATION_SECONDS, so a change made in another worker reaches this one within that time; a change made in
# this process is seen at once.
GENERATION_SECONDS = 1.0
_generations: dict[str, tuple[str, float]] = {}


def generation(namespace: str) -> str | None:
    known = _generations.get(namespace)
    if known is not None and time.monotonic() - known[1] < GENERATION_SECONDS:
        return known[0]
    key = _generation_key(namespace)
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    # None: the cache does not answer (frivillig/core/cache.py); then nothing is shared until it does.
    _generations[namespace] = (value, time.monotonic())
    return value


def clear_local() -> None:
    """Forget what this process holds (tests start from an empty cache)."""
    local_pages.clear()
    _generations.clear()
    _known_keys.clear()
    _release.clear()
    holes.clear_local()


def shareable_request(request) -> bool:
    return (request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not len(messages.get_messages(request))
            and not request.META.get("HTTP_AUTHORIZATION"))


KNOWN_KEYS = 4096
_known_keys: dict[tuple, str] = {}  # what _page_key made of a request, per process (emptied when full)


def _page_key(namespace: str, request) -> str:
    day = timezone.localdate().isoformat()
    raw = (namespace, request.path, request.META.get("QUERY_STRING", ""), get_language() or "",
           request.META.get("HTTP_X_REQUESTED_WITH", ""), day)
    key = _known_keys.get(raw)
    if key is None:
        # Re-encoded, so that a value holding "&" or "=" (?by=holte%26timer%3D8) cannot spell another query's key.
        query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
        parts = [request.path, query, raw[3], raw[4], day, release()]
        key = f"pagecache:{namespace}:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
        if len(_known_keys) >= KNOWN_KEYS:
            _known_keys.clear()
        _known_keys[raw] = key
    return key


def fragment_key(namespace: str, request) -> str:
    """For {% cache %} around the parts of a page that are the same for everyone (signed in or not): changes
    with the namespace's generation, the day, the query and the language."""
    current = (enabled() and generation(namespace)) or uuid.uuid4().hex  # cache away or off: a key nobody shares
    return current + ":" + _page_key(namespace, request).rsplit(":", 1)[1]


def _storable(request, response) -> bool:
    return (response.status_code == 200
            and not response.streaming
            and not response.cookies
            # Django tells that a CSRF token was used only here (what get_token sets for the middleware): no public API
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not len(messages.get_messages(request))
            and len(response.content) <= MAX_BYTES)


def anonymous_page_cache(namespace: str, timeout: int = TIMEOUT):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not shareable_request(request) or not enabled():
                return view(request, *args, **kwargs)
            key = _page_key(namespace, request)
            current = generation(namespace)
            if current is None:  # the shared cache does not answer: serve every visitor a fresh page
                return view(request, *args, **kwargs)
            entry = local_pages.get(key, current)
            if entry is None:
                entry = cache.get(key)
                if entry is not None and entry[0] == current:
                    local_pages.put(key, entry, timeout)
                else:
                    entry = None
            if entry is not None:
                response = HttpResponse(entry[2], content_type=entry[1])
                response[HEADER] = "hit"
                # As on a rendered page: a signed-in visitor's page differs, so caches downstream must key on it.
                patch_vary_headers(response, ("Cookie",))
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if _storable(request, response):
                entry = (current, response["Content-Type"], response.content)
                cache.set(key, entry, timeout)
                local_pages.put(key, entry, timeout)
                response[HEADER] = "miss"
            return response

        wrapped.anonymous_page_cache = namespace  # how tests find the cached views in the URLconf
        return wrapped

    return decorator


PERSONAL_HEADER_VALUES = ("personal-hit", "personal-miss")


def _personal_request(request) -> bool:
    user = getattr(request, "user", None)
    return (request.method in ("GET", "HEAD") and user is not None and user.is_authenticated
            and not len(messages.get_messages(request))
            and not request.META.get("HTTP_AUTHORIZATION"))


def signed_in_page_cache(namespace: str, timeout: int = TIMEOUT):
    """Signed-in visitors share the page but for its {% personal %} parts (see the module's docstring)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _personal_request(request) or not enabled():
                return view(request, *args, **kwargs)
            key = _page_key(namespace, request) + ":signed-in"
            current = generation(namespace)
            if current is None:
                return view(request, *args, **kwargs)
            entry = local_pages.get(key, current)
            if entry is None:
                entry = cache.get(key)
                if entry is not None and entry[0] == current:
                    local_pages.put(key, entry, timeout)
                else:
                    entry = None
            if entry is not None:
                _current, content_type, html, secret, templates = entry
                response = HttpResponse(holes.fill(html, secret, templates, request), content_type=content_type)
                response[HEADER] = "personal-hit"
                patch_vary_headers(response, ("Cookie",))
                return response
            secret = uuid.uuid4().hex
            request._personal_holes = {"secret": secret, "templates": []}
            token_used_before = request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
            finally:
                made = request.__dict__.pop("_personal_holes")
            storable = _storable(request, response)  # also: no CSRF token used outside the holes
            if token_used_before:
                request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
            if response.status_code != 200 or response.streaming or response.has_header(HEADER):
                return response
            html = response.content.decode(response.charset)
            user = request.user
            shows_person = any(v and v in html for v in (user.get_full_name(), user.email))
            shared = storable and not shows_person
            if shared:
                entry = (current, response["Content-Type"], html, secret, made["templates"])
                cache.set(key, entry, timeout)
                local_pages.put(key, entry, timeout)
                response[HEADER] = "personal-miss"
            response.content = holes.fill(html, secret, made["templates"], request, shared=shared)
            return response

        wrapped.signed_in_page_cache = namespace  # how tests find the cached views in the URLconf
        return wrapped

    return decorator
