"""Put the relevance corpus into the database (tests and `make bench`)."""

from datetime import timedelta

from django.utils import timezone

from frivillig.accounts.models import Organisation, User
from taskbank.models import Task
from taskbank.search import reindex

from .corpus import INSTITUTIONS, tasks


def load_corpus() -> dict:
    """Create the institutions and tasks; returns {task pk: slug}."""
    contact, _c = User.objects.get_or_create(email="korpus@example.dk", defaults={"full_name": "Korpus Kontakt"})
    orgs = {}
    area = {"carehome": "elderly", "elderly": "elderly", "school": "children", "daycare": "children",
            "nature": "nature", "social": "social", "language": "social"}
    for slug, name, _town, address, kind in INSTITUTIONS:
        orgs[slug], _c = Organisation.objects.get_or_create(
            slug=f"korpus-{slug}", defaults={"name": name, "kind": "institution", "address": address,
                                             "area": area.get(kind, "culture")})
    now, today = timezone.now(), timezone.localdate()
    rows = []
    for n, (slug, _activity, place, fields) in enumerate(tasks()):
        rows.append((slug, Task(institution=orgs[place], contact=contact, status=Task.Status.PUBLISHED,
                                published_at=now - timedelta(hours=n), expires_on=today + timedelta(days=60),
                                **fields)))
    Task.objects.bulk_create([t for _s, t in rows])
    reindex([t.pk for _s, t in rows])
    return {t.pk: slug for slug, t in rows}


def search_among(slugs: dict):
    """search(query) → ranked slugs, with the task list's filter and ordering, over the given tasks only."""
    from django.http import QueryDict

    from taskbank import queries
    from taskbank.filters import TaskFilter

    def search(q):
        params = QueryDict(mutable=True)
        params["q"] = q
        filterset = TaskFilter(params, queryset=queries.published_tasks().filter(pk__in=list(slugs)))
        ordered = queries.order(filterset.qs, "relevans", filterset.search_query)
        return [slugs[pk] for pk in ordered.values_list("pk", flat=True)[:20]]
    return search
