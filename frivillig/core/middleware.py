import csp.constants
import csp.middleware
import csp.utils
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.gzip import GZipMiddleware


class RejectNulBytesMiddleware:
    """A NUL byte is never part of what a person types, and PostgreSQL refuses it in text: a request that holds one
    anywhere (path, query string, header, cookie, form field or body) is answered 400 (Danish error page) before any
    view parses it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or "%00" in request.META.get("RAW_URI", request.META.get("REQUEST_URI", "")):
            raise BadRequest("NUL byte in the path")
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            raise BadRequest("NUL byte in the query string")
        if any("\x00" in value for key, value in request.META.items() if key.startswith("HTTP_") and isinstance(value, str)):
            raise BadRequest("NUL byte in a header")
        if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.POST.lists()):
                raise BadRequest("NUL byte in a form field")
        elif request.method not in ("GET", "HEAD", "OPTIONS") and request.content_type == "application/json":
            if b"\\u0000" in request.body or b"\x00" in request.body:
                raise BadRequest("NUL byte in the body")
        return self.get_response(request)


class NoStoreForPersonalDataMiddleware:
    """Pages for a signed-in person (their applications, their data, staff pages) must not be kept by
    browsers or proxies: send Cache-Control: no-store for every authenticated response and for every
    page under the account and staff areas."""

    PRIVATE_PREFIXES = ("/konto/", "/medarbejder/", "/admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith(self.PRIVATE_PREFIXES):
            response["Cache-Control"] = "no-store"
        return response


class GZipSharedPagesMiddleware(GZipMiddleware):
    """Compressed HTML for what anyone may see: the pages a visitor on a phone meets first (issue 27).

    Compression lets an attacker who can put words into a response and watch its size (BREACH) read a secret in the
    same response, one character at a time. So a response marked ``Cache-Control: no-store`` — everything of a
    signed-in person and the account and staff areas (NoStoreForPersonalDataMiddleware) — is sent as it is: those
    hold the person's own data next to what the request typed. What is compressed holds no such secret: its CSRF
    tokens are masked afresh on every response, and Django's GZipMiddleware adds random bytes to the gzip header of
    every response (Heal The Breach), so the size does not follow the content. Static files never get here:
    whitenoise serves them, already compressed, before this middleware."""

    TEXT = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")

    def process_response(self, request, response):
        if "no-store" in response.get("Cache-Control", "") or not response.get("Content-Type", "").startswith(self.TEXT):
            return response  # a person's page (above), or a PDF or image that is compressed already
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """The portal uses no camera, microphone, location or other powerful browser feature: say so, so that no
    script or embedded frame can ask for one."""

    POLICY = ("accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(), geolocation=(), "
              "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
              "screen-wake-lock=(), usb=(), xr-spatial-tracking=()")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the header of a response that changes nothing in the policy (no nonce, no
    per-view decorator: every page of the portal) built once from the settings instead of on every response (a
    measurable share of a page served from the cache). Anything else goes through django-csp unchanged."""

    OVERRIDES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt", "_csp_config_ro", "_csp_update_ro",
                 "_csp_replace_ro", "_csp_exempt_ro")
    _built: list | None = None  # emptied when a test changes the settings (below)

    @classmethod
    def _policies(cls):
        built = cls._built
        if built is None:
            built = []
            for header, report_only, name in ((csp.constants.HEADER, False, "CONTENT_SECURITY_POLICY"),
                                              (csp.constants.HEADER_REPORT_ONLY, True,
                                               "CONTENT_SECURITY_POLICY_REPORT_ONLY")):
                value = csp.utils.build_policy(report_only=report_only)
                if value:
                    excluded = tuple((getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
                    built.append((header, value, excluded))
            cls._built = built
        return built

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(hasattr(response, a) for a in self.OVERRIDES):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for header, value, excluded in self._policies():
            if header not in response and not request.path_info.startswith(excluded):
                response[header] = value
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


@receiver(setting_changed)
def _policy_changed(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        CSPMiddleware._built = None
