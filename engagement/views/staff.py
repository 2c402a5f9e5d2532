"""The coordinator's side: /medarbejder/frivillige/ (agreements, rota, attendance, hours, overview, CSV)."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from frivillig.accounts.roles import is_culture_admin, is_task_poster
from frivillig.core import actions, pdf
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required
from frivillig.core.text import formula_safe

from .. import queries, services, workflow
from ..forms import (
    AgreementForm,
    AttendanceForm,
    CancelSessionForm,
    EndAgreementForm,
    InviteForm,
    SessionPlanForm,
    StandardTextForm,
    ThanksForm,
)

_staff = role_required(is_task_poster)

_coordinator = role_required(workflow.plans_sessions)
_culture = role_required(is_culture_admin)


@_staff
def overview(request):
    rows = list(queries.overview(request.user)[:500])
    waiting = list(queries.without_agreement(request.user)[:100])
    log_access(actor=request.user, subjects=[r.volunteer for r in rows if r.volunteer_id]
               + [a.applicant for a in waiting], reason=gettext_noop("Oversigt over frivillige"), request=request)
    return render(request, "engagement/staff/overview.html", {"rows": rows, "waiting": waiting})


@_staff
def export_csv(request):
    rows = list(queries.overview(request.user))
    log_access(actor=request.user, subjects=[r.volunteer for r in rows if r.volunteer_id],
               reason=gettext_noop("CSV: frivillige"), request=request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="frivillige.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Frivillig"), _("E-mail"), _("Opgave"), _("Aftale"), _("Version"), _("Børneattest"),
                     _("Næste vagt"), _("Timer i år")])
    for r in rows:
        writer.writerow([formula_safe(v) for v in (
            r.volunteer.get_full_name() if r.volunteer else _("Anonymiseret"), r.volunteer.email if r.volunteer else "",
            r.task.title, r.get_status_display(), r.version, r.get_child_certificate_display(),
            timezone.localtime(r.next_session).strftime("%Y-%m-%d %H:%M") if r.next_session else "",
            str(r.hours_this_year or 0).replace(".", ","))])
    return response


@_staff
def agreement_create(request, pk):
    application = queries.access_accepted_application(request.user, pk)
    form = AgreementForm(request.POST or None, task=application.task,
                         initial=queries.agreement_initial(application))
    if agreement := actions.save_form(request, form, services.start_agreement, application=application, as_data=True):
        messages.success(request, _("Aftalen er gemt som kladde. Læs den igennem, og send den til den frivillige."))
        return redirect(agreement.get_staff_url())
    log_access(actor=request.user, subjects=[application.applicant], reason=gettext_noop("Frivilligaftale"), request=request)
    return render(request, "engagement/staff/agreement_form.html", {"form": form, "application": application})


@_staff
def agreement_edit(request, pk):
    agreement = queries.access_staff_agreement(request.user, pk)
    form = AgreementForm(request.POST or None, instance=agreement, task=agreement.task)
    if actions.save_form(request, form, services.update_agreement, as_data=True,
                         agreement=queries.access_staff_agreement(request.user, pk)):
        messages.success(request, _("Ændringerne er gemt."))
        return redirect(agreement.get_staff_url())
    log_access(actor=request.user, subjects=[agreement.volunteer], reason=gettext_noop("Frivilligaftale"), request=request)
    return render(request, "engagement/staff/agreement_form.html", {"form": form, "agreement": agreement})


@_staff
def agreement_detail(request, pk):
    agreement = queries.access_staff_agreement(request.user, pk)
    log_access(actor=request.user, subjects=[agreement.volunteer], reason=gettext_noop("Frivilligaftale"), request=request)
    return render(request, "engagement/staff/agreement.html", {
        "agreement": agreement, "end_form": EndAgreementForm(prefix="end"), "thanks_form": ThanksForm(prefix="thanks"),
        "hours": agreement.hours_entries.all(), "total": queries.total_hours(agreement.hours_entries.all()),
        "history": agreement.status_changes.select_related("actor"), "acceptances": agreement.acceptances.all(),
        "document": pdf.latest("engagement.agreement", obj=agreement)})


send = actions.action_view(access=queries.access_staff_agreement, service=services.send_agreement, name="agreement",
                           success=_("Aftalen er sendt til den frivillige."))
end = actions.action_view(access=queries.access_staff_agreement, form=EndAgreementForm, prefix="end",
                          service=services.end_agreement, name="agreement", success=_("Aftalen er afsluttet."))
thanks = actions.action_view(access=queries.access_staff_agreement, form=ThanksForm, prefix="thanks",
                             service=services.send_thanks, name="agreement", success=_("Din tak er sendt."))
approve_hours = actions.action_view(access=queries.access_staff_hours, service=services.approve_hours, name="entry",
                                    success=_("Timerne er godkendt."))
reject_hours = actions.action_view(access=queries.access_staff_hours, service=services.reject_hours, name="entry",
                                   success=_("Timerne er afvist."))


@_staff
def agreement_pdf(request, pk):
    agreement = queries.access_staff_agreement(request.user, pk)
    if request.method != "POST":
        return redirect(agreement.get_staff_url())
    doc = actions.perform(request, None, services.request_agreement_pdf, agreement=agreement)
    return redirect(doc.get_absolute_url() if doc else agreement.get_staff_url())


def _plan(request, occasion, **of):
    form = SessionPlanForm(request.POST or None, occasion=occasion)
    if actions.save_form(request, form, services.plan_sessions, **of):
        messages.success(request, _("Vagterne er oprettet."))
        return redirect(request.path)
    rota = list(queries.rota(occasion))
    log_access(actor=request.user, subjects=[s.volunteer for r in rota for s in r.signups.all() if s.volunteer],
               reason=gettext_noop("Vagtplan"), request=request)
    return render(request, "engagement/staff/sessions.html", {"occasion": occasion, "form": form, "rota": rota,
                                                              "event": of.get("event")})


@_staff
def sessions(request, pk):
    task = queries.access_coordinated_task(request.user, pk)
    return _plan(request, task, task=task)


@_coordinator
def event_sessions(request, pk):
    event = queries.access_coordinated_event(request.user, pk)
    return _plan(request, event, event=event)


@_coordinator
def session_detail(request, pk):
    session = queries.access_staff_session(request.user, pk)
    signups = list(session.signups.named().select_related("volunteer"))
    log_access(actor=request.user, subjects=[s.volunteer for s in signups], reason=gettext_noop("Vagt"), request=request)
    return render(request, "engagement/staff/session.html", {
        "session": session, "signups": signups, "form": AttendanceForm(session=session, prefix="att"),
        "erased_helpers": session.signups.filter(volunteer=None).count(),
        "cancel_form": CancelSessionForm(prefix="cancel")})


attendance = actions.action_view(access=queries.access_staff_session, form=AttendanceForm, prefix="att",
                                 form_kwargs=lambda s: {"session": s}, service=services.register_attendance,
                                 name="session", success=_("Fremmødet er registreret."))
cancel_session = actions.action_view(access=queries.access_staff_session, form=CancelSessionForm, prefix="cancel",
                                     service=services.cancel_session, name="session",
                                     success=_("Vagten er aflyst, og de tilmeldte har fået besked."))


@_culture
def standard_text_edit(request, pk):
    text = queries.access_standard_text(pk)
    form = StandardTextForm(request.POST or None, instance=text)
    if actions.save_form(request, form, services.save_standard_text, standard_text=queries.access_standard_text(pk)):
        messages.success(request, _("Standardteksten er gemt."))
        return redirect("engagement:standard_texts")
    return render(request, "engagement/staff/standard_text_form.html", {"form": form, "text": text})


@_culture
def invite(request):
    form = InviteForm(request.POST or None)
    if (count := actions.save_form(request, form, services.invite_volunteers)) is not None:
        messages.success(request, _("Invitationen er sendt til %(n)s frivillige.") % {"n": count})
        return redirect("engagement:staff_invite")
    return render(request, "engagement/staff/invite.html", {"form": form})


@_culture
def nominations(request):
    rows = list(queries.nominations()[:300])
    log_access(actor=request.user, subjects=[n.nominator for n in rows if n.nominator_id],
               reason=gettext_noop("Indstillinger til årets frivillige"), request=request)
    return render(request, "engagement/staff/nominations.html", {"rows": rows})


choose_nominee = actions.action_view(access=queries.access_nomination, service=services.choose_nominee,
                                     name="nomination", success=_("Den indstillede er spurgt, om navnet må vises."))
