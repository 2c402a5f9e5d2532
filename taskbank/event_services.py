"""Writes for events and gathering places: the Culture department and approved associations run them in the
staff area, without Django admin."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import workflow
from .models import Event, GatheringPlace

EVENT_FIELDS = ["title", "description", "starts_at", "ends_at", "place", "town", "capacity", "gathering_place",
                "is_published"]
PLACE_FIELDS = ["name", "description", "address", "town", "opening_hours", "who_meets", "organisation",
                "is_published"]


@transaction.atomic
def save_event(*, actor, data: dict, organiser=None, event: Event | None = None) -> Event:
    """Create or edit an event. The Culture department may organise on behalf of anyone (or no one); an
    association's representative only for their own approved association. The organiser comes as ``organiser``
    or in ``data`` (as the event form gives it)."""
    organiser = data.get("organiser", organiser)
    if event is not None:
        wf.require(workflow.may_manage_event, actor, event)
    wf.require(workflow.may_organise_for, actor, organiser)
    if event is not None and event.is_cancelled:
        raise ValidationError(_("Arrangementet er aflyst og kan ikke redigeres."))
    event = event or Event()
    for field in EVENT_FIELDS:
        if field in data:
            setattr(event, field, data[field])
    event.organiser = organiser
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def cancel_event(*, actor, event: Event, reason: str) -> Event:
    """Cancel an event and e-mail everyone signed up (once each, even if called twice)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    wf.require(workflow.may_manage_event, actor, event)
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv, hvorfor arrangementet er aflyst. Det sendes til de tilmeldte.")})
    if event.cancelled_at is None:
        event.cancelled_at = timezone.now()
        event.cancel_reason = reason.strip()
        event.save(update_fields=["cancelled_at", "cancel_reason", "updated_at"])
    for signup in event.signups.select_related("user"):
        notify(to=signup.user, template="taskbank/email/event_cancelled",
               key=f"taskbank.event_cancelled:{event.pk}:{signup.user_id}", context={"event": event}, obj=event)
    return event


@transaction.atomic
def save_place(*, actor, data: dict, place: GatheringPlace | None = None) -> GatheringPlace:
    wf.require(workflow.manages_places, actor, place)
    place = place or GatheringPlace()
    for field in PLACE_FIELDS:
        if field in data:
            setattr(place, field, data[field])
    place.full_clean()
    place.save()
    return place
