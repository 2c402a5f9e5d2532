"""The one iCalendar builder: task-bank events and a volunteer's sessions are written by it."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as ICalEvent


@dataclass
class CalendarEntry:
    uid: str  # unique within the portal, e.g. "event-12"
    summary: str
    description: str
    location: str
    start: datetime
    end: datetime
    stamp: datetime
    url: str = ""  # a path on the portal


def calendar_bytes(name: str, entries) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Rudersdal Kommune//Frivillig Rudersdal//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", str(name))
    base = settings.PORTAL_BASE_URL.rstrip("/")
    for e in entries:
        item = ICalEvent()
        item.add("uid", f"{e.uid}@frivillig.rudersdal.dk")
        item.add("summary", e.summary)
        item.add("description", e.description)
        item.add("location", e.location)
        item.add("dtstart", e.start)
        item.add("dtend", e.end)
        item.add("dtstamp", e.stamp)
        if e.url:
            item.add("url", base + e.url)
        cal.add_component(item)
    return cal.to_ical()
