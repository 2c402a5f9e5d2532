"""The agreement and the certificate (frivilligbevis) as tagged PDFs (frivillig/core/pdf.py)."""

from django.utils import timezone

from frivillig.core import pdf

from . import queries, workflow


def _agreement_viewer(user, document) -> bool:
    return bool(workflow.is_agreement_party(user, document.obj))


@pdf.renderer("engagement.agreement", can_view=_agreement_viewer,
              subjects=lambda doc: [doc.obj.volunteer] if doc.obj and doc.obj.volunteer_id else [])
def agreement(obj):
    return pdf.Rendered(template="engagement/pdf/agreement.html", context={"agreement": obj},
                        filename=f"frivilligaftale-{obj.pk}-v{obj.version}.pdf")


def _own(user, document) -> bool:
    return getattr(user, "pk", None) is not None and document.object_id == str(user.pk)


@pdf.renderer("engagement.certificate", can_view=_own)
def certificate(user):
    rows = queries.certificate_rows(user)
    return pdf.Rendered(template="engagement/pdf/certificate.html", filename="frivilligbevis.pdf", context={
        "volunteer": user, "rows": rows, "total": sum((r["hours"] for r in rows), start=0),
        "issued_on": timezone.localdate()})
