"""PDF documents of the policy section, rendered by the core PDF service."""

from django.utils import timezone

from frivillig.core import pdf

from .models import GuideArticle, Theme, ToolboxItem, Value, WhitePaperSection
from .queries import agreement_wording, has_example_text


@pdf.renderer("policy.full")
def full_policy(obj):
    """The whole policy. While any part is example text the document is a draft: its title says so (it is never
    titled as the adopted policy) and every example part carries the marker."""
    context = {
        "values": list(Value.objects.all()),
        "themes": list(Theme.objects.all()),
        "sections": list(WhitePaperSection.objects.all()),
        "articles": list(GuideArticle.objects.all()),
        "items": list(ToolboxItem.objects.all()),
        "printed": timezone.localdate(),
    }
    has_examples = has_example_text()
    return pdf.Rendered(
        template="policy/pdf/policy.html",
        context={**context, "has_examples": has_examples},
        filename="udkast-frivillighedspolitik-rudersdal.pdf" if has_examples else "frivillighedspolitik-rudersdal.pdf",
    )


@pdf.renderer("policy.volunteer_agreement")
def volunteer_agreement(obj):
    """The blank volunteer agreement, with the same standard wording the portal's agreements copy."""
    return pdf.Rendered(template="policy/pdf/volunteer_agreement.html", context=agreement_wording(),
                        filename="frivilligaftale-skabelon.pdf")


@pdf.renderer("policy.partnership_agreement")
def partnership_agreement(obj):
    """The blank partnership agreement (samarbejdsaftale) between the municipality and an association."""
    return pdf.Rendered(template="policy/pdf/partnership_agreement.html",
                        context=agreement_wording(keys=("insurance", "confidentiality")),
                        filename="samarbejdsaftale-skabelon.pdf")


def content_version() -> str:
    """A version key that changes whenever any policy content changes (new PDF then)."""
    stamps = [m.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
              for m in (Value, Theme, WhitePaperSection, GuideArticle, ToolboxItem)]
    counts = [m.objects.count() for m in (Value, Theme, WhitePaperSection, GuideArticle, ToolboxItem)]
    latest = max((s for s in stamps if s), default=None)
    return f"{latest.timestamp() if latest else 0}-{'-'.join(map(str, counts))}"
