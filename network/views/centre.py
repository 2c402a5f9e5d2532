"""The Volunteer Centre's own page on the cooperation agreement: its obligations, the follow-up meetings, and its
own status per obligation."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from frivillig.core import actions
from frivillig.core.decorators import role_required

from .. import queries, services, workflow
from ..forms import SelfReportForm
from ..models import Obligation

_centre_or_culture = role_required(workflow.sees_centre_agreement)


@_centre_or_culture
def agreement(request):
    data = queries.centre_agreement()
    centre = workflow.reports_for_centre(request.user)
    for o in data["obligations"]:
        report = getattr(o, "self_report", None)
        o.form = (SelfReportForm(prefix=f"ob{o.pk}", initial={"status": report.status, "note": report.note} if report
                                 else None) if centre and o.party == Obligation.Party.CENTRE else None)
    return render(request, "network/centre_agreement.html", data)


obligation_status = _centre_or_culture(actions.action_view(
    access=queries.access_centre_obligation, form=SelfReportForm, form_kwargs=lambda o: {"prefix": f"ob{o.pk}"},
    service=services.record_centre_status, name="obligation", success=_("Jeres status er gemt."),
    back=lambda o: reverse("network:centre_agreement")))
