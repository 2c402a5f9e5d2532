"""PDFs of the grants app: a copy of the application on submission and the decision letter."""

from frivillig.core import pdf

from .workflow import may_open_case_file


def applicant_or_handler(user, document) -> bool:
    application = document.obj
    return bool(application) and bool(may_open_case_file(user, application))


def applicant(document):
    return [document.obj.applicant_id] if document.obj else []


@pdf.renderer("grants.application", can_view=applicant_or_handler, subjects=applicant)
def application_copy(application):
    return pdf.Rendered(template="grants/pdf/application.html",
                        context={"application": application, "totals": application.budget_totals(),
                                 "lines": list(application.budget_lines.all())},
                        filename=f"ansoegning-{application.pk}.pdf")


@pdf.renderer("grants.decision_letter", can_view=applicant_or_handler, subjects=applicant)
def decision_letter(application):
    return pdf.Rendered(template="grants/pdf/decision_letter.html", context={"application": application},
                        filename=f"afgoerelse-{application.pk}.pdf")
