"""Up when a part is down (issue 26).

When PostgreSQL does not answer, the public pages (front page, task list and search, task pages, policy) are
served from the last copy kept in the shared cache, marked stale (a Danish notice at the top, ``X-Portal-Stale``
and ``Age`` headers); every other request gets a Danish 503 page with ``Retry-After``, never a 500 or a technical
page. Nothing needs a restart: Django drops a connection that failed, and the next request opens a new one.

- ``KeepStaleCopyMiddleware`` keeps a copy of each public page that an anonymous visitor got (at most one write a
  minute per address, for a week), only pages that set no cookie and hold no CSRF token, i.e. the same for every
  anonymous visitor;
- ``outage_response(request, exc)`` is asked by the 500 handler (``frivillig.core.views.error_500``) for every
  uncaught exception: for a lost database (or message broker) it answers the stale copy or the 503, and ``None``
  otherwise.
"""

import logging
import time
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

# The views whose anonymous page is kept for an outage (view names as the URLconf gives them).
PUBLIC_VIEWS = {"home", "taskbank:task_list", "taskbank:task_detail", "taskbank:task_detail_short", "policy:index",
                "policy:theme", "policy:white_paper", "policy:guide", "policy:guide_article", "policy:toolbox",
                "policy:toolbox_item", "policy:search"}
KEEP_SECONDS = 7 * 24 * 3600
REFRESH_SECONDS = 60
RETRY_AFTER = 30
STALE_HEADER = "X-Portal-Stale"


def _key(request) -> str:
    return "stale-copy:" + request.get_full_path()


def _broker_errors() -> tuple:
    try:
        from kombu.exceptions import OperationalError as BrokerError
    except ImportError:  # pragma: no cover
        return ()
    return (BrokerError,)


def is_outage(exc) -> str | None:
    """Which part is down, if ``exc`` says a part is down: "database" or "broker"."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OperationalError | InterfaceError):
            return "database"
        if isinstance(exc, _broker_errors()):
            return "broker"
        exc = exc.__cause__ or exc.__context__
    return None


_kept_here: dict[str, float] = {}


class KeepStaleCopyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            self._keep(request, response)
        except Exception:  # noqa: BLE001 - keeping a copy never costs the visitor their page
            logger.warning("Could not keep a stale copy of %s", request.path, exc_info=True)
        return response

    @staticmethod
    def _keep(request, response):
        match = getattr(request, "resolver_match", None)
        if (request.method != "GET" or response.status_code != 200 or response.streaming or match is None
                or match.view_name not in PUBLIC_VIEWS or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                or response.get(STALE_HEADER) or not response.get("Content-Type", "").startswith("text/html")):
            return
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return
        key = _key(request)
        now = time.monotonic()
        if now - _kept_here.get(key, -REFRESH_SECONDS) < REFRESH_SECONDS:
            return  # this process kept it within the minute: no round trip to the cache at all
        if len(_kept_here) > 10_000:
            _kept_here.clear()
        _kept_here[key] = now
        if not cache.add(key + ":fresh", 1, REFRESH_SECONDS):
            return
        cache.set(key, {"content": response.content, "at": time.time(), "type": response["Content-Type"],
                        "language": translation.get_language()}, KEEP_SECONDS)


def _stale_copy(request, part: str):
    if request.method not in ("GET", "HEAD"):
        return None
    copy = cache.get(_key(request))
    if not copy:
        return None
    with translation.override(copy.get("language") or "da"):
        notice = render_to_string("core/stale_notice.html", {
            "part": part, "at": timezone.localtime(datetime.fromtimestamp(copy["at"], tz=UTC))})
    content = copy["content"].decode("utf-8")
    marker = '<main'
    at = content.find(marker)
    content = content[:at] + notice + content[at:] if at >= 0 else notice + content
    response = HttpResponse(content, content_type=copy["type"])
    response[STALE_HEADER] = part
    response["Age"] = str(max(0, int(time.time() - copy["at"])))
    response["Cache-Control"] = "no-store"
    return response


def unavailable(request, part: str) -> HttpResponse:
    """The Danish 503 page: rendered from a template that needs neither the database nor a signed-in person."""
    language = translation.get_language() or "da"
    with translation.override(language):
        content = render_to_string("503.html", {"part": part, "retry_after": RETRY_AFTER})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def outage_response(request, exc) -> HttpResponse | None:
    part = is_outage(exc)
    if part is None:
        return None
    logger.error("Outage: the %s does not answer (%s) on %s %s", part, exc.__class__.__name__, request.method,
                 request.path)
    if part == "database":
        from django.db import connections

        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
    return _stale_copy(request, part) or unavailable(request, part)


def health_checks() -> dict[str, str]:
    """The database, the shared cache (when it is Redis) and the message broker: "ok" or "error: <what>"."""
    from django.conf import settings
    from django.db import connection

    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        checks["database"] = f"error: {exc.__class__.__name__}"
        connection.close_if_unusable_or_obsolete()
    location = settings.CACHES["default"].get("LOCATION")
    cache_url = location if isinstance(location, str) and location.startswith("redis") else None
    for name, url in (("cache", cache_url), ("broker", settings.CELERY_BROKER_URL)):
        if not url:
            continue
        try:
            import redis

            redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
            checks[name] = "ok"
        except Exception as exc:  # noqa: BLE001
            checks[name] = f"error: {exc.__class__.__name__}"
    return checks
