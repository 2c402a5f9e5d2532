"""The pool for local volunteer activities (Recommendation 3): pools, rounds, applications, case
handling, decisions, payouts and reports. Money is DKK in DecimalFields."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area
from frivillig.core.models import StatusChangeBase, TimeStampedModel

MONEY = {"max_digits": 12, "decimal_places": 2}


class Pool(TimeStampedModel):
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kort navn"), max_length=120, unique=True)
    purpose = models.TextField(_("formål"))
    who_may_apply = models.TextField(_("hvem kan søge"))
    area = models.CharField(_("fagområde"), max_length=20, choices=Area, default=Area.CULTURE)
    max_amount = models.DecimalField(_("højeste beløb pr. ansøgning"), **MONEY)
    yearly_budget = models.DecimalField(_("budget pr. år"), **MONEY)
    report_days_after_end = models.PositiveSmallIntegerField(
        _("frist for afrapportering (dage efter projektets slut)"), default=60)
    is_continuous = models.BooleanField(_("løbende ansøgning"), default=False,
                                        help_text=_("Uden krydset kan der kun søges i åbne ansøgningsrunder."))
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("pulje")
        verbose_name_plural = _("puljer")
        constraints = [
            models.CheckConstraint(condition=Q(max_amount__gt=0) & Q(max_amount__lte=F("yearly_budget")),
                                   name="pool_max_within_budget",
                                   violation_error_message=_("Højeste beløb skal være positivt og højst budgettet.")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grants:pool_detail", args=[self.slug])

    def open_round(self, now=None):
        now = now or timezone.now()
        # Read from the rounds as loaded, so a list of pools with prefetched rounds needs no query per pool.
        current = [r for r in self.rounds.all() if r.opens_at <= now < r.closes_at]
        return min(current, key=lambda r: r.closes_at, default=None)

    def is_open(self, now=None):
        return self.is_active and (self.is_continuous or self.open_round(now) is not None)


class Criterion(models.Model):
    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("kriterium"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Round(models.Model):
    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("navn"), max_length=120)
    opens_at = models.DateTimeField(_("åbner"))
    closes_at = models.DateTimeField(_("lukker"))

    class Meta:
        ordering = ["-opens_at"]
        constraints = [models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="round_closes_after_open")]

    def __str__(self):
        return f"{self.pool} – {self.name}"


class Status(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    SUBMITTED = "submitted", _("Indsendt")
    IN_REVIEW = "in_review", _("Under behandling")
    AWAITING_INFO = "awaiting_info", _("Afventer oplysninger")
    APPROVED = "approved", _("Bevilget")
    PARTLY_APPROVED = "partly_approved", _("Delvist bevilget")
    REJECTED = "rejected", _("Afslået")
    PAID_OUT = "paid_out", _("Udbetalt")
    REPORT_DUE = "report_due", _("Afrapportering mangler")
    REPORT_RECEIVED = "report_received", _("Afrapportering modtaget")
    CLOSED = "closed", _("Afsluttet")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


GRANTED = (Status.APPROVED, Status.PARTLY_APPROVED, Status.PAID_OUT, Status.REPORT_DUE, Status.REPORT_RECEIVED,
           Status.CLOSED)
UNDECIDED = (Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.AWAITING_INFO)


class GrantApplication(TimeStampedModel):
    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="applications", verbose_name=_("pulje"))
    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                  related_name="grant_applications", verbose_name=_("ansøger"))
    on_behalf_of = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="grant_applications", verbose_name=_("på vegne af forening"))
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    contact_email = models.EmailField(_("kontaktpersonens e-mail"), blank=True)
    contact_phone = models.CharField(_("kontaktpersonens telefon"), max_length=30, blank=True)
    title = models.CharField(_("projektets titel"), max_length=200, blank=True)
    description = models.TextField(_("beskrivelse af projektet"), blank=True)
    purpose = models.TextField(_("formål"), blank=True)
    target_group = models.CharField(_("målgruppe"), max_length=200, blank=True)
    expected_participants = models.PositiveIntegerField(_("forventet antal deltagere"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("slut"), null=True, blank=True)
    partner_institution = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                            related_name="partner_grant_applications",
                                            verbose_name=_("samarbejde med institution"),
                                            limit_choices_to={"kind": "institution"})
    partnership_description = models.TextField(_("beskriv samarbejdet"), blank=True)
    amount_requested = models.DecimalField(_("ansøgt beløb"), null=True, blank=True, **MONEY)
    consent = models.BooleanField(_("samtykke til behandling af oplysninger"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)
    recommended_amount = models.DecimalField(_("indstillet beløb"), null=True, blank=True, **MONEY)
    approved_amount = models.DecimalField(_("bevilget beløb"), null=True, blank=True, **MONEY)
    conditions = models.TextField(_("vilkår"), blank=True)
    decision_reason = models.TextField(_("begrundelse"), blank=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    budget_year = models.PositiveSmallIntegerField(_("budgetår"), null=True, blank=True, db_index=True)
    report_due_on = models.DateField(_("frist for afrapportering"), null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ansøgning om tilskud")
        verbose_name_plural = _("ansøgninger om tilskud")
        # The case list of a pool, newest first.
        indexes = [models.Index(fields=["pool", "-submitted_at"], name="grantapp_pool_submitted"),
                   # The case list's count and exact money totals, and the budget left: read from the index alone.
                   models.Index(fields=["pool", "status", "budget_year"], name="grantapp_pool_totals",
                                include=["amount_requested", "recommended_amount", "approved_amount"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount_requested__isnull=True) | Q(amount_requested__gt=0),
                                   name="grant_requested_positive"),
            models.CheckConstraint(condition=Q(approved_amount__isnull=True) | Q(approved_amount__gte=0),
                                   name="grant_approved_not_negative"),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                                   name="grant_dates_in_order"),
        ]

    def __str__(self):
        return self.title or _("Ansøgning %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("grants:my_application", args=[self.pk])

    def get_staff_url(self):
        return reverse("grants:staff_case", args=[self.pk])

    @property
    def applicant_name(self):
        if self.on_behalf_of_id:
            return self.on_behalf_of.name
        return self.contact_name or (self.applicant.get_full_name() if self.applicant else _("Anonymiseret"))

    @property
    def is_draft(self):
        return self.status == Status.DRAFT

    @property
    def is_rejected(self):
        return self.status == Status.REJECTED

    def budget_totals(self):
        lines = list(self.budget_lines.all())
        expenses = sum((line.amount for line in lines if line.kind == BudgetLine.Kind.EXPENSE), Decimal(0))
        cofinancing = sum((line.amount for line in lines if line.kind == BudgetLine.Kind.COFINANCING), Decimal(0))
        return {"expenses": expenses, "cofinancing": cofinancing, "gap": expenses - cofinancing}


class GrantStatusChange(StatusChangeBase):
    subject = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="status_changes")


class BudgetLine(models.Model):
    class Kind(models.TextChoices):
        EXPENSE = "expense", _("Udgift")
        COFINANCING = "cofinancing", _("Medfinansiering")

    application = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("type"), max_length=12, choices=Kind, default=Kind.EXPENSE)
    description = models.CharField(_("post"), max_length=200)
    amount = models.DecimalField(_("beløb (kr.)"), **MONEY)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="budget_line_positive")]


def attachment_path(instance, filename):
    return f"grants/{instance.application_id}/{filename}"


class Attachment(models.Model):
    application = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), upload_to=attachment_path)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.title


class CaseMessage(models.Model):
    """Requests for information and the applicant's answers (visible to the applicant)."""

    application = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="case_messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_staff = models.BooleanField(default=False)
    body = models.TextField(_("besked"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class CaseNote(models.Model):
    """Internal notes of the case handlers (never shown to the applicant)."""

    application = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Score(models.Model):
    application = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("point (1–5)"))
    comment = models.CharField(_("kommentar"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion", "reviewer"], name="one_score_per_reviewer"),
            models.CheckConstraint(condition=Q(value__gte=1) & Q(value__lte=5), name="score_1_to_5"),
        ]


class PoolCaseTotals(models.Model):
    """A pool's cases and their money per status and budget year, kept exact by database triggers on
    grants_grantapplication (migration 0004), so the case list's totals and the budget left add up a few rows
    instead of reading every case. Never written by the application."""

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status)
    budget_year = models.PositiveSmallIntegerField(null=True)
    count = models.BigIntegerField(default=0)
    requested = models.DecimalField(max_digits=18, decimal_places=2, default=0)
    recommended = models.DecimalField(max_digits=18, decimal_places=2, default=0)
    approved = models.DecimalField(max_digits=18, decimal_places=2, default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pool", "status", "budget_year"], nulls_distinct=False,
                                               name="pool_case_totals_key")]


class Payout(models.Model):
    application = models.ForeignKey(GrantApplication, on_delete=models.PROTECT, related_name="payouts")
    amount = models.DecimalField(_("beløb"), **MONEY)
    paid_on = models.DateField(_("udbetalt den"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="payout_positive")]


def receipts_path(instance, filename):
    return f"grants/{instance.application_id}/reports/{filename}"


class Report(models.Model):
    application = models.OneToOneField(GrantApplication, on_delete=models.CASCADE, related_name="report")
    what_happened = models.TextField(_("hvad skete der"))
    participants = models.PositiveIntegerField(_("antal deltagere"))
    money_spent = models.DecimalField(_("brugt beløb"), **MONEY)
    receipts = models.FileField(_("bilag og kvitteringer"), upload_to=receipts_path, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
