"""The volunteer's side: /frivillig/ (agreements, sessions, hours, certificate, calendar)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.core import actions, ical, pdf

from .. import queries, services
from ..forms import AcceptAgreementForm, ConsentForm, EndAgreementForm, HoursForm, NominationForm


@login_required
def home(request):
    hours = queries.my_hours(request.user)
    helped = list(queries.my_event_help(request.user))
    return render(request, "engagement/home.html", {
        "agreements": queries.my_agreements(request.user), "sessions": queries.upcoming_sessions_for(request.user),
        "helped": helped[:50], "helped_total": queries.hours_of(helped),
        "hours": hours[:50], "total": queries.total_hours(hours), "feed": queries.calendar_feed_of(request.user),
        "certificate": pdf.latest("engagement.certificate", obj=request.user)})


@login_required
def agreement(request, pk):
    agreement = queries.access_own_agreement(request.user, pk)
    return render(request, "engagement/agreement.html", {
        "agreement": agreement, "accept_form": AcceptAgreementForm(initial={"version": agreement.version}),
        "end_form": EndAgreementForm(prefix="end"), "hours_form": HoursForm(prefix="hours"),
        "hours": agreement.hours_entries.all(), "total": queries.total_hours(agreement.hours_entries.all()),
        "history": agreement.status_changes.select_related("actor"),
        "document": pdf.latest("engagement.agreement", obj=agreement)})


def _back(agreement):
    return agreement.get_absolute_url()


accept = actions.action_view(access=queries.access_own_agreement, form=AcceptAgreementForm,
                             service=services.accept_agreement, name="agreement", back=_back,
                             success=_("Tak! Du har accepteret aftalen."))
end = actions.action_view(access=queries.access_own_agreement, form=EndAgreementForm, prefix="end",
                          service=services.end_agreement, name="agreement", back=_back,
                          success=_("Aftalen er afsluttet. Dine kommende vagter er aflyst."))
report_hours = actions.action_view(access=queries.access_own_agreement, form=HoursForm, prefix="hours",
                                   service=services.report_hours, name="agreement", back=_back,
                                   success=_("Timerne er indberettet og venter på godkendelse."))


@require_POST
@login_required
def agreement_pdf(request, pk):
    agreement = queries.access_own_agreement(request.user, pk)
    doc = actions.perform(request, None, services.request_agreement_pdf, agreement=agreement)
    return redirect(doc.get_absolute_url() if doc else agreement.get_absolute_url())


def _back_to_session(session):
    """An event's helper returns to the event's page, a task's volunteer to her own page."""
    return session.event.get_absolute_url() if session.event_id else "engagement:home"


sign_up = actions.action_view(access=queries.access_signable_session, service=services.sign_up, name="session",
                              back=_back_to_session, success=_("Du er tilmeldt vagten."))
cancel_signup = actions.action_view(access=queries.access_signable_session, service=services.cancel_signup,
                                    name="session", back=_back_to_session, success=_("Du er afmeldt vagten."))


@require_POST
@login_required
def certificate(request):
    doc = actions.perform(request, None, services.request_certificate)
    return redirect(doc.get_absolute_url() if doc else "engagement:home")


@require_POST
@login_required
def new_calendar(request):
    actions.perform(request, None, services.new_calendar_token,
                    success=_("Din kalender har fået en ny adresse. Den gamle virker ikke længere."))
    return redirect("engagement:home")


def calendar_feed(request, token):
    user, sessions = queries.sessions_for_token(token)
    base = settings.PORTAL_BASE_URL.rstrip("/")
    entries = [ical.Entry(uid=f"session-{s.pk}@frivillig.rudersdal.dk", summary=s.title, description=s.note,
                          location=s.location, starts_at=s.starts_at, ends_at=s.ends_at, stamp=s.updated_at,
                          url=base + s.occasion.get_absolute_url()) for s in sessions]
    return ical.response(entries, filename="vagter.ics", name=_("Mine vagter – Frivillig Rudersdal"), inline=True)


def standard_texts(request):
    return render(request, "engagement/standard_texts.html", {"texts": queries.standard_texts()})


def award(request):
    return render(request, "engagement/award.html", {"winners": queries.award_winners(),
                                                     "form": NominationForm(prefix="nom")})


@require_POST
@login_required
def nominate(request):
    form = NominationForm(request.POST, prefix="nom")
    if actions.save_form(request, form, services.nominate):
        messages.success(request, _("Tak for din indstilling. Kulturområdet vælger årets frivillige."))
        return redirect("engagement:award")
    return render(request, "engagement/award.html", {"winners": queries.award_winners(), "form": form})


def consent(request, token):
    nomination = queries.nomination_for_token(token)
    form = ConsentForm(request.POST or None)
    if actions.save_form(request, form, services.answer_nomination, token=token):
        messages.success(request, _("Tak for dit svar."))
        return redirect("engagement:award")
    return render(request, "engagement/consent.html", {"nomination": nomination, "form": form})
