import io

import pytest
from django.core import mail
from pypdf import PdfReader

from frivillig.core import notify, pdf
from frivillig.core.models import Document, Notification
from frivillig.core.tasks import render_document, send_notification

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_notification_with_same_key_is_sent_once(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify.notify(to=citizen, template="core/email/test_message", context={"message": "Hej"},
                              key="test:1")
    with django_capture_on_commit_callbacks(execute=True):
        second = notify.notify(to=citizen, template="core/email/test_message", context={"message": "Hej"},
                               key="test:1")
    assert first.pk == second.pk
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Besked til Anna Andersen"
    assert "Hej" in mail.outbox[0].body
    first.refresh_from_db()
    assert first.status == Notification.Status.SENT and first.sent_at is not None


def test_send_task_run_twice_sends_once(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        n = notify.notify(to=citizen, template="core/email/test_message", context={"message": "x"}, key="k2")
    send_notification.apply(args=[n.pk])
    send_notification.apply(args=[n.pk])
    assert len(mail.outbox) == 1


def test_a_resent_notification_carries_the_same_message_id(citizen, other_citizen, django_capture_on_commit_callbacks):
    """The crash window (SMTP accepted, row not yet marked sent) resends; the copy must be recognisably the same
    message so that receiving servers and clients drop it."""
    with django_capture_on_commit_callbacks(execute=False):
        n = notify.notify(to=citizen, template="core/email/test_message", context={"message": "x"}, key="k3")
        other = notify.notify(to=other_citizen, template="core/email/test_message", context={"message": "x"}, key="k4")
    assert notify.deliver(n.pk)
    Notification.objects.filter(pk=n.pk).update(status=Notification.Status.PENDING)  # as if the worker had died
    assert notify.deliver(n.pk) and notify.deliver(other.pk)
    first, again, different = (m.message()["Message-ID"] for m in mail.outbox)
    assert first == again and first != different and first.startswith("<notification-") and first.endswith(">")


def test_html_alternative_escapes_user_text(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify.notify(to=citizen, template="core/email/test_message", context={"message": "<script>x</script>"})
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>x" not in html and "&lt;script&gt;" in html


@pdf.renderer("core.test_document")
def _test_document(obj):
    return pdf.Rendered(template="core/pdf/test_document.html",
                        context={"heading": "Prøvedokument", "body": f"Til {obj.full_name}"},
                        filename="proeve.pdf")


def test_pdf_is_rendered_in_task_and_holds_the_text(citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        doc = pdf.request("core.test_document", obj=citizen, version="1")
    assert doc.status == Document.Status.PENDING
    for callback in callbacks:
        callback()
    doc.refresh_from_db()
    assert doc.status == Document.Status.READY
    text = pdf_text(doc.file.read())
    assert "Prøvedokument" in text and "Anna Andersen" in text
    # the same version is the same document; rendering it again does nothing
    assert pdf.request("core.test_document", obj=citizen, version="1").pk == doc.pk
    assert render_document.apply(args=[doc.pk]).result is False


def test_pdfs_embed_the_portal_typeface():
    """The municipality's letters are set in IBM Plex Sans (DKFDS), embedded and subset, not a fallback font."""
    reader = PdfReader(io.BytesIO(pdf.render_to_pdf_bytes("core/pdf/test_document.html",
                                                          {"heading": "Afgørelse", "body": "Brødtekst"})))
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("IBM-Plex-Sans-Semi-Bold" in f for f in fonts) and any(f.endswith("+IBM-Plex-Sans") for f in fonts), fonts


def test_document_page_says_being_prepared_then_offers_download(client, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        doc = pdf.request("core.test_document", obj=citizen, version="2")
    response = client.get(doc.get_absolute_url())
    assert "under udarbejdelse" in response.content.decode()
    for callback in callbacks:
        callback()
    response = client.get(doc.get_absolute_url() + "?download=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_access_log_is_append_only(citizen, culture_admin):
    from django.db import DatabaseError, transaction

    from frivillig.core.audit import log_access
    from frivillig.core.models import PersonalDataAccess

    assert log_access(actor=culture_admin, subjects=[citizen, culture_admin], reason="Sagsbehandling") == 1
    row = PersonalDataAccess.objects.get()
    assert row.subject == citizen and row.actor == culture_admin
    with pytest.raises(DatabaseError), transaction.atomic():
        PersonalDataAccess.objects.filter(pk=row.pk).update(reason="ændret")
    with pytest.raises(DatabaseError), transaction.atomic():
        PersonalDataAccess.objects.filter(pk=row.pk).delete()


def test_rate_limit_counts_per_user(rf, citizen, other_citizen):
    from frivillig.core import ratelimit

    request = rf.post("/")
    request.user = citizen
    results = [ratelimit.exceeded(request, "test.action", per_user="3/h") for _ in range(4)]
    assert results == [False, False, False, True]
    other = rf.post("/")
    other.user = other_citizen
    assert ratelimit.exceeded(other, "test.action", per_user="3/h") is False


def test_only_the_portals_own_addresses_are_links_in_mail(settings):
    """Pen-test row 15: what a citizen wrote reaches staff in mail; their addresses must not become links."""
    from django.template.loader import render_to_string

    settings.PORTAL_BASE_URL = "https://frivillig.rudersdal.dk"
    html = render_to_string("email/base.html", {"subject": "s", "body_text": (
        "Se https://evil.example/login og www.evil.example\nSvar: https://frivillig.rudersdal.dk/medarbejder/?a=1&b=2")})
    assert 'href="https://evil.example' not in html and "href=\"http://www.evil.example" not in html
    assert '<a href="https://frivillig.rudersdal.dk/medarbejder/?a=1&amp;b=2">' in html


def test_pdfs_fetch_only_static_and_media_files(settings, tmp_path):
    """Pen-test row 15: WeasyPrint's default fetcher read any file:// and any http(s) address."""
    from frivillig.core.pdf import url_fetcher

    fetch = url_fetcher().fetch
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logo.png").write_bytes(b"x")
    font = settings.BASE_DIR / "node_modules/dkfds/dist/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf"
    assert fetch(font.as_uri())
    assert fetch((tmp_path / "logo.png").as_uri())
    assert fetch("data:text/plain,hej")
    for refused in ("file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "https://example.com/x.css",
                    (settings.BASE_DIR / "frivillig/settings/base.py").as_uri(), (tmp_path / ".." / "x").as_uri(),
                    "ftp://example.com/x"):
        with pytest.raises(ValueError):
            fetch(refused)

