from django.core.exceptions import BadRequest


class RejectNulBytesMiddleware:
    """A NUL byte is never part of what a person types, and PostgreSQL refuses it in text: a query parameter or
    form field that holds one is answered 400 (Danish error page) before any view parses it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            raise BadRequest("NUL byte in the query string")
        if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.POST.lists()):
                raise BadRequest("NUL byte in a form field")
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
