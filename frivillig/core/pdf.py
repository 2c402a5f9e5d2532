"""The one way the portal makes PDFs.

An app registers a renderer for a kind of document::

    @pdf.renderer("grants.decision_letter", can_view=lambda user, doc: ...)
    def decision_letter(obj):             # obj is the document's object (or None)
        return pdf.Rendered(template="grants/pdf/decision_letter.html",
                            context={"application": obj}, filename=f"afgoerelse-{obj.pk}.pdf")

and asks for a document with ``pdf.request("grants.decision_letter", obj=application, version=...)``.
A renderer whose ``build`` is costly (it gathers a whole report) names its file in the decorator too,
``filename=lambda obj: ...``: a pending document shows that name (never the kind's code) while it is made.
The first request creates a pending ``Document`` and queues the rendering in Celery after commit; later
requests with the same version return the same document. A page shows
``{% include "core/document_status.html" with document=doc %}``: "being prepared" until it is ready,
then the download link. ``render_to_pdf_bytes()`` renders synchronously (tests, small previews).
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .context_processors import contact
from .models import Document

log = logging.getLogger(__name__)
PDF_VARIANT = "pdf/ua-1"


@dataclass
class Rendered:
    template: str
    context: dict = field(default_factory=dict)
    filename: str = "dokument.pdf"


@dataclass
class Renderer:
    kind: str
    build: object  # (obj) -> Rendered
    can_view: object  # (user, document) -> bool
    subjects: object = None  # (document) -> the people (users or ids) whose personal data the document shows
    filename: object = None  # (obj) -> the file's name, when build() is too costly to ask before rendering

    def filename_for(self, obj) -> str:
        return self.filename(obj) if self.filename else self.build(obj).filename


_renderers: dict[str, Renderer] = {}


def public(user, document) -> bool:
    return True


def renderer(kind: str, *, can_view=public, subjects=None, filename=None):
    """``subjects``: for documents with a person's data; staff downloading one is then written to the access log.
    ``filename``: (obj) -> the file's name, for a renderer whose build() is costly (see the module's docstring)."""

    def register(fn):
        _renderers[kind] = Renderer(kind=kind, build=fn, can_view=can_view, subjects=subjects, filename=filename)
        return fn

    return register


def get_renderer(kind: str) -> Renderer:
    return _renderers[kind]


def _allowed_roots() -> list:
    from pathlib import Path

    roots = [settings.MEDIA_ROOT, settings.STATIC_ROOT]
    roots += [d[1] if isinstance(d, tuple | list) else d for d in settings.STATICFILES_DIRS]
    return [Path(r).resolve() for r in roots if r]


def _permitted(url: str) -> bool:
    from pathlib import Path
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme == "data":
        return True
    if parsed.scheme != "file" or parsed.netloc:
        return False
    path = Path(unquote(parsed.path)).resolve()
    return any(path.is_relative_to(root) for root in _allowed_roots())


def url_fetcher():
    """WeasyPrint may read only the project's static files and MEDIA_ROOT (fonts, logos, images) and inline data:
    URLs. No network, no other file: text a citizen wrote can never make a PDF fetch or embed anything else. A
    refused resource is left out of the PDF (WeasyPrint logs it)."""
    from weasyprint.urls import URLFetcher

    class LockedDownFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not _permitted(url):
                raise ValueError(f"PDF resource refused: {url[:200]}")
            return super().fetch(url, headers)

    return LockedDownFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def render_to_pdf_bytes(template: str, context: dict | None = None) -> bytes:
    from weasyprint import HTML

    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(template, {"portal_url": settings.PORTAL_BASE_URL, "portal_contact": contact(),
                                           **(context or {})})
    base_url = str(settings.BASE_DIR) + "/"
    # PDF/UA-1: a tagged PDF (structure tree from the HTML: headings, lists, tables with their headers, alt
    # text) whose language and title come from <html lang> and <title> in core/pdf/base.html. The Danish
    # accessibility law covers documents the portal publishes. The URL fetcher reads only static and media files.
    return HTML(string=html, base_url=base_url, url_fetcher=url_fetcher()).write_pdf(pdf_variant=PDF_VARIANT)


def request(kind: str, *, obj=None, version: str = "") -> Document:
    """Return the document of this kind for obj and version, queueing its rendering if it is new."""
    if kind not in _renderers:
        raise KeyError(f"No PDF renderer registered for {kind!r}")
    ct = ContentType.objects.get_for_model(obj) if obj is not None else None
    object_id = str(obj.pk) if obj is not None else ""
    key = f"{kind}:{ct.pk if ct else '-'}:{object_id}:{version}"[:255]
    doc = Document.objects.filter(key=key).first()
    if doc is not None:
        if doc.status == Document.Status.FAILED:
            queue(doc)
        return doc
    filename = _renderers[kind].filename_for(obj)  # the name people see while it is made: never the kind's code
    try:
        with transaction.atomic():
            doc = Document.objects.create(key=key, kind=kind, content_type=ct, object_id=object_id,
                                          filename=filename)
    except IntegrityError:
        return Document.objects.get(key=key)
    queue(doc)
    return doc


def queue(doc: Document) -> None:
    from .tasks import render_document

    transaction.on_commit(lambda: render_document.delay(doc.pk))


def render(document_id: int) -> bool:
    """Render a pending document (the Celery task calls this). Idempotent: a ready document is left."""
    with transaction.atomic():
        doc = Document.objects.select_for_update(skip_locked=True).filter(pk=document_id).first()
        if doc is None or doc.status == Document.Status.READY:
            return False
        r = _renderers[doc.kind]
        obj = doc.obj if doc.content_type_id else None
        rendered = r.build(obj)
        try:
            data = render_to_pdf_bytes(rendered.template, rendered.context)
        except Exception as exc:
            doc.status = Document.Status.FAILED
            doc.error = str(exc)[:2000]
            doc.save(update_fields=["status", "error"])
            log.exception("PDF rendering failed for %s", doc.key)
            return False
        doc.filename = rendered.filename
        doc.file.save(f"{doc.uuid}.pdf", ContentFile(data), save=False)
        doc.status = Document.Status.READY
        doc.error = ""
        doc.rendered_at = timezone.now()
        doc.save()
        return True


def latest(kind: str, obj=None) -> Document | None:
    qs = Document.objects.filter(kind=kind)
    if obj is not None:
        qs = qs.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
    return qs.order_by("-created_at").first()
