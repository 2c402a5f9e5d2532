"""Events: the public list and page with signing up, and the staff area where the Culture department and approved
associations run them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from engagement import queries as engagement_queries
from frivillig.core import actions
from frivillig.core.decorators import role_required

from .. import event_services, queries, services, workflow
from ..forms import CancelEventForm, EventForm


def event_list(request):
    page = Paginator(queries.upcoming_events(), 20).get_page(request.GET.get("side"))
    return render(request, "taskbank/event_list.html", {"page": page})


def event_detail(request, pk):
    event = queries.access_public_event(pk)
    return render(request, "taskbank/event_detail.html", {
        "event": event, "taken": event.signups.count(), "signed_up": queries.is_signed_up(request.user, event),
        "sessions": list(engagement_queries.event_sessions(event, request.user))})


def _back_to_event(event):
    return event.get_absolute_url()


event_signup = login_required(actions.action_view(
    access=lambda user, pk: queries.access_public_event(pk), service=services.sign_up, name="event",
    success=_("Du er tilmeldt. Vi har sendt en bekræftelse på e-mail."), back=_back_to_event))
event_signup_cancel = login_required(actions.action_view(
    access=lambda user, pk: queries.access_public_event(pk), service=services.cancel_signup, name="event",
    success=_("Din tilmelding er annulleret."), back=_back_to_event))


# --- the staff area ---------------------------------------------------------------------------------------

_event_staff = role_required(workflow.runs_events)


@_event_staff
def staff_event_list(request):
    page = Paginator(queries.staff_events(request.user), 25).get_page(request.GET.get("side"))
    return render(request, "taskbank/staff/event_list.html", {"page": page})


@_event_staff
def event_form(request, pk=None):
    event = queries.access_staff_event(request.user, pk) if pk else None
    form = EventForm(request.POST or None, instance=event, organisers=queries.organisers_for(request.user),
                     allow_none=workflow.organises_for_anyone(request.user))
    if saved := actions.save_form(request, form, event_services.save_event, as_data=True, event=event):
        messages.success(request, _("Arrangementet er gemt."))
        return redirect("taskbank:staff_event_edit", pk=saved.pk)
    return render(request, "taskbank/staff/event_form.html", {
        "form": form, "event": event, "cancel_form": CancelEventForm()})


event_cancel = _event_staff(actions.action_view(
    access=queries.access_staff_event, form=CancelEventForm, service=event_services.cancel_event, name="event",
    success=_("Arrangementet er aflyst, og de tilmeldte har fået besked."), back=lambda event: event.get_staff_url()))
