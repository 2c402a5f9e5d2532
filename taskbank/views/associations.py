"""Associations and the Culture department in the task bank: moderation, questions to a task's contact,
events and gathering places run from the staff area."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.models import Organisation
from frivillig.accounts.roles import approved_association_ids, is_culture_admin, is_verified
from frivillig.core import ratelimit
from frivillig.core.decorators import role_required
from frivillig.core.workflow import TransitionNotAllowed

from .. import event_services, queries, services
from ..forms import CancelEventForm, EventForm, GatheringPlaceForm, ModerationForm, QuestionForm


def _messages(exc):
    return " ".join(getattr(exc, "messages", None) or [getattr(exc, "message", str(exc))])


def _form_errors(form, exc):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- moderation ---------------------------------------------------------------------------------------

@login_required
@require_POST
def moderate(request, pk):
    """Approve a task waiting for review, send it back, or unpublish it (moderators only; 404 for others)."""
    task = queries.access_staff_task(request.user, pk, manage=False)
    action = request.POST.get("action", "")
    form = ModerationForm(request.POST)
    reason = form.data.get("reason", "")
    if action != "approve" and not form.is_valid():
        messages.error(request, _("Vælg en handling, og skriv en begrundelse."))
        return redirect(task.get_staff_url())
    try:
        services.moderate_task(actor=request.user, task=task, action=action, reason=reason)
    except (ValidationError, PermissionDenied, TransitionNotAllowed) as exc:
        messages.error(request, _messages(exc))
    else:
        messages.success(request, _("Opgaven er opdateret, og kontaktpersonen har fået besked."))
    return redirect(task.get_staff_url())


# --- a question before applying -------------------------------------------------------------------------

@login_required
def ask(request, pk):
    task = queries.access_public_task(pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if ratelimit.exceeded(request, "taskbank.question", per_user="5/h", per_ip="20/h"):
            messages.error(request, ratelimit.MESSAGE)
        else:
            try:
                services.ask_contact(actor=request.user, task=task, body=form.cleaned_data["body"])
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, _messages(exc))
            else:
                messages.success(request, _("Dit spørgsmål er sendt til kontaktpersonen, som svarer dig på e-mail."))
                return redirect(task)
    return render(request, "taskbank/ask.html", {"task": task, "form": form, "verified": is_verified(request.user)})


# --- events in the staff area ---------------------------------------------------------------------------

_event_staff = role_required(lambda u: is_culture_admin(u) or bool(approved_association_ids(u)))


def _organisers(user):
    if is_culture_admin(user):
        return Organisation.objects.filter(is_active=True, status=Organisation.Status.APPROVED)
    return Organisation.objects.filter(pk__in=approved_association_ids(user))


@_event_staff
def event_list(request):
    page = Paginator(queries.staff_events(request.user), 25).get_page(request.GET.get("side"))
    return render(request, "taskbank/staff/event_list.html", {"page": page})


@_event_staff
def event_form(request, pk=None):
    event = queries.access_staff_event(request.user, pk) if pk else None
    form = EventForm(request.POST or None, instance=event, organisers=_organisers(request.user),
                     allow_none=is_culture_admin(request.user))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "organiser"}
        try:
            event = event_services.save_event(actor=request.user, data=data, organiser=form.cleaned_data["organiser"],
                                              event=event)
        except ValidationError as exc:
            _form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error("organiser", _messages(exc))
        else:
            messages.success(request, _("Arrangementet er gemt."))
            return redirect("taskbank:staff_event_edit", pk=event.pk)
    return render(request, "taskbank/staff/event_form.html", {
        "form": form, "event": event, "cancel_form": CancelEventForm()})


@_event_staff
@require_POST
def event_cancel(request, pk):
    event = queries.access_staff_event(request.user, pk)
    form = CancelEventForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv, hvorfor arrangementet er aflyst. Det sendes til de tilmeldte."))
    else:
        try:
            event_services.cancel_event(actor=request.user, event=event, reason=form.cleaned_data["reason"])
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _messages(exc))
        else:
            messages.success(request, _("Arrangementet er aflyst, og de tilmeldte har fået besked."))
    return redirect("taskbank:staff_event_edit", pk=event.pk)


# --- gathering places ------------------------------------------------------------------------------------

_place_staff = role_required(is_culture_admin)


@_place_staff
def place_staff_list(request):
    from ..models import GatheringPlace

    page = Paginator(GatheringPlace.objects.select_related("organisation").order_by("name"), 50).get_page(
        request.GET.get("side"))
    return render(request, "taskbank/staff/place_list.html", {"page": page})


@_place_staff
def place_form(request, pk=None):
    from django.shortcuts import get_object_or_404

    from ..models import GatheringPlace

    place = get_object_or_404(GatheringPlace, pk=pk) if pk else None
    form = GatheringPlaceForm(request.POST or None, instance=place)
    if request.method == "POST" and form.is_valid():
        try:
            place = event_services.save_place(actor=request.user, data=form.cleaned_data, place=place)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Samlingsstedet er gemt."))
            return redirect("taskbank:staff_places")
    return render(request, "taskbank/staff/place_form.html", {"form": form, "place": place})


def place_list(request):
    page = Paginator(queries.public_places(), 25).get_page(request.GET.get("side"))
    return render(request, "taskbank/place_list.html", {"page": page})


def place_detail(request, pk):
    place = queries.access_public_place(pk)
    return render(request, "taskbank/place_detail.html", {"place": place, **queries.place_listing(place)})



