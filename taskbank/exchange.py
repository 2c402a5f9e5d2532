"""Exchange with the national portals, without network calls: a task in the fields a Frivilligjob.dk posting
needs (with a copy-ready text), and an import of offers from a CSV or JSON file (e.g. an export from Socialkompas
or the Volunteer Centre's own list) into the public directory of local associations."""

import csv
import io
import json
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frivillig.core import workflow as wf

from . import workflow
from .models import DirectoryOffer, Task


def frivilligjob_fields(task: Task) -> list[tuple[str, str]]:
    """(label, value) pairs in the order of Frivilligjob.dk's posting form. The contact's e-mail is not
    included: applicants are sent to the task's page on this portal."""
    url = settings.PORTAL_BASE_URL.rstrip("/") + task.get_absolute_url()
    requirements = []
    if task.min_age:
        requirements.append(_("Mindst %(a)s år") % {"a": task.min_age})
    if task.requires_child_certificate:
        requirements.append(_("Børneattest"))
    if task.language_requirements:
        requirements.append(task.language_requirements)
    when = task.get_kind_display() + (f": {task.schedule}" if task.schedule else "")
    if task.starts_on:
        when += f" ({task.starts_on:%d.%m.%Y}" + (f"–{task.ends_on:%d.%m.%Y}" if task.ends_on else "") + ")"
    return [
        (_("Titel"), task.title),
        (_("Organisation"), task.institution.name),
        (_("Type organisation"), task.provider_label),
        (_("Kort beskrivelse"), task.summary),
        (_("Beskrivelse"), task.description),
        (_("Arbejdsområde"), task.get_area_display()),
        (_("Målgruppe"), ", ".join(str(label) for label in task.target_group_labels())),
        (_("Adresse"), f"{task.address}, {task.get_town_display()}"),
        (_("Tidspunkt"), when),
        (_("Timer om ugen"), f"{task.hours_per_week:g}"),
        (_("Antal frivillige"), str(task.volunteers_wanted)),
        (_("Krav"), ", ".join(requirements) or _("Ingen særlige krav")),
        (_("Ansøgningsfrist"), f"{task.expires_on:%d.%m.%Y}"),
        (_("Kontaktperson"), task.contact.get_full_name()),
        (_("Søg her"), url),
    ]


def copy_ready_text(task: Task) -> str:
    return "\n".join(f"{label}: {value}" for label, value in frivilligjob_fields(task))


# --- import ------------------------------------------------------------------------------------------

# Column names seen in exports, mapped to ours.
COLUMNS = {
    "organisation": "organisation", "forening": "organisation", "organisation_name": "organisation",
    "navn": "organisation",
    "title": "title", "titel": "title", "tilbud": "title", "aktivitet": "title",
    "description": "description", "beskrivelse": "description",
    "town": "town", "by": "town", "city": "town",
    "url": "url", "website": "url", "hjemmeside": "url", "link": "url",
    "id": "external_id", "external_id": "external_id",
}


def _normalise(value: str) -> str:
    return re.sub(r"[^a-z0-9æøå]+", " ", (value or "").lower()).strip()


def parse_offers(content: bytes, filename: str) -> list[dict]:
    """Rows of a CSV (comma or semicolon) or JSON (a list of objects) file, with our column names."""
    text = content.decode("utf-8-sig")
    if filename.lower().endswith(".json"):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(_("Filen er ikke gyldig JSON.")) from exc
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ValidationError(_("JSON-filen skal indeholde en liste af tilbud."))
    else:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
        rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    parsed = []
    for row in rows:
        mapped = {}
        for key, value in row.items():
            ours = COLUMNS.get(_normalise(str(key)).replace(" ", "_"))
            if ours and value not in (None, ""):
                mapped[ours] = str(value).strip()
        if mapped.get("organisation") and mapped.get("title"):
            parsed.append(mapped)
    return parsed


@transaction.atomic
def import_offers(*, actor, rows: list[dict], source: str) -> dict:
    """Add offers to the directory. The same offer from the same source (by its id, or by organisation and
    title) is updated; an offer another source already holds is skipped as a duplicate. Returns counts."""
    if actor is not None:  # None: the portal itself (a scheduled import)
        wf.require(workflow.imports_offers, actor)
    source = source.strip()
    if not source:
        raise ValidationError({"source": _("Skriv, hvor tilbuddene kommer fra.")})
    counts = {"created": 0, "updated": 0, "duplicates": 0}
    for row in rows:
        key = _normalise(row["organisation"]) + "|" + _normalise(row["title"])
        existing = DirectoryOffer.objects.filter(dedup_key=key).first()
        if row.get("external_id"):
            existing = DirectoryOffer.objects.filter(source=source, external_id=row["external_id"]).first() or existing
        if existing is not None and existing.source != source:
            counts["duplicates"] += 1
            continue
        offer = existing or DirectoryOffer(source=source)
        offer.organisation_name = row["organisation"][:200]
        offer.title = row["title"][:200]
        offer.description = row.get("description", "")[:4000]
        offer.town = row.get("town", "")[:100]
        offer.url = row.get("url", "")[:500] if row.get("url", "").startswith(("http://", "https://")) else ""
        offer.external_id = row.get("external_id", "")[:100]
        offer.dedup_key = key
        offer.full_clean()
        offer.save()
        counts["updated" if existing else "created"] += 1
    return counts
