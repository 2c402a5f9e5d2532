"""What volunteers offer (issue 25): a profile of what she can and wants, her consent to be found by staff,
invitations from staff to a task, and the Culture department's themed campaigns."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area, Town
from frivillig.core.models import ExampleTextMixin, StatusChangeBase, TimeStampedModel
from taskbank.models import Competence, TargetGroup

CONSENT_DAYS = 365  # consent to be found lasts a year; she is asked again before it runs out


class Availability(models.TextChoices):
    WEEKDAYS = "weekdays", _("Hverdage i dagtimerne")
    EVENINGS = "evenings", _("Aftener")
    WEEKENDS = "weekends", _("Weekender")


def _choices_array(choices, label, blank=True):
    return ArrayField(models.CharField(max_length=20, choices=choices), verbose_name=label, default=list, blank=blank)


class Profile(TimeStampedModel):
    """Opt-in: a citizen's own description of what she can do. Nobody but she sees it unless she consents to be
    found (``findable_until`` in the future)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile")
    interests = _choices_array(Area, _("det interesserer mig"))
    competences = _choices_array(Competence, _("det er jeg god til"))
    towns = _choices_array(Town, _("her vil jeg gerne hjælpe"))
    availability = _choices_array(Availability, _("her har jeg tid"))
    hours_per_week = models.PositiveSmallIntegerField(_("timer om ugen"), null=True, blank=True)
    target_groups = _choices_array(TargetGroup, _("dem vil jeg gerne arbejde med"))
    can_do = models.TextField(_("det kan jeg"), max_length=2000, blank=True,
                              help_text=_("Fx “Jeg er pensioneret IT-underviser og kan hjælpe ældre med tablets.”"))
    wants_digest = models.BooleanField(_("send mig en ugentlig e-mail med nye opgaver til mig"), default=False)
    digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    consented_at = models.DateTimeField(_("sagt ja til at blive fundet"), null=True, blank=True)
    findable_until = models.DateTimeField(_("kan findes indtil"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("frivilligprofil")
        verbose_name_plural = _("frivilligprofiler")
        constraints = [models.CheckConstraint(condition=Q(hours_per_week__isnull=True) | Q(hours_per_week__lte=80),
                                              name="profile_hours_sane")]

    def __str__(self):
        return str(self.user)

    def is_findable(self, now=None) -> bool:
        return self.findable_until is not None and self.findable_until > (now or timezone.now())

    def get_staff_url(self):
        return reverse("volunteers:profile_for_staff", args=[self.pk])

    def labels(self, field, choices) -> list[str]:
        values = getattr(self, field)
        return [str(label) for value, label in choices.choices if value in values]

    def competence_labels(self):
        return self.labels("competences", Competence)

    def town_labels(self):
        return self.labels("towns", Town)

    def availability_labels(self):
        return self.labels("availability", Availability)

    def interest_labels(self):
        return self.labels("interests", Area)

    def target_group_labels(self):
        return self.labels("target_groups", TargetGroup)


class Invitation(TimeStampedModel):
    """Staff invite a findable volunteer to one task, once. Her yes becomes an application (accepted at once when
    the inviter said so)."""

    class Status(models.TextChoices):
        SENT = "sent", _("Afventer svar")
        ACCEPTED = "accepted", _("Sagt ja")
        DECLINED = "declined", _("Sagt nej tak")

    task = models.ForeignKey("taskbank.Task", on_delete=models.CASCADE, related_name="invitations",
                             verbose_name=_("opgave"))
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="task_invitations")
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("besked til den frivillige"), max_length=1500)
    accept_directly = models.BooleanField(
        _("optag direkte ved et ja"), default=False,
        help_text=_("Ellers bliver et ja til en ansøgning, som I behandler som de andre."))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SENT, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    application = models.ForeignKey("taskbank.TaskApplication", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["task", "volunteer"], name="invite_once_per_task",
                                               violation_error_message=_("Den frivillige er allerede inviteret til opgaven."))]

    def __str__(self):
        return f"{self.task} → {self.volunteer}"

    def get_absolute_url(self):
        return reverse("volunteers:invitation", args=[self.pk])


class InvitationStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="status_changes")


class Campaign(ExampleTextMixin, TimeStampedModel):
    """A themed page of the Culture department ("Ny pensionist?", "Temadag på skolen"): a text and a live
    selection of tasks and events, shown on the front page while it runs."""

    slug = models.SlugField(_("adresse"), max_length=80, unique=True,
                            help_text=_("Sidens adresse: /kampagner/<adresse>/"))
    title = models.CharField(_("titel"), max_length=160)
    intro = models.TextField(_("tekst"), max_length=4000)
    starts_on = models.DateField(_("vises fra"))
    ends_on = models.DateField(_("vises til"))
    target_groups = _choices_array(TargetGroup, _("målgrupper"))
    areas = _choices_array(Area, _("fagområder"))
    towns = _choices_array(Town, _("byer"))
    tasks = models.ManyToManyField("taskbank.Task", blank=True, related_name="campaigns",
                                   verbose_name=_("håndplukkede opgaver"))
    is_published = models.BooleanField(_("offentliggjort"), default=False)

    class Meta:
        verbose_name = _("kampagne")
        verbose_name_plural = _("kampagner")
        ordering = ["-starts_on"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                              name="campaign_dates_in_order",
                                              violation_error_message=_("Slutdatoen kan ikke ligge før startdatoen."))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("volunteers:campaign", args=[self.slug])

    def get_staff_url(self):
        return reverse("volunteers:staff_campaign_edit", args=[self.pk])

    def is_running(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_published and self.starts_on <= today <= self.ends_on


class EmbedSite(TimeStampedModel):
    """A site allowed to show the portal's task list in a frame (frame-ancestors): the municipality's own site, an
    association's or a library's screen. The Culture department keeps the list."""

    origin = models.CharField(_("adresse (oprindelse)"), max_length=200, unique=True,
                              help_text=_("Fx https://www.rudersdal.dk – skema, værtsnavn og evt. port, intet andet."))
    name = models.CharField(_("navn"), max_length=160)

    class Meta:
        verbose_name = _("side, der må vise opgaver")
        verbose_name_plural = _("sider, der må vise opgaver")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.origin})"
