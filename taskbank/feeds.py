"""RSS/Atom feed of new tasks and iCalendar of events."""

from datetime import timedelta

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from frivillig.core.ical import CalendarEntry, calendar_bytes

from .models import Event
from .queries import published_tasks


class NewTasksFeed(Feed):
    title = _("Nye frivillige opgaver i Rudersdal")
    link = "/opgaver/"
    description = _("De nyeste frivillige opgaver hos Rudersdal Kommunes institutioner.")

    def items(self):
        return published_tasks().select_related("institution").order_by("-published_at")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.summary} ({item.institution.name}, {item.get_town_display()})"

    def item_pubdate(self, item):
        return item.published_at

    def item_link(self, item):
        return item.get_absolute_url()


class NewTasksAtomFeed(NewTasksFeed):
    feed_type = Atom1Feed
    subtitle = NewTasksFeed.description


def _calendar(events) -> bytes:
    return calendar_bytes("Frivillig Rudersdal – arrangementer", [
        CalendarEntry(uid=f"event-{e.pk}", summary=e.title, description=e.description, location=e.place,
                      start=e.starts_at, end=e.ends_at, stamp=e.updated_at, url=e.get_absolute_url())
        for e in events])


def events_ical(request):
    events = Event.objects.filter(is_published=True, ends_at__gte=timezone.now() - timedelta(days=30))
    response = HttpResponse(_calendar(events), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="arrangementer.ics"'
    return response


def event_ical(request, pk):
    event = get_object_or_404(Event, pk=pk, is_published=True)
    response = HttpResponse(_calendar([event]), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="arrangement-{event.pk}.ics"'
    return response
