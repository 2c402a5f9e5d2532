"""RSS/Atom feed of new tasks and iCalendar of events."""

from datetime import timedelta

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar
from icalendar import Event as ICalEvent

from .models import Event
from .queries import filtered_tasks


class NewTasksFeed(Feed):
    title = _("Nye frivillige opgaver i Rudersdal")
    link = "/opgaver/"
    description = _("De nyeste frivillige opgaver hos Rudersdal Kommunes institutioner.")

    def get_object(self, request):
        return request.GET  # the task list's filters, and organisation=<id> (taskbank.queries.filtered_tasks)

    def items(self, params):
        return filtered_tasks(params).select_related("institution").order_by("-published_at")[:50]

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
    cal = Calendar()
    cal.add("prodid", "-//Rudersdal Kommune//Frivillig Rudersdal//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Frivillig Rudersdal – arrangementer")
    base = settings.PORTAL_BASE_URL.rstrip("/")
    for e in events:
        item = ICalEvent()
        item.add("uid", f"event-{e.pk}@frivillig.rudersdal.dk")
        item.add("summary", e.title)
        item.add("description", e.description)
        item.add("location", e.place)
        item.add("dtstart", e.starts_at)
        item.add("dtend", e.ends_at)
        item.add("dtstamp", e.updated_at)
        item.add("url", base + e.get_absolute_url())
        cal.add_component(item)
    return cal.to_ical()


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
