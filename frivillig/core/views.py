"""Portal-wide pages: front page, health check, static pages, staff workspace, documents."""

import importlib

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
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
    for app in ("volunteers", "taskbank", "grants", "strategy", "network"):
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
def metrics(request):
    """Prometheus metrics, for the operators only (``observability.metrics_response``)."""
    from .observability import metrics_response

    return metrics_response(request)


@never_cache
def liveness(request):
    """Liveness probe: answers without touching the database or the broker (also the benchmark's
    reference for the cost of a trivial Django view)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def healthz(request):
    """Each dependency, named, "ok" or what failed (``outage.health_checks``); 503 when one is down."""
    from .outage import health_checks

    checks = health_checks()
    down = sorted(name for name, value in checks.items() if value != "ok")
    return JsonResponse({"status": "error" if down else "ok", "down": down, "checks": checks},
                        status=503 if down else 200)


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
    """A part that does not answer (the database, the broker) is a 503 or a stale public page, not a 500."""
    import sys

    from .outage import outage_response

    return outage_response(request, sys.exc_info()[1]) or render(request, "500.html", status=500)
