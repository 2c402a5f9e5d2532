"""The organisation of volunteering (seeds 000/002): the steering group, the volunteering network, their
meetings, the network's proposals, the annual priorities, and the Volunteer Centre agreement."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area
from frivillig.core.models import ExampleTextMixin, StatusChangeBase, TimeStampedModel


class Body(models.Model):
    class Kind(models.TextChoices):
        STEERING = "steering", _("Styregruppen")
        NETWORK = "network", _("Frivillighedsnetværket")

    kind = models.CharField(max_length=10, choices=Kind, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    purpose = models.TextField(_("formål"))
    tasks = models.TextField(_("opgaver"))
    contact_email = models.EmailField(_("kontakt"), blank=True)
    # Set by the Culture department: how many of the steering group's members must recommend an annual priority
    # before it can be adopted without the chair (network/workflow.py, may_adopt).
    adoption_quorum = models.PositiveSmallIntegerField(
        _("beslutningsdygtigt antal"), default=3,
        help_text=_("Så mange af styregruppens medlemmer skal anbefale et indsatsområde, før det kan anbefales uden "
                    "formanden."))

    def __str__(self):
        return self.name


class Membership(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_memberships")
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("repræsenterer"))
    area = models.CharField(_("fagområde"), max_length=20, choices=Area, blank=True)
    title = models.CharField(_("titel"), max_length=120, blank=True)
    is_chair = models.BooleanField(_("formand"), default=False)

    class Meta:
        ordering = ["-is_chair", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["body", "user"], name="one_membership_per_body")]


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200)
    minutes = models.TextField(_("referat"), blank=True)
    invitations_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="network_meeting_ends_after_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:meeting", args=[self.pk])


class Proposal(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        DISCUSSION = "discussion", _("Til drøftelse i netværket")
        FORWARDED = "forwarded", _("Sendt til styregruppen")
        BECAME_PRIORITY = "became_priority", _("Kandidat til indsatsområde")
        DECLINED = "declined", _("Ikke videreført")

    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("forslaget"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DISCUSSION)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:proposal", args=[self.pk])


class ProposalStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="status_changes")


class ProposalComment(models.Model):
    """Internal: visible to network members, the steering group and the Culture department only."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("kommentar"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(_("punkt"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items")

    class Meta:
        ordering = ["order", "pk"]


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(upload_to="network/meetings/")


class Priority(TimeStampedModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Foreslået")
        UNDER_REVIEW = "under_review", _("Til behandling i styregruppen")
        # The steering group clarifies and recommends annual priorities and reports to the executive board
        # (direktionen); it does not adopt them (seed 002). "adopted" is the code of its final recommendation.
        RECOMMENDED = "recommended", _("Afklaret i styregruppen")
        ADOPTED = "adopted", _("Anbefalet af styregruppen")
        REJECTED = "rejected", _("Ikke anbefalet")

    year = models.PositiveSmallIntegerField(_("år"), db_index=True)
    title = models.CharField(_("indsatsområde"), max_length=200)
    description = models.TextField(_("beskrivelse"))
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="priorities")
    status = models.CharField(_("status"), max_length=15, choices=Status, default=Status.PROPOSED)
    decision_reason = models.TextField(_("begrundelse"), blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("årligt indsatsområde")
        verbose_name_plural = _("årlige indsatsområder")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:priority", args=[self.pk])


class PriorityStatusChange(StatusChangeBase):
    subject = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="status_changes")


class PriorityReview(models.Model):
    class Recommendation(models.TextChoices):
        SUPPORT = "support", _("Anbefaler")
        NEUTRAL = "neutral", _("Neutral")
        OPPOSE = "oppose", _("Anbefaler ikke")

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="reviews")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recommendation = models.CharField(_("anbefaling"), max_length=10, choices=Recommendation)
    comment = models.TextField(_("kommentar"), blank=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["priority", "member"], name="one_review_per_member")]


class PriorityUpdate(models.Model):
    """The status of a priority in one quarter of a year, with a note (one per priority and quarter). Updates from
    before quarters were recorded have no year and quarter."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("Planmæssigt")
        DELAYED = "delayed", _("Forsinket")
        DONE = "done", _("Gennemført")
        NOT_STARTED = "not_started", _("Ikke startet")

    class Quarter(models.IntegerChoices):
        Q1 = 1, _("1. kvartal")
        Q2 = 2, _("2. kvartal")
        Q3 = 3, _("3. kvartal")
        Q4 = 4, _("4. kvartal")

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="updates")
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("kvartal"), choices=Quarter, null=True, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=Status, default=Status.ON_TRACK)
    text = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "quarter", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "year", "quarter"], name="one_update_per_priority_quarter"),
            models.CheckConstraint(condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                                   name="priority_update_quarter_1_to_4"),
        ]


class PriorityLink(models.Model):
    """A link to a task, pool or process that serves the priority (an internal path: apps do not import
    each other's models)."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("titel"), max_length=200)
    path = models.CharField(_("sti"), max_length=300)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(path__startswith="/"), name="priority_link_internal_path")]


class Agreement(ExampleTextMixin, TimeStampedModel):
    """A version of the cooperation agreement with the Volunteer Centre. The demo data's version is example text
    (``is_example``): no agreement of the municipality is in the seeds. A version the Culture department saves
    replaces it."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    period_start = models.DateField(_("gælder fra"))
    period_end = models.DateField(_("gælder til"))
    annual_grant = models.DecimalField(_("årligt tilskud (kr.)"), max_digits=12, decimal_places=2)
    contacts = models.TextField(_("kontaktpersoner"))
    is_published = models.BooleanField(_("offentliggjort"), default=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.CheckConstraint(condition=Q(period_end__gt=F("period_start")), name="agreement_period")]

    def __str__(self):
        return f"Samarbejdsaftale v{self.version}"


class Obligation(models.Model):
    class Party(models.TextChoices):
        MUNICIPALITY = "municipality", _("Rudersdal Kommune")
        CENTRE = "centre", _("Frivilligcenter Rudersdal")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="obligations")
    party = models.CharField(_("part"), max_length=15, choices=Party)
    text = models.TextField(_("forpligtelse"))

    class Meta:
        ordering = ["party", "pk"]


class FollowUp(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="follow_ups")
    held_on = models.DateField(_("opfølgningsmøde"))
    notes = models.TextField(_("noter"), blank=True)

    class Meta:
        ordering = ["-held_on"]


class ObligationStatus(models.Model):
    class Status(models.TextChoices):
        MET = "met", _("Opfyldt")
        PARTLY = "partly", _("Delvist opfyldt")
        NOT_MET = "not_met", _("Ikke opfyldt")

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="statuses")
    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(_("status"), max_length=10, choices=Status)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["follow_up", "obligation"], name="one_status_per_followup")]


class ObligationSelfReport(models.Model):
    """The Volunteer Centre's own account of how it meets one of its obligations (one current report each)."""

    obligation = models.OneToOneField(Obligation, on_delete=models.CASCADE, related_name="self_report")
    status = models.CharField(_("status"), max_length=10, choices=ObligationStatus.Status)
    note = models.CharField(_("note"), max_length=300, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField(auto_now=True)


class AnnualReport(models.Model):
    """The steering group's annual report to the executive board for one year (the PDF is its document)."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Årsrapport {self.year}"

    def get_absolute_url(self):
        return reverse("network:staff_annual_report", args=[self.year])
