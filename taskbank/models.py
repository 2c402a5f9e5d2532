"""The idea and task bank (Recommendation 1): tasks that institutions post, applications from
citizens, ideas, events, saved searches."""

import functools
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area, Town
from frivillig.core.models import StatusChangeBase, TimeStampedModel
from frivillig.core.text import danish_slugify


class TargetGroup(models.TextChoices):
    NEW_PENSIONERS = "new_pensioners", _("Nye pensionister")
    YOUNG = "young", _("Unge")
    FAMILIES = "families", _("Familier")
    SENIORS = "seniors", _("Ældre")
    STUDENTS = "students", _("Skoleelever og temadage")
    EVERYONE = "everyone", _("Alle")


class Competence(models.TextChoices):
    SOCIAL = "social", _("Samvær og omsorg")
    READING = "reading", _("Læsning og fortælling")
    LANGUAGE = "language", _("Sprog og lektiehjælp")
    PRACTICAL = "practical", _("Praktisk arbejde")
    NATURE = "nature", _("Natur og have")
    SPORTS = "sports", _("Idræt og bevægelse")
    IT = "it", _("IT og teknik")
    CULTURE = "culture", _("Kultur og kreativitet")
    ORGANISING = "organising", _("Arrangementer og organisering")


def _label(choices, value):
    """The label of a choice in the active language (the value itself when it is not a choice)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@functools.cache
def _task_url_prefix(script_prefix, urlconf) -> str:
    """What reverse("taskbank:task_detail") writes before "<pk>-<slug>/" (the slug is already URL-safe)."""
    return reverse("taskbank:task_detail", args=[1, "x"], urlconf=urlconf).removesuffix("1-x/")


class Task(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        IN_REVIEW = "in_review", _("Afventer godkendelse")
        PUBLISHED = "published", _("Offentliggjort")
        PAUSED = "paused", _("Sat på pause")
        FILLED = "filled", _("Besat")
        EXPIRED = "expired", _("Udløbet")
        CLOSED = "closed", _("Lukket")
        ARCHIVED = "archived", _("Arkiveret")

    class Kind(models.TextChoices):
        ONE_OFF = "one_off", _("Enkeltstående")
        ONGOING = "ongoing", _("Løbende")

    # Who stands behind the task: a municipal institution or an (approved) association.
    institution = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="tasks",
                                    verbose_name=_("står bag"),
                                    limit_choices_to={"kind__in": ["institution", "association"]})
    title = models.CharField(_("titel"), max_length=160)
    summary = models.CharField(_("kort beskrivelse"), max_length=300)
    description = models.TextField(_("beskrivelse"))
    area = models.CharField(_("fagområde"), max_length=20, choices=Area)
    town = models.CharField(_("by"), max_length=20, choices=Town)
    address = models.CharField(_("adresse"), max_length=200)
    target_groups = ArrayField(models.CharField(max_length=20, choices=TargetGroup), verbose_name=_("passer til"),
                               default=list)
    competences = ArrayField(models.CharField(max_length=20, choices=Competence), verbose_name=_("kompetencer"),
                             default=list, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind, default=Kind.ONGOING)
    starts_on = models.DateField(_("første dato"), null=True, blank=True)
    ends_on = models.DateField(_("sidste dato"), null=True, blank=True)
    schedule = models.CharField(_("tidspunkt"), max_length=200, blank=True,
                                help_text=_("Fx “tirsdage kl. 10–12” eller “lørdag 6. juni kl. 9–15”."))
    hours_per_week = models.DecimalField(_("timer om ugen"), max_digits=4, decimal_places=1, default=2)
    volunteers_wanted = models.PositiveSmallIntegerField(_("antal frivillige"), default=1)
    min_age = models.PositiveSmallIntegerField(_("mindstealder"), null=True, blank=True)
    requires_child_certificate = models.BooleanField(
        _("kræver børneattest"), default=False,
        help_text=_("Sæt kryds, hvis den frivillige får fast kontakt med børn under 15 år."))
    language_requirements = models.CharField(_("krav til sprog"), max_length=200, blank=True)
    contact = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contact_tasks",
                                verbose_name=_("kontaktperson"))
    expires_on = models.DateField(_("udløbsdato"), help_text=_("Efter denne dato vises opgaven ikke længere."))
    gathering_place = models.ForeignKey("GatheringPlace", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="tasks", verbose_name=_("samlingssted"))
    # Indexed by task_status_published (status first): a second index on status alone only slowed every write.
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaver")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="task_search_gin"),
            models.Index(fields=["status", "-published_at"], name="task_status_published"),
            # The staff inbox lists tasks by status, most recently changed first: read in that order, not sorted.
            models.Index(fields=["status", "-updated_at"], name="task_status_updated"),
            # The town (and area) filter, one small bitmap. No index on the target groups: six values, each a
            # sixth or more of the tasks, so the planner's bitmap of one was the slowest part of a filtered search
            # at 1,000,000 tasks; the newest tasks are read and tested instead.
            models.Index(fields=["town", "area"], name="task_town_area"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(volunteers_wanted__gte=1), name="task_wants_volunteers",
                                   violation_error_message=_("Der skal være brug for mindst én frivillig.")),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                                   name="task_dates_in_order",
                                   violation_error_message=_("Sidste dato kan ikke ligge før første dato.")),
            models.CheckConstraint(condition=Q(hours_per_week__gt=0), name="task_hours_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def slug(self):
        return danish_slugify(self.title)[:60] or "opgave"

    def get_absolute_url(self):
        # A list links twenty tasks: the route's prefix is reversed once per URLconf and script prefix.
        return f"{_task_url_prefix(get_script_prefix(), get_urlconf())}{self.pk}-{self.slug}/"

    # Django's own get_FOO_display() builds a dict of every choice on each call; a task list shows two per card.
    def get_town_display(self):
        return _label(Town, self.town)

    def get_kind_display(self):
        return _label(self.Kind, self.kind)

    def get_staff_url(self):
        return reverse("taskbank:staff_task", args=[self.pk])

    @property
    def is_open(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_municipal(self):
        """Municipal tasks carry the note about unemployment benefit and early retirement pay."""
        return self.institution.is_municipal

    @property
    def provider_label(self):
        from django.utils.translation import gettext

        return gettext("Kommunal") if self.is_municipal else gettext("Forening")

    def target_group_labels(self):
        return [TargetGroup(v).label for v in self.target_groups]

    def competence_labels(self):
        return [Competence(v).label for v in self.competences]


class TaskStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="status_changes")


class TaskApplication(TimeStampedModel):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Modtaget")
        IN_DIALOGUE = "in_dialogue", _("I dialog")
        ACCEPTED = "accepted", _("Optaget")
        DECLINED = "declined", _("Afslået")
        WITHDRAWN = "withdrawn", _("Trukket tilbage")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="applications", verbose_name=_("opgave"))
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                  related_name="task_applications", verbose_name=_("ansøger"))
    message = models.TextField(_("besked"), max_length=2000)
    availability = models.CharField(_("hvornår kan du"), max_length=300)
    # An association can take on a task as a group: the application is on its behalf, for group_size volunteers.
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="task_applications", verbose_name=_("på vegne af forening"))
    group_size = models.PositiveSmallIntegerField(_("antal frivillige"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.SUBMITTED, db_index=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    certificate_checked_on = models.DateField(_("børneattest indhentet og vurderet"), null=True, blank=True)
    certificate_checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                               on_delete=models.SET_NULL, related_name="+",
                                               verbose_name=_("vurderet af"))
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ansøgning om opgave")
        verbose_name_plural = _("ansøgninger om opgaver")
        ordering = ["-created_at"]
        # newest-first inboxes scan this index and stop after a page (a status index made the planner sort everything)
        indexes = [
            models.Index(fields=["-created_at"], name="taskapp_created"),
            # The staff inbox counts the applications waiting for an answer: only those are in this index.
            models.Index(fields=["task"], name="taskapp_waiting",
                         condition=Q(status__in=["submitted", "in_dialogue"])),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(group_size__gte=1), name="taskapp_group_size_positive",
                                   violation_error_message=_("Antallet af frivillige skal være mindst 1.")),
            models.UniqueConstraint(fields=["task", "applicant"], condition=~Q(status="withdrawn"),
                                    name="one_active_application_per_task",
                                    violation_error_message=_("Du har allerede søgt denne opgave.")),
        ]

    def __str__(self):
        return f"{self.applicant} → {self.task}"

    def get_absolute_url(self):
        return reverse("taskbank:my_application", args=[self.pk])

    def get_staff_url(self):
        return reverse("taskbank:staff_application", args=[self.pk])

    @property
    def is_open(self):
        return self.status in (self.Status.SUBMITTED, self.Status.IN_DIALOGUE)


class ApplicationStatusChange(StatusChangeBase):
    subject = models.ForeignKey(TaskApplication, on_delete=models.CASCADE, related_name="status_changes")


class ApplicationMessage(models.Model):
    application = models.ForeignKey(TaskApplication, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_staff = models.BooleanField(default=False)
    body = models.TextField(_("besked"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class Idea(TimeStampedModel):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Modtaget")
        CONSIDERING = "considering", _("Under overvejelse")
        BECAME_TASK = "became_task", _("Blev til en opgave")
        ANSWERED = "answered", _("Besvaret")
        REJECTED = "rejected", _("Afvist")

    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                 related_name="ideas", verbose_name=_("forslagsstiller"))
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="ideas", verbose_name=_("på vegne af forening"))
    title = models.CharField(_("overskrift"), max_length=160)
    description = models.TextField(_("beskriv idéen"), max_length=4000)
    area = models.CharField(_("fagområde"), max_length=20, choices=Area, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.SUBMITTED, db_index=True)
    answer = models.TextField(_("svar fra Kulturområdet"), blank=True)
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("idé")
        verbose_name_plural = _("idéer")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("taskbank:idea_detail", args=[self.pk])


class IdeaStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")


class TaskQuestion(models.Model):
    """A question to a task's contact before applying. The contact answers by e-mail (reply-to the asker);
    the contact's address is never shown to the asker."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="questions", verbose_name=_("opgave"))
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                              related_name="task_questions", verbose_name=_("spørger"))
    body = models.TextField(_("spørgsmål"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("spørgsmål til opgave")
        verbose_name_plural = _("spørgsmål til opgaver")

    def __str__(self):
        return f"{self.task}: {self.body[:40]}"


class GatheringPlace(TimeStampedModel):
    """A local gathering place (samlingssted) where people are invited in."""

    name = models.CharField(_("navn"), max_length=160)
    description = models.TextField(_("beskrivelse"), blank=True)
    address = models.CharField(_("adresse"), max_length=200)
    town = models.CharField(_("by"), max_length=20, choices=Town)
    opening_hours = models.CharField(_("åbningstider"), max_length=300, blank=True,
                                     help_text=_("Fx “mandag–fredag kl. 9–16, lørdag kl. 10–14”."))
    who_meets = models.TextField(_("hvem mødes her"), blank=True,
                                 help_text=_("Fx foreninger, klubber og grupper, der bruger stedet."))
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="gathering_places", verbose_name=_("drives af"))
    is_published = models.BooleanField(_("vises offentligt"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("samlingssted")
        verbose_name_plural = _("samlingssteder")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("taskbank:place_detail", args=[self.pk])


class Event(TimeStampedModel):
    title = models.CharField(_("titel"), max_length=160)
    description = models.TextField(_("beskrivelse"))
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200)
    town = models.CharField(_("by"), max_length=20, choices=Town)
    capacity = models.PositiveIntegerField(_("antal pladser"))
    organiser = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="events", verbose_name=_("arrangør"))
    is_published = models.BooleanField(_("offentliggjort"), default=True)
    gathering_place = models.ForeignKey(GatheringPlace, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="events", verbose_name=_("samlingssted"))
    cancelled_at = models.DateTimeField(_("aflyst"), null=True, blank=True)
    cancel_reason = models.TextField(_("årsag til aflysning"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("taskbank:event_detail", args=[self.pk])

    def get_staff_url(self):
        return reverse("taskbank:staff_event_edit", args=[self.pk])

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None


class EventSignup(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_signups")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_signup_per_event")]


def _token():
    return secrets.token_urlsafe(24)


class SavedSearch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("navn"), max_length=120)
    query = models.CharField(_("søgning"), max_length=1000, blank=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=_token)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class DirectoryOffer(TimeStampedModel):
    """An offer from a local association imported from a file (e.g. Socialkompas or the Volunteer Centre's list),
    shown in the public directory with its source."""

    organisation_name = models.CharField(_("forening"), max_length=200)
    title = models.CharField(_("tilbud"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=4000)
    town = models.CharField(_("by"), max_length=100, blank=True)
    url = models.URLField(_("link"), blank=True, max_length=500)
    source = models.CharField(_("kilde"), max_length=100)
    external_id = models.CharField(_("id hos kilden"), max_length=100, blank=True)
    dedup_key = models.CharField(max_length=420, db_index=True, editable=False)

    class Meta:
        ordering = ["organisation_name", "title"]
        verbose_name = _("tilbud i foreningsoversigten")
        verbose_name_plural = _("tilbud i foreningsoversigten")

    def __str__(self):
        return f"{self.organisation_name}: {self.title}"
