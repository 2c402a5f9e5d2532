""""Opgaver til dig": open tasks ranked by fit to a volunteer's profile, each with the reasons it fits.

Candidates are the newest published tasks that share a competence or an area with the profile, or that the typed
"Det kan jeg" text finds through the portal's one search pipeline (taskbank/search.py: the same parsing, stems,
compounds and synonyms as the task list); then each candidate is scored in Python:

    shared competence 3 each (two at most) · area of interest 2 · her town 2 (whole municipality 1, a town she
    did not choose -2) · her time of week 1.5 (another time -1) · target group 1 · her words found 2 ·
    more hours a week than she has -1

A task's time of week is read from its "tidspunkt" text (lørdag/søndag/weekend, aften/kl. 17-22, weekday names).
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.db.models import BooleanField, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from frivillig.core.choices import Area, Town
from taskbank.models import Competence, TargetGroup, Task
from taskbank.queries import published_tasks

from .models import Availability

CANDIDATES = 300
WEEKEND = re.compile(r"\b(lørdag|søndag|weekend|lør|søn)", re.IGNORECASE)
EVENING = re.compile(r"\baften|kl\.?\s*(1[7-9]|2[0-2])", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(mandag|tirsdag|onsdag|torsdag|fredag|hverdag|formiddag|eftermiddag)", re.IGNORECASE)


@dataclass
class Suggestion:
    task: Task
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def why(self) -> str:
        return " · ".join(self.reasons)


def times_of(task) -> set[str]:
    text = task.schedule or ""
    found = set()
    if WEEKEND.search(text):
        found.add(Availability.WEEKENDS)
    if EVENING.search(text):
        found.add(Availability.EVENINGS)
    if WEEKDAY.search(text):
        found.add(Availability.WEEKDAYS)
    return found


def _text_match(can_do: str):
    """An annotation: does the task match any word of her free text (the task list's own search)."""
    from frivillig.search.query import parse

    query = parse(can_do or "")
    if not query:
        return Value(False, output_field=BooleanField()), None
    tsquery = query.any_word()
    return RawSQL("search_vector @@ %s::tsquery", [tsquery], output_field=BooleanField()), tsquery  # noqa: S611


def candidates(profile, exclude_ids=(), base=None):
    words, tsquery = _text_match(profile.can_do)
    wanted = Q(competences__overlap=profile.competences) | Q(area__in=profile.interests)
    if tsquery:
        wanted |= Q(search_vector=SearchQuery(tsquery, config="simple", search_type="raw"))
    qs = (published_tasks() if base is None else base).filter(wanted).exclude(pk__in=list(exclude_ids))
    if profile.towns:
        qs = qs.filter(town__in=[*profile.towns, Town.WHOLE])
    return (qs.select_related("institution").annotate(words=words)
            .only("title", "summary", "description", "town", "area", "kind", "schedule", "hours_per_week",
                  "competences", "target_groups", "requires_child_certificate", "published_at",
                  "institution__name", "institution__kind")
            .order_by("-published_at")[:CANDIDATES])


def score(profile, task) -> Suggestion:
    s, reasons = 0.0, []
    shared = [c for c in task.competences if c in profile.competences]
    s += 3 * min(len(shared), 2)
    reasons += [_label(Competence, c) for c in shared]
    if task.area in profile.interests:
        s += 2
        reasons.append(_label(Area, task.area))
    if profile.towns:
        if task.town in profile.towns:
            s += 2
            reasons.append(_label(Town, task.town))
        elif task.town == Town.WHOLE:
            s += 1
        else:
            s -= 2
    times = times_of(task)
    if profile.availability and times:
        common = [t for t in Availability.values if t in times and t in profile.availability]
        if common:
            s += 1.5
            reasons += [str(Availability(t).label).lower() for t in common]
        else:
            s -= 1
    if set(task.target_groups) & set(profile.target_groups) - {TargetGroup.EVERYONE}:
        s += 1
        reasons += [_label(TargetGroup, g) for g in task.target_groups if g in profile.target_groups][:1]
    if getattr(task, "words", False):
        s += 2
        reasons.append(_("det, du skriver, du kan"))
    if profile.hours_per_week and task.hours_per_week > profile.hours_per_week:
        s -= 1
    return Suggestion(task=task, score=s, reasons=reasons)


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def suggestions(profile, limit=20, exclude_ids=(), base=None) -> list[Suggestion]:
    """The best-fitting open tasks, best first (ties: newest first); only tasks with a positive fit. ``base``: the
    published tasks to choose among (the judged set of tests/volunteers/judged_set.py uses its own)."""
    scored = [score(profile, t) for t in candidates(profile, exclude_ids, base)]
    scored = [x for x in scored if x.score > 0]
    scored.sort(key=lambda x: -x.score)  # stable: newest first among equals
    return scored[:limit]
