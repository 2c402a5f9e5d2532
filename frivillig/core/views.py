"""Portal-wide pages: front page, health check, static pages, staff workspace, documents."""

import importlib

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache

from frivillig.accounts.roles import is_culture_admin

from . import notify, pdf
from .audit import log_access
from .decorators import role_required
from .files import attachment_response
from .models import Document
from .registry import staff_sections_for


def _front_page_blocks(request) -> list:
    """Each domain app may offer ``<app>.queries.front_page_block(request)`` returning a dict with a
    ``template`` and its context; the front page shows those that exist."""
    blocks = []
    for app in ("taskbank", "grants", "strategy", "network"):
        try:
            queries = importlib.import_module(f"{app}.queries")
        except ModuleNotFoundError:
            continue
        block = getattr(queries, "front_page_block", None)
        if block:
            result = block(request)
            if result:
                blocks.append(result)
    return blocks


def home(request):
    return render(request, "pages/home.html", {"blocks": _front_page_blocks(request)})


@never_cache
def liveness(request):
    """Liveness probe: answers without touching the database or the broker (also the benchmark's
    reference for the cost of a trivial Django view)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def healthz(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        import redis

        client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        checks["broker"] = "ok"
    except Exception as exc:  # noqa: BLE001
        checks["broker"] = f"error: {exc.__class__.__name__}"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)


def accessibility(request):
    return render(request, "pages/accessibility.html")


def privacy(request):
    return render(request, "pages/privacy.html", {"retention": settings.RETENTION_DAYS})


@login_required
def staff_home(request):
    sections = staff_sections_for(request.user)
    if not sections:
        raise PermissionDenied
    return render(request, "core/staff_home.html", {"sections": sections})


def document(request, uuid):
    """Show a generated document: 'being prepared' until it is ready, then the download."""
    doc = get_object_or_404(Document, uuid=uuid)
    renderer = pdf.get_renderer(doc.kind)
    if not renderer.can_view(request.user, doc):
        raise Http404
    if doc.is_ready and request.GET.get("download") == "1":
        if renderer.subjects is not None:
            log_access(actor=request.user, subjects=renderer.subjects(doc), reason=f"PDF: {doc.filename}"[:200],
                       request=request)
        return attachment_response(doc.file, doc.filename)
    return render(request, "core/document.html", {"document": doc})


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


@role_required(is_culture_admin)
def undelivered(request):
    """E-mails the portal could not send, with the reason: the Culture department can contact the person another way.
    Recipients' addresses are personal data: the access is logged."""
    page = Paginator(notify.undelivered().select_related("recipient"), 50).get_page(request.GET.get("side"))
    log_access(actor=request.user, subjects=[n.recipient_id for n in page], reason=gettext_noop("Ikke leverede e-mails"),
               request=request)
    return render(request, "core/undelivered.html", {"page": page, "max_attempts": notify.MAX_ATTEMPTS})


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
