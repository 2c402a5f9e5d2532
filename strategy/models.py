"""Civil-society strategy processes (Recommendation 2; the CFSA and Ballerup processes): phases, themes,
dialogue meetings, input, drafts, hearings and responses, adoption and indicators."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.core.models import StatusChangeBase, TimeStampedModel


class ProcessTemplate(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)

    def __str__(self):
        return self.name


class PhaseTemplate(models.Model):
    template = models.ForeignKey(ProcessTemplate, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(_("fase"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    weeks = models.PositiveSmallIntegerField(_("varighed i uger"), default=4)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["template", "order"], name="phase_template_order_unique")]


class Process(TimeStampedModel):
    slug = models.SlugField(unique=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"))
    template = models.ForeignKey(ProcessTemplate, null=True, blank=True, on_delete=models.SET_NULL)
    committee_adopted_on = models.DateField(_("vedtaget i Kultur- og Fritidsudvalget"), null=True, blank=True)
    council_adopted_on = models.DateField(_("vedtaget i kommunalbestyrelsen"), null=True, blank=True)
    adoption_decision = models.TextField(_("beslutning"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("strategiproces")
        verbose_name_plural = _("strategiprocesser")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("strategy:process", args=[self.slug])

    @property
    def is_adopted(self):
        return bool(self.council_adopted_on)


class Phase(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        ONGOING = "ongoing", _("I gang")
        DONE = "done", _("Afsluttet")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(_("fase"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    starts_on = models.DateField(_("planlagt start"))
    ends_on = models.DateField(_("planlagt slut"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["process", "order"], name="phase_order_unique", deferrable=models.Deferrable.DEFERRED),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="phase_dates_in_order"),
        ]

    def __str__(self):
        return self.name


class Theme(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("tema"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    class Kind(models.TextChoices):
        DIALOGUE = "dialogue", _("Dialogmøde")
        FOCUS_GROUP = "focus_group", _("Fokusgruppe")
        CITIZEN = "citizen", _("Borgermøde")
        STAFF = "staff", _("Personalemøde")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    title = models.CharField(_("titel"), max_length=200)
    audience = models.CharField(_("for hvem"), max_length=200)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200)
    capacity = models.PositiveIntegerField(_("pladser"))
    notes = models.TextField(_("referat"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="meeting_ends_after_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("strategy:meeting", args=[self.pk])


class MeetingSignup(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strategy_signups")
    waiting = models.BooleanField(_("på venteliste"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_signup_per_meeting")]


class Input(TimeStampedModel):
    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Forslag")
        IDEA = "idea", _("Idé")
        BARRIER = "barrier", _("Barriere")

    class Status(models.TextChoices):
        PENDING = "pending", _("Afventer")
        PUBLISHED = "published", _("Offentliggjort")
        HIDDEN = "hidden", _("Skjult")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="inputs")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="inputs", verbose_name=_("tema"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind)
    text = models.TextField(_("dit input"), max_length=3000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="strategy_inputs")
    author_label = models.CharField(_("afsender"), max_length=200, blank=True,
                                    help_text=_("Fx “Deltagere på dialogmødet 12. maj”, når input registreres af personalet."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="inputs")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True)
    hidden_reason = models.CharField(_("begrundelse for at skjule"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class Support(models.Model):
    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["input", "user"], name="one_support_per_user")]


class Draft(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="drafts")
    title = models.CharField(_("titel"), max_length=200)

    def __str__(self):
        return self.title

    def latest(self):
        return self.versions.order_by("-number").first()


class DraftVersion(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    note = models.CharField(_("hvad er ændret"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="draft_version_unique")]

    def __str__(self):
        return f"{self.draft} v{self.number}"


class DraftSection(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    heading = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(_("tekst"))
    caused_by_input = models.ForeignKey(Input, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                        verbose_name=_("ændret på grund af input"))
    caused_by_response = models.ForeignKey("HearingResponse", null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="+", verbose_name=_("ændret på grund af høringssvar"))

    class Meta:
        ordering = ["order"]


class Hearing(TimeStampedModel):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        OPEN = "open", _("Åben")
        CLOSED = "closed", _("Lukket")
        MEMO_WRITTEN = "memo_written", _("Høringsnotat skrevet")
        CONCLUDED = "concluded", _("Afsluttet")

    slug = models.SlugField(unique=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"))
    process = models.ForeignKey(Process, null=True, blank=True, on_delete=models.SET_NULL, related_name="hearings")
    draft_version = models.ForeignKey(DraftVersion, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="hearings", verbose_name=_("udkast i høring"))
    opens_at = models.DateTimeField(_("åbner"))
    closes_at = models.DateTimeField(_("lukker"))
    memo_written_at = models.DateTimeField(null=True, blank=True)
    concluded_at = models.DateTimeField(null=True, blank=True)
    changes_made = models.TextField(_("ændringer på baggrund af høringen"), blank=True)
    # The number of responses, kept exact by a database trigger (migration 0002) on every insert and delete, so the
    # list of responses is paginated without counting them.
    response_count = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        ordering = ["-opens_at"]
        constraints = [models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="hearing_closes_after_open")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # response_count belongs to the trigger: saving a hearing never writes back the figure it was loaded with.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [f.name for f in self._meta.concrete_fields
                                       if not f.primary_key and f.name != "response_count"]
        elif kwargs.get("update_fields") is not None:  # "status" (see below) is stored as the dates it sets
            kwargs["update_fields"] = [f for f in kwargs["update_fields"] if f != "status"]
        super().save(*args, **kwargs)

    @property
    def status(self):
        """The state, for ``workflow.move()``: setting it to "memo written" or "concluded" stamps that date."""
        return self.state()

    @status.setter
    def status(self, value):
        if value == self.State.MEMO_WRITTEN:
            self.memo_written_at = timezone.now()
        elif value == self.State.CONCLUDED:
            self.concluded_at = timezone.now()

    def get_absolute_url(self):
        return reverse("strategy:hearing", args=[self.slug])

    def state(self, now=None):
        """Derived from the dates (never flipped by a job), then the staff's memo and conclusion."""
        now = now or timezone.now()
        if self.concluded_at:
            return self.State.CONCLUDED
        if self.memo_written_at:
            return self.State.MEMO_WRITTEN
        if now < self.opens_at:
            return self.State.PLANNED
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    def get_state_display(self):
        return self.State(self.state()).label

    @property
    def is_open(self):
        return self.state() == self.State.OPEN

    @property
    def is_planned(self):
        return self.state() == self.State.PLANNED


class HearingStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="status_changes")
    status_choices = Hearing.State.choices


def hearing_file_path(instance, filename):
    return f"hearings/{instance.hearing_id}/{filename}"


class HearingDocument(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), upload_to=hearing_file_path)


class HearingParty(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    invited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hearing", "organisation"], name="one_party_per_hearing")]


class HearingResponse(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="hearing_responses")
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("på vegne af"))
    text = models.TextField(_("høringssvar"), max_length=20000)
    publish_with_name = models.BooleanField(_("mit svar må offentliggøres med navn"), default=False)
    themes = models.ManyToManyField(Theme, blank=True, related_name="responses")
    remark = models.TextField(_("kommunens bemærkning"), blank=True)
    remark_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        # A hearing's responses in the order they are listed.
        indexes = [models.Index(fields=["hearing", "submitted_at", "id"], name="response_hearing_order")]

    def public_name(self):
        if self.publish_with_name:
            if self.organisation_id:
                return self.organisation.name
            if self.author_id:
                return self.author.get_full_name()
        return _("Anonym")


class ResponseAttachment(models.Model):
    response = models.ForeignKey(HearingResponse, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="hearings/responses/")

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class Indicator(models.Model):
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    unit = models.CharField(_("enhed"), max_length=30, blank=True)
    target = models.DecimalField(_("mål pr. måned"), max_digits=14, decimal_places=2, null=True, blank=True)
    source_key = models.CharField(_("datakilde"), max_length=100, blank=True,
                                  help_text=_("Tom betyder, at tallene indtastes manuelt."))
    process = models.ForeignKey(Process, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    month = models.DateField(_("måned"))
    value = models.DecimalField(_("værdi"), max_digits=14, decimal_places=2)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    # When an automatic figure was last computed (the figures are computed at night): the pages say so.
    computed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "month"], name="one_value_per_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="indicator_month_is_first_day"),
        ]
