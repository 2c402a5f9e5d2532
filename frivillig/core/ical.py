"""iCalendar files, built one way for every app (events of the task bank, meetings of the network)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.http import HttpResponse
from icalendar import Calendar
from icalendar import Event as ICalEvent

PRODID = "-//Rudersdal Kommune//Frivillig Rudersdal//DA"


@dataclass
class Entry:
    uid: str  # unique and stable: "event-12@frivillig.rudersdal.dk"
    summary: str
    starts_at: datetime
    ends_at: datetime
    stamp: datetime
    location: str = ""
    description: str = ""
    url: str = ""


def calendar(entries: Iterable[Entry], *, name: str = "") -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if name:
        cal.add("x-wr-calname", name)
    for e in entries:
        item = ICalEvent()
        item.add("uid", e.uid)
        item.add("summary", e.summary)
        if e.description:
            item.add("description", e.description)
        item.add("location", e.location)
        item.add("dtstart", e.starts_at)
        item.add("dtend", e.ends_at)
        item.add("dtstamp", e.stamp)
        if e.url:
            item.add("url", e.url)
        cal.add_component(item)
    return cal.to_ical()


def response(entries: Iterable[Entry], *, filename: str, name: str = "", inline: bool = False) -> HttpResponse:
    """The calendar as a download (or ``inline`` for a subscription URL)."""
    resp = HttpResponse(calendar(entries, name=name), content_type="text/calendar; charset=utf-8")
    resp["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return resp
