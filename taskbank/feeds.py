"""RSS/Atom feed of new tasks and iCalendar of events."""

from datetime import timedelta

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from frivillig.core import ical

from . import queries
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


def _entries(events):
    base = settings.PORTAL_BASE_URL.rstrip("/")
    return [ical.Entry(uid=f"event-{e.pk}@frivillig.rudersdal.dk", summary=e.title, description=e.description,
                       location=e.place, starts_at=e.starts_at, ends_at=e.ends_at, stamp=e.updated_at,
                       url=base + e.get_absolute_url()) for e in events]


def events_ical(request):
    events = Event.objects.filter(is_published=True, ends_at__gte=timezone.now() - timedelta(days=30))
    return ical.response(_entries(events), filename="arrangementer.ics", inline=True,
                         name="Frivillig Rudersdal – arrangementer")


def event_ical(request, pk):
    event = queries.access_public_event(pk)
    return ical.response(_entries([event]), filename=f"arrangement-{event.pk}.ics",
                         name="Frivillig Rudersdal – arrangementer")
