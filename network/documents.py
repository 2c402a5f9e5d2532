from frivillig.core import pdf

from .workflow import may_see_meeting


def members_only(user, document):
    """A meeting's agenda and minutes: for the members of that meeting's body."""
    return may_see_meeting(user, document.obj)


@pdf.renderer("network.agenda", can_view=members_only)
def agenda(meeting):
    return pdf.Rendered(template="network/pdf/agenda.html", context={"meeting": meeting, "items": list(meeting.agenda.all())},
                        filename=f"dagsorden-{meeting.pk}.pdf")


@pdf.renderer("network.minutes", can_view=members_only)
def minutes(meeting):
    return pdf.Rendered(template="network/pdf/minutes.html", context={"meeting": meeting, "items": list(meeting.agenda.all())},
                        filename=f"referat-{meeting.pk}.pdf")


@pdf.renderer("network.agreement")
def agreement(agreement):
    return pdf.Rendered(template="network/pdf/agreement.html",
                        context={"agreement": agreement, "obligations": list(agreement.obligations.all())},
                        filename=f"samarbejdsaftale-v{agreement.version}.pdf")
