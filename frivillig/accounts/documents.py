from frivillig.core import pdf


def only_the_person(user, document) -> bool:
    return getattr(user, "pk", None) is not None and str(user.pk) == document.object_id


@pdf.renderer("accounts.my_data", can_view=only_the_person)
def my_data_pdf(user):
    from . import gdpr

    return pdf.Rendered(template="accounts/pdf/my_data.html", context={"data": gdpr.export_user_data(user), "person": user},
                        filename="mine-data.pdf")
