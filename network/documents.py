from frivillig.core import pdf

from .workflow import may_see_meeting, sees_steering_group


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


def steering_group_only(user, document):
    """The annual report to the executive board: for the Culture department and the steering group."""
    return sees_steering_group(user)


@pdf.renderer("network.annual_report", can_view=steering_group_only,
              filename=lambda report: f"aarsrapport-{report.year}.pdf")
def annual_report(report):
    from .queries import annual_report as report_data

    return pdf.Rendered(template="network/pdf/annual_report.html", context=report_data(report.year),
                        filename=f"aarsrapport-{report.year}.pdf")
