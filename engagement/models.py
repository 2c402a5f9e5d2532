"""After "Optaget": the volunteer agreement, sessions (vagter), attendance and hours.

An agreement belongs to one accepted task application; it is versioned (a change makes a new version the
volunteer accepts again) and ends with an optional reason. Sessions are dated occasions of a task with a number
of places; accepted volunteers sign up for them. Hours are registered by staff (attendance at a session) or
reported by the volunteer and approved by staff.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from frivillig.core.models import ExampleTextMixin, StatusChangeBase, TimeStampedModel


class StandardText(ExampleTextMixin, TimeStampedModel):
    """The Culture department's standard wording an agreement copies (insurance, confidentiality, …)."""

    class Key(models.TextChoices):
        INSURANCE = "insurance", _("Forsikring")
        CONFIDENTIALITY = "confidentiality", _("Tavshedspligt")
        NOTIFICATION = "notification", _("Underretningspligt")
        ENDING = "ending", _("Sådan afslutter I samarbejdet")

    key = models.CharField(_("nøgle"), max_length=20, choices=Key, unique=True)
    title = models.CharField(_("overskrift"), max_length=160)
    text = models.TextField(_("tekst"))

    class Meta:
        ordering = ["key"]
        verbose_name = _("standardtekst")
        verbose_name_plural = _("standardtekster")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("engagement:standard_texts") + f"#{self.key}"

    def get_staff_url(self):
        return reverse("engagement:staff_standard_text", args=[self.pk])


class Agreement(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        AWAITING = "awaiting", _("Venter på den frivilliges accept")
        ACCEPTED = "accepted", _("Accepteret")
        ENDED = "ended", _("Afsluttet")

    class Certificate(models.TextChoices):
        NOT_REQUIRED = "not_required", _("Kræves ikke")
        MISSING = "missing", _("Mangler")
        CHECKED = "checked", _("Indhentet og vurderet")

    task = models.ForeignKey("taskbank.Task", on_delete=models.CASCADE, related_name="agreements",
                             verbose_name=_("opgave"))
    application = models.OneToOneField("taskbank.TaskApplication", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="agreement")
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="volunteer_agreements", verbose_name=_("frivillig"))
    contact = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", verbose_name=_("kontaktperson"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    duties = models.TextField(_("det gør den frivillige"), max_length=4000)
    staff_duties = models.TextField(_("det er medarbejdernes opgaver"), max_length=4000)
    schedule = models.CharField(_("hvornår og hvor ofte"), max_length=300)
    confidentiality = models.BooleanField(_("tavshedspligt"), default=False)
    notification_duty = models.BooleanField(_("underretningspligt (børn og unge)"), default=False)
    insured = models.BooleanField(_("dækket af kommunens forsikring for frivillige"), default=True)
    child_certificate = models.CharField(_("børneattest"), max_length=15, choices=Certificate,
                                         default=Certificate.NOT_REQUIRED)
    insurance_text = models.TextField(_("forsikring"), blank=True)
    confidentiality_text = models.TextField(_("tavshedspligt"), blank=True)
    notification_text = models.TextField(_("underretningspligt"), blank=True)
    ending_text = models.TextField(_("afslutning"), blank=True)
    wording_is_example = models.BooleanField(default=False, editable=False)
    ended_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    end_reason = models.TextField(_("årsag"), blank=True, max_length=2000)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("frivilligaftale")
        verbose_name_plural = _("frivilligaftaler")
        constraints = [models.CheckConstraint(condition=Q(version__gte=1), name="agreement_version_positive")]

    def __str__(self):
        return str(_("Frivilligaftale: %(task)s") % {"task": self.task.title})

    def get_absolute_url(self):
        return reverse("engagement:agreement", args=[self.pk])

    def get_staff_url(self):
        return reverse("engagement:staff_agreement", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def makes_new_version(self) -> bool:
        """A change of a sent or accepted agreement is a new version the volunteer accepts again."""
        return self.status != self.Status.DRAFT


class AgreementStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="status_changes")


class AgreementAcceptance(models.Model):
    """Who accepted which version, when."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="acceptances")
    version = models.PositiveSmallIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [models.UniqueConstraint(fields=["agreement", "version"], name="one_acceptance_per_version")]


class Session(TimeStampedModel):
    """A dated occasion of a task (for its accepted volunteers) or of an event (for the helpers who sign up)."""

    task = models.ForeignKey("taskbank.Task", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="sessions", verbose_name=_("opgave"))
    event = models.ForeignKey("taskbank.Event", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="sessions", verbose_name=_("arrangement"))
    starts_at = models.DateTimeField(_("starter"), db_index=True)
    ends_at = models.DateTimeField(_("slutter"))
    places = models.PositiveSmallIntegerField(_("antal pladser"))
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    cancelled_at = models.DateTimeField(_("aflyst"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("vagt")
        verbose_name_plural = _("vagter")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"),
            models.CheckConstraint(condition=Q(places__gte=1), name="session_has_places"),
            models.CheckConstraint(condition=Q(task__isnull=False, event__isnull=True)
                                   | Q(task__isnull=True, event__isnull=False), name="session_of_task_or_event"),
        ]

    def __str__(self):
        return self.title

    def get_staff_url(self):
        return reverse("engagement:staff_session", args=[self.pk])

    @property
    def occasion(self):
        """The task or the event the session belongs to."""
        return self.task if self.task_id else self.event

    @property
    def title(self) -> str:
        return self.occasion.title

    @property
    def location(self) -> str:
        return self.task.address if self.task_id else self.event.place

    @property
    def for_event(self) -> bool:
        return self.event_id is not None

    def get_rota_url(self):
        if self.event_id:
            return reverse("engagement:staff_event_sessions", args=[self.event_id])
        return reverse("engagement:staff_sessions", args=[self.task_id])

    @property
    def hours(self) -> Decimal:
        return (Decimal((self.ends_at - self.starts_at).total_seconds()) / 3600).quantize(Decimal("0.01"))


class SessionSignupQuerySet(models.QuerySet):
    def helper_hours(self):
        """Confirmed attendance at an event's session: a helper's only record of those hours. It counts in the
        total of volunteer hours, goes on her certificate, outlives the sign-up retention and is kept without her
        name when she is erased."""
        return self.filter(attended=True, session__event__isnull=False)

    def named(self):
        """Sign-ups that still have a person: an erased helper's kept attendance has none, so nobody is e-mailed,
        listed or re-registered for it."""
        return self.filter(volunteer__isnull=False)


class SessionSignup(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="signups")
    # Empty on a helper's confirmed attendance at an event after she was erased: the hours stay counted, her name goes.
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="session_signups")
    created_at = models.DateTimeField(auto_now_add=True)
    attended = models.BooleanField(_("mødte op"), null=True, blank=True)

    objects = SessionSignupQuerySet.as_manager()

    class Meta:
        ordering = ["session__starts_at"]
        constraints = [models.UniqueConstraint(fields=["session", "volunteer"], name="one_signup_per_session")]


class HoursEntry(TimeStampedModel):
    class Status(models.TextChoices):
        REPORTED = "reported", _("Venter på godkendelse")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="hours_entries")
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    date = models.DateField(_("dato"))
    hours = models.DecimalField(_("timer"), max_digits=5, decimal_places=2)
    note = models.CharField(_("hvad lavede du"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.REPORTED, db_index=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("timer")
        verbose_name_plural = _("timer")
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0) & Q(hours__lte=24), name="hours_within_a_day"),
            models.UniqueConstraint(fields=["agreement", "session"], condition=Q(session__isnull=False),
                                    name="one_hours_entry_per_session"),
        ]

    def get_staff_url(self):
        return self.agreement.get_staff_url()


class HoursStatusChange(StatusChangeBase):
    subject = models.ForeignKey(HoursEntry, on_delete=models.CASCADE, related_name="status_changes")


def _token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A volunteer's personal calendar of her sessions: a secret address she can revoke (a new token)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_calendar")
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now=True)


class Nomination(TimeStampedModel):
    """"Årets frivillige": citizens, associations and staff nominate with a reason; the Culture department chooses;
    the nominee consents before her name is shown."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Indstillet")
        CHOSEN = "chosen", _("Valgt – venter på samtykke")
        PUBLISHED = "published", _("Årets frivillige")
        DECLINED = "declined", _("Ønsker ikke at blive nævnt")

    year = models.PositiveSmallIntegerField(_("år"))
    nominee_name = models.CharField(_("den frivilliges navn"), max_length=160)
    nominee_email = models.EmailField(_("den frivilliges e-mail"), max_length=254)
    where = models.CharField(_("hvor er den frivillige aktiv"), max_length=200)
    reason = models.TextField(_("begrundelse"), max_length=3000)
    nominator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="nominations")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SUBMITTED, db_index=True)
    consent_token = models.CharField(max_length=64, unique=True, default=_token)

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("indstilling")
        verbose_name_plural = _("indstillinger")

    def __str__(self):
        return f"{self.year}: {self.nominee_name}"

    def get_staff_url(self):
        return reverse("engagement:staff_nominations")


class NominationStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="status_changes")
