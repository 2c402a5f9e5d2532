"""Users (e-mail login), organisations and the roles people hold in them."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area
from frivillig.core.models import TimeStampedModel
from frivillig.core.text import danish_slugify as slugify

from .validators import validate_cvr


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. E-mail is the login; ``is_staff`` means Django admin access only — portal roles are
    ``RoleAssignment`` rows."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("navn"), max_length=150, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    language = models.CharField(_("sprog"), max_length=5, choices=settings.LANGUAGES, default="da")
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name.split() or [self.email])[0]


class Organisation(TimeStampedModel):
    class Kind(models.TextChoices):
        INSTITUTION = "institution", _("Kommunal institution")
        ASSOCIATION = "association", _("Forening")
        VOLUNTEER_CENTRE = "volunteer_centre", _("Frivilligcenter")
        DEPARTMENT = "department", _("Forvaltning")

    class Status(models.TextChoices):
        PENDING = "pending", _("Afventer godkendelse")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kort navn"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind)
    area = models.CharField(_("fagområde"), max_length=20, choices=Area, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True, validators=[validate_cvr])
    is_active = models.BooleanField(_("aktiv"), default=True)
    # Associations that register themselves start as pending; the Culture department or the Volunteer Centre
    # approves them before they can post tasks or events. Organisations created by staff are approved.
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.APPROVED)
    purpose = models.TextField(_("formål"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="registered_organisations", verbose_name=_("tilmeldt af"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("afgjort af"))
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decision_reason = models.TextField(_("begrundelse"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="institution") | ~Q(area=""), name="institution_has_area",
                violation_error_message=_("En kommunal institution skal høre til et fagområde."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_staff_url(self):
        return reverse("accounts:org_detail", args=[self.pk])

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_municipal(self):
        return self.kind in (self.Kind.INSTITUTION, self.Kind.DEPARTMENT)

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:180] or "organisation"
            slug, n = base, 2
            while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    INSTITUTION_STAFF = "institution_staff", _("Institutionsmedarbejder")
    ASSOCIATION_REP = "association_rep", _("Foreningsrepræsentant")
    # Translators: the Culture department, in the municipality's own word ("Kulturområdet – én (hoved)indgang
    # til frivillighed", seed 002). English: "Culture department".
    CULTURE_ADMIN = "culture_admin", _("Kulturområdet")
    STEERING_MEMBER = "steering_member", _("Styregruppemedlem")
    NETWORK_MEMBER = "network_member", _("Medlem af frivillighedsnetværket")
    VOLUNTEER_CENTRE = "volunteer_centre", _("Frivilligcentret")


# Roles that need an organisation, and which kind it must be.
ROLE_ORGANISATION_KIND = {
    Role.INSTITUTION_STAFF: Organisation.Kind.INSTITUTION,
    Role.ASSOCIATION_REP: Organisation.Kind.ASSOCIATION,
    Role.VOLUNTEER_CENTRE: Organisation.Kind.VOLUNTEER_CENTRE,
}

# The role a member invited to an organisation of this kind gets.
MEMBER_ROLE_FOR_KIND = {kind: role for role, kind in ROLE_ORGANISATION_KIND.items()}


class RoleAssignment(models.Model):
    """A role a person holds, possibly in an organisation. Granted by the Culture department."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles",
                             verbose_name=_("bruger"))
    role = models.CharField(_("rolle"), max_length=30, choices=Role)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="role_assignments", verbose_name=_("organisation"))
    area = models.CharField(_("fagområde"), max_length=20, choices=Area, blank=True,
                            help_text=_("For styregruppemedlemmer: det fagområde, de repræsenterer."))
    title = models.CharField(_("titel"), max_length=120, blank=True)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("tildelt af"))
    created_at = models.DateTimeField(_("tildelt"), auto_now_add=True)

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "organisation"], name="unique_role_in_org",
                                    nulls_distinct=False),
            models.CheckConstraint(
                condition=~Q(role__in=["institution_staff", "association_rep", "volunteer_centre"])
                | Q(organisation__isnull=False),
                name="org_role_needs_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}" + (f" ({self.organisation})" if self.organisation else "")

    def get_absolute_url(self):
        return reverse("accounts:role_list")


def _invitation_token():
    import secrets

    return secrets.token_urlsafe(32)


class OrganisationInvitation(models.Model):
    """An e-mailed link that makes the person who accepts it a member of the organisation (a RoleAssignment)."""

    VALID_DAYS = 14

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations",
                                     verbose_name=_("organisation"))
    email = models.EmailField(_("e-mail"))
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("inviteret af"))
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepteret"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="accepted_invitations", verbose_name=_("accepteret af"))

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self):
        return reverse("accounts:invitation", args=[self.token])
