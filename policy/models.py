"""The volunteering policy: four values, four themes, the white paper, the volunteer guide and the
toolbox. Every editable model keeps its revisions (django-simple-history: who, when, what)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frivillig.core.models import ExampleTextMixin


class Audience(models.TextChoices):
    VOLUNTEERS = "volunteers", _("Frivillige")
    STAFF = "staff", _("Medarbejdere")
    ASSOCIATIONS = "associations", _("Foreninger")


class Category(models.TextChoices):
    INSURANCE = "insurance", _("Forsikring")
    AGREEMENTS = "agreements", _("Aftaler")
    LIABILITY = "liability", _("Ansvar")
    PERMITS = "permits", _("Tilladelser")
    FACILITIES = "facilities", _("Brug af kommunale lokaler og faciliteter")
    CONFIDENTIALITY = "confidentiality", _("Tavshedspligt")
    CONTRACTS = "contracts", _("Standardkontrakter")
    PERSONAL_DATA = "personal_data", _("Persondata")
    CHILD_CERTIFICATES = "child_certificates", _("Børneattester")


class PolicyContent(ExampleTextMixin, models.Model):
    """Fields every piece of policy content shares. ``is_example``: the prose is the portal's example text, not
    the municipality's own words (fixtures/policy.yaml says which is which); saving in the staff area clears it."""

    slug = models.SlugField(_("kort navn"), max_length=120, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)
    # Which of the texts (PROSE) are still example text: each text keeps its own marker until it is rewritten.
    example_fields = models.JSONField(_("tekster, der er eksempler"), default=list, blank=True, editable=False)

    PROSE: tuple[str, ...] = ()
    """The texts of the kind that the seed may fill with example text."""

    class Meta(ExampleTextMixin.Meta):
        abstract = True
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    @property
    def example_labels(self) -> list[str]:
        """The names of the texts that are still example text ("rammer", "vilkår")."""
        return [str(self._meta.get_field(f).verbose_name) for f, still in self.examples.items() if still]

    @property
    def examples(self) -> dict[str, bool]:
        """{text field: still example text?} for the page's markers (``{% if theme.examples.frame %}``)."""
        return {f: self.is_example and (not self.example_fields or f in self.example_fields) for f in self.PROSE}


class Value(PolicyContent):
    """One of the policy's four values; ``title`` holds the value's wording verbatim."""

    explanation = models.TextField(_("uddybning"))
    history = HistoricalRecords()
    PROSE = ("explanation",)

    class Meta(PolicyContent.Meta):
        verbose_name = _("værdi")
        verbose_name_plural = _("værdier")

    def get_absolute_url(self):
        return reverse("policy:index") + f"#{self.slug}"


class Theme(PolicyContent):
    summary = models.TextField(_("kort beskrivelse"))
    frame = models.TextField(_("rammer"))
    conditions = models.TextField(_("vilkår"))
    history = HistoricalRecords()
    PROSE = ("summary", "frame", "conditions")

    class Meta(PolicyContent.Meta):
        verbose_name = _("frivillighedstema")
        verbose_name_plural = _("frivillighedstemaer")

    def get_absolute_url(self):
        return reverse("policy:theme", args=[self.slug])


class WhitePaperSection(PolicyContent):
    body = models.TextField(_("tekst"))
    history = HistoricalRecords()
    PROSE = ("body",)

    class Meta(PolicyContent.Meta):
        verbose_name = _("afsnit i hvidbogen")
        verbose_name_plural = _("hvidbogens afsnit")

    def get_absolute_url(self):
        return reverse("policy:white_paper") + f"#{self.slug}"


class GuideArticle(PolicyContent):
    summary = models.TextField(_("kort beskrivelse"))
    body = models.TextField(_("tekst"))
    history = HistoricalRecords()
    PROSE = ("summary", "body")

    class Meta(PolicyContent.Meta):
        verbose_name = _("artikel i frivillighedsguiden")
        verbose_name_plural = _("frivillighedsguidens artikler")

    def get_absolute_url(self):
        return reverse("policy:guide_article", args=[self.slug])


class ToolboxItem(PolicyContent):
    category = models.CharField(_("emne"), max_length=30, choices=Category)
    audiences = ArrayField(models.CharField(max_length=20, choices=Audience), verbose_name=_("målgrupper"),
                           default=list)
    summary = models.TextField(_("kort svar"))
    body = models.TextField(_("uddybning"))
    last_revised = models.DateField(_("senest revideret"))
    history = HistoricalRecords()
    PROSE = ("summary", "body")

    class Meta(PolicyContent.Meta):
        verbose_name = _("emne i værktøjskassen")
        verbose_name_plural = _("værktøjskassen")
        ordering = ["category", "order", "title"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(audiences=[]), name="toolbox_item_has_audience",
                                   violation_error_message=_("Vælg mindst én målgruppe.")),
        ]

    def get_absolute_url(self):
        return reverse("policy:toolbox_item", args=[self.slug])

    def audience_labels(self):
        return [Audience(a).label for a in self.audiences]


def attachment_upload_to(instance, filename):
    return f"policy/attachments/{instance.item_id}/{filename}"


class ToolboxAttachment(models.Model):
    item = models.ForeignKey(ToolboxItem, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), upload_to=attachment_upload_to)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policy:attachment", args=[self.pk])


# The kinds of content staff edit, by URL keyword.
CONTENT_KINDS = {
    "vaerdier": Value,
    "temaer": Theme,
    "hvidbog": WhitePaperSection,
    "guide": GuideArticle,
    "vaerktoejskasse": ToolboxItem,
}


def kind_of(obj) -> str:
    return next(k for k, model in CONTENT_KINDS.items() if isinstance(obj, model))
