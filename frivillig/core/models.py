"""Shared base models and the portal-wide records: notifications sent and documents rendered."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True


class ExampleTextMixin(models.Model):
    """Content whose prose may be example text that the portal ships until the Culture department writes its own.

    ``is_example`` is set by the seed loaders (the seeds in ../shared/seeds are the only source of the municipality's
    own words) and cleared by the service that saves the department's own text. Every page and PDF that shows an
    example text shows the marker ``core/example_marker.html`` next to it (frivillig/core/examples.py)."""

    is_example = models.BooleanField(
        _("eksempeltekst"), default=False, editable=False,
        help_text=_("Teksten er et eksempel, som skal erstattes af kommunens egen tekst."))

    class Meta:
        abstract = True


class StatusChangeBase(models.Model):
    """Abstract record of one state change of a case: who, when, from what, to what and why.

    Each app subclasses it with a ForeignKey named ``subject`` to its case model (see
    ``frivillig.core.workflow``)."""

    from_status = models.CharField(_("fra status"), max_length=40, blank=True)
    to_status = models.CharField(_("til status"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("udført af"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reason = models.TextField(_("begrundelse"), blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    # The subject's status field, whose choices give the labels a person reads ("Under behandling", never
    # "in_review"). Subclasses whose case keeps its status elsewhere override it.
    status_field = "status"
    status_choices = None  # or the choices themselves, for a case whose status is derived (a hearing's state)

    def _label(self, value: str) -> str:
        if not value:
            return ""
        choices = self.status_choices
        if choices is None:
            choices = self._meta.get_field("subject").related_model._meta.get_field(self.status_field).flatchoices
        return str(dict(choices).get(value, value))

    @property
    def from_label(self) -> str:
        return self._label(self.from_status)

    @property
    def to_label(self) -> str:
        return self._label(self.to_status)


class Notification(models.Model):
    """One e-mail the portal sends. ``key`` makes a notification unique: the same key is never sent twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter")
        SENT = "sent", _("Sendt")
        FAILED = "failed", _("Fejlet")

    key = models.CharField(_("nøgle"), max_length=200, unique=True, null=True, blank=True)
    kind = models.CharField(_("type"), max_length=100, db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="notifications", verbose_name=_("modtager"),
    )
    to_email = models.EmailField(_("e-mail"))
    subject = models.CharField(_("emne"), max_length=255)
    body_text = models.TextField(_("tekst"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Extra e-mail headers, e.g. List-Unsubscribe for digests (RFC 8058 one-click unsubscribe).
    headers = models.JSONField(_("ekstra headere"), default=dict, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    obj = GenericForeignKey("content_type", "object_id")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.kind} → {self.to_email}"


def document_upload_to(instance, filename):
    return f"documents/{instance.created_at:%Y/%m}/{instance.uuid}.pdf"


class Document(models.Model):
    """A PDF rendered by the PDF service. ``key`` identifies the content version: a changed source gets
    a new key and so a new document; the same key is rendered once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Under udarbejdelse")
        READY = "ready", _("Klar")
        FAILED = "failed", _("Fejlet")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField(max_length=255, unique=True)
    kind = models.CharField(max_length=100, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64, blank=True)
    obj = GenericForeignKey("content_type", "object_id")
    filename = models.CharField(max_length=200)
    file = models.FileField(upload_to=document_upload_to, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id", "kind"])]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("core:document", args=[self.uuid])

    @property
    def is_ready(self):
        return self.status == self.Status.READY

    @property
    def is_failed(self):
        return self.status == self.Status.FAILED


class PersonalDataAccess(models.Model):
    """Append-only log: a member of staff opened a page showing a person's personal data.

    Rows are never changed or deleted (a database trigger refuses UPDATE and DELETE); they are part of
    what a person gets when they export their data."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("medarbejder"))
    subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_accesses",
                                verbose_name=_("person"))
    reason = models.CharField(_("formål"), max_length=200)
    path = models.CharField(_("side"), max_length=300, blank=True)
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("adgang til personoplysninger")
        verbose_name_plural = _("adgangslog")
