"""Reads of the task bank: search, facets, and `access_*` functions that raise 404 for missing and
not-yours alike."""

from contextlib import nullcontext

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from frivillig.accounts.models import Organisation
from frivillig.accounts.roles import task_poster_ids
from frivillig.core.choices import Area, Town
from frivillig.organisations.workflow import represented_ids
from frivillig.search import ranking

from . import search as task_search
from . import workflow
from .models import Event, GatheringPlace, Idea, SavedSearch, TargetGroup, Task, TaskApplication


def published_tasks():
    return Task.objects.filter(status=Task.Status.PUBLISHED, expires_on__gte=timezone.localdate())


def text_search(qs, q: str):
    """Tasks of qs that match a typed search (taskbank/search.py), with typos corrected against the published
    tasks. Returns (queryset, TaskSearch or None)."""
    search = task_search.prepare(q, published_tasks())
    if search is None:
        return qs, None
    return search.filter(qs), search


def order(qs, sort: str, search=None, among=None):
    """qs in the chosen order. `among`: the ids a typed search ranks when the caller has them (every match when
    there are at most SEARCH_COUNT_CAP, see counted()); else search.ranked() finds its own candidates."""
    if sort == "frist":
        return qs.order_by(F("expires_on").asc(nulls_last=True), "-published_at")
    if sort == "relevans" and search is not None:
        return search.ranked(qs, among=among)
    return qs.order_by("-published_at", "-pk")


COUNT_CAP = 1000  # as far as the list pages (MAX_CACHED_IDS): the newest COUNT_CAP + 1 ids serve both
# A typed search counts as far as its ranking takes (search.CANDIDATES, 500): reading the newest matches of a word
# costs in proportion (for a word in one task of twenty, 10,000 tasks tested for 500 matches, not 20,000).
SEARCH_COUNT_CAP = task_search.CANDIDATES


def counted(qs, cap=None, every=None) -> tuple[dict, list, list]:
    """The number of results and the counts per filter value over them, read from at most cap + 1 rows in one
    query, and the ids of the results newest first (all of them, or the newest cap + 1). Exact when there are at
    most `cap` results; beyond that {"total": cap, "more": True}, with no counts per value: counting every match of a common word costs
    more than the rest of the page at 1,000,000 tasks, and "more than 1.000" is all a person can use (the list
    shows the first 1.000 anyway).

    `every`: a boolean expression (a search's "has every word"); the third value is then the ids among those
    rows for which it holds, newest first, read in the same pass (the ranking's candidates, search.ranked())."""
    cap = cap or COUNT_CAP
    fields = ["pk", "area", "town", "target_groups", "requires_child_certificate"]
    if every is not None:
        qs, fields = qs.annotate(every=every), [*fields, "every"]
    # Newest first, as the list: for a common word PostgreSQL then reads the date index and stops at cap + 1
    # (without an order it builds the bitmap of every match first).
    rows = list(qs.order_by("-published_at", "-pk").values_list(*fields)[:cap + 1])
    ids = [row[0] for row in rows]
    with_every = [row[0] for row in rows if row[5]] if every is not None else []
    if len(rows) > cap:
        return {"total": cap, "more": True, "no_certificate": None}, ids, with_every
    counts = dict.fromkeys([f"area__{v}" for v in Area.values] + [f"town__{v}" for v in Town.values]
                           + [f"target__{v}" for v in TargetGroup.values], 0)
    for _pk, area, town, targets, _certificate, *_every in rows:
        for key in (f"area__{area}", f"town__{town}", *{f"target__{target}" for target in targets}):
            if key in counts:
                counts[key] += 1
    counts |= {"total": len(rows), "more": False, "no_certificate": sum(not row[4] for row in rows)}
    return counts, ids, with_every


def facet_counts(qs, cap=None) -> dict:
    return counted(qs, cap)[0]


def with_list_data(qs):
    """Tasks for a list, with the number of accepted volunteers as a correlated subquery: evaluated only for
    the rows of the page, not joined over every application."""
    accepted = (TaskApplication.objects.filter(task=OuterRef("pk"), status=TaskApplication.Status.ACCEPTED)
                .order_by().values("task").annotate(n=Sum("group_size")).values("n"))
    return qs.select_related("institution").annotate(accepted=Coalesce(Subquery(accepted), 0))


LIST_CACHE_SECONDS = 60
PAGE_SIZE = 20
MAX_CACHED_IDS = 1000


def cached_listing(params, filterset, sort) -> dict:
    """Counts (exact up to COUNT_CAP, or SEARCH_COUNT_CAP for a typed search) and the ordered ids of the first
    MAX_CACHED_IDS matches for one search, cached until a task changes (and at most LIST_CACHE_SECONDS)."""
    import hashlib

    from django.core.cache import cache

    from frivillig.core import pagecache

    # The generation changes whenever a task or an organisation changes (taskbank/signals.py); None when the
    # cache does not answer, and then nothing is read or kept (frivillig/core/cache.py).
    current = pagecache.generation("taskbank")
    key = "taskbank:list:" + hashlib.sha256("&".join(
        [str(current), timezone.localdate().isoformat()]
        + [f"{k}={v}" for k, v in sorted(params.items()) if k != "side"]).encode()).hexdigest()
    listing = cache.get(key) if current is not None else None
    if listing is None:
        qs = filterset.qs
        search = filterset.search_query
        with task_search.prefer_index() if search is not None else nullcontext():
            several = search is not None and len(search.query.groups) > 1
            cap = min(COUNT_CAP, SEARCH_COUNT_CAP) if search is not None else COUNT_CAP
            counts, newest, with_every = counted(qs, cap, every=search.every_word() if several else None)
            if sort == "nyeste" or (sort != "frist" and search is None):
                ids = newest[:MAX_CACHED_IDS]  # already in the list's order
            else:
                # Ranked: all the matches when they are known (at most the cap), else the newest CANDIDATES and,
                # for several words, the newest CANDIDATES with every word among the matches just read.
                among = newest if not counts["more"] else list(dict.fromkeys(
                    newest[:task_search.CANDIDATES] + with_every[:task_search.CANDIDATES]))
                ids = list(order(qs, sort, search, among).values_list("pk", flat=True)[:MAX_CACHED_IDS])
        listing = {"counts": counts, "ids": ids, "searched": search.text if search else "",
                   "corrections": search.corrections if search else {}}
        if current is not None:
            cache.set(key, listing, LIST_CACHE_SECONDS)
    return listing


# What a task card shows (taskbank_tags.task_card): the list reads no more than that.
CARD_FIELDS = ("title", "summary", "description", "town", "kind", "hours_per_week", "requires_child_certificate",
               "institution__name", "institution__kind")


def listing_page(listing, number):
    """A page of the cached listing; beyond the cached ids, the last page is shown."""
    from django.core.paginator import Page, Paginator

    paginator = Paginator(range(len(listing["ids"])), PAGE_SIZE)
    page_number = paginator.validate_number(paginator.get_page(number).number)
    ids = listing["ids"][(page_number - 1) * PAGE_SIZE: page_number * PAGE_SIZE]
    by_id = {t.pk: t for t in Task.objects.filter(pk__in=ids).select_related("institution").only(*CARD_FIELDS)}
    return Page([by_id[i] for i in ids if i in by_id], page_number, paginator)


def accepted_count(task) -> int:
    """Accepted volunteers: an association's group application counts with its number of volunteers."""
    return task.applications.filter(status=TaskApplication.Status.ACCEPTED).aggregate(
        n=Sum("group_size"))["n"] or 0


def places_left(task) -> int:
    return max(task.volunteers_wanted - accepted_count(task), 0)


def access_public_task(pk):
    task = Task.objects.select_related("institution", "contact").filter(pk=pk).first()
    if task is None or task.status not in (Task.Status.PUBLISHED, Task.Status.FILLED):
        raise Http404
    return task


def related_tasks(task, limit=3):
    return (published_tasks().exclude(pk=task.pk).filter(Q(area=task.area) | Q(town=task.town))
            .select_related("institution").order_by("-published_at")[:limit])


def staff_tasks(user):
    """Tasks the user handles: their institutions' and approved associations' (all tasks for the Culture
    department; every association's task for the Volunteer Centre)."""
    qs = Task.objects.select_related("institution")
    kinds = workflow.moderated_kinds(user)
    if kinds is None:
        return qs
    return qs.filter(Q(institution_id__in=task_poster_ids(user)) | Q(institution__kind__in=kinds))


def review_queue(user):
    """Tasks waiting for a moderator's review (an association's first task)."""
    qs = Task.objects.filter(status=Task.Status.IN_REVIEW).select_related("institution").order_by("updated_at")
    kinds = workflow.moderated_kinds(user)
    return qs if kinds is None else qs.filter(institution__kind__in=kinds)


def access_staff_task(user, pk, *, manage=True):
    """manage=True: only the task's own staff; manage=False also moderators (to read and moderate)."""
    task = Task.objects.select_related("institution", "contact").filter(pk=pk).first()
    if task is None:
        raise Http404
    if task.institution_id in task_poster_ids(user):
        return task
    if not manage and workflow.is_moderator(user, task):
        return task
    raise Http404


def access_task_to_moderate(user, pk):
    """A task its moderator may read and moderate (404 for others)."""
    return access_staff_task(user, pk, manage=False)


def access_staff_application(user, pk):
    application = (TaskApplication.objects.select_related("task", "task__institution", "applicant", "organisation")
                   .filter(pk=pk, task__institution_id__in=task_poster_ids(user)).first())
    if application is None:
        raise Http404
    return application


def own_application_for(user, task):
    """The person's application to the task (not one they withdrew), or None."""
    if not user.is_authenticated:
        return None
    return task.applications.filter(applicant=user).exclude(status=TaskApplication.Status.WITHDRAWN).first()


def own_applications(user):
    return (TaskApplication.objects.filter(applicant=user).select_related("task", "task__institution")
            .order_by("-created_at"))


def own_ideas(user):
    return Idea.objects.filter(proposer=user) if user.is_authenticated else Idea.objects.none()


def saved_search_by_token(token):
    return SavedSearch.objects.filter(unsubscribe_token=token).first()


def access_own_application(user, pk):
    application = TaskApplication.objects.select_related("task", "task__institution").filter(
        pk=pk, applicant=user).first()
    if application is None:
        raise Http404
    return application


def capped_count(qs, cap: int) -> tuple[int, bool]:
    """(count, capped): counts at most ``cap`` rows (a LIMIT inside the count), so a long list costs no more than
    ``cap`` rows; capped is True when there are more."""
    n = qs.order_by().values("pk")[: cap + 1].count()
    return min(n, cap), n > cap


WAITING_CAP = 1000


def inbox_counts(tasks, waiting, cap: int) -> tuple[int, int, bool]:
    """(number of tasks, number of waiting applications up to ``cap``, capped) in one round trip: the inbox's two
    counts as one statement of two subqueries (each as count() and capped_count() would run it)."""
    from django.core.exceptions import EmptyResultSet
    from django.db import connection

    def sql(qs):
        try:
            return qs.query.sql_with_params()
        except EmptyResultSet:  # e.g. no organisations: nothing to count
            return "SELECT 1 WHERE false", ()

    tasks_sql, tasks_params = sql(tasks.order_by().values("pk"))
    waiting_sql, waiting_params = sql(waiting.order_by().values("pk")[: cap + 1])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT count(*) FROM ({tasks_sql}) t), (SELECT count(*) FROM ({waiting_sql}) w)",  # noqa: S608 - ORM SQL
                       (*tasks_params, *waiting_params))
        n_tasks, n_waiting = cursor.fetchone()
    return n_tasks, min(n_waiting, cap), n_waiting > cap


INBOX_TASK_COLUMNS = ("pk", "title", "institution__name", "status", "accepted", "volunteers_wanted", "expires_on")
INBOX_APPLICATION_COLUMNS = ("pk", "applicant_id", "applicant__full_name", "applicant__email", "task__title", "status",
                             "created_at")


def inbox_task_rows(rows) -> list[dict]:
    """The staff inbox's task rows as plain values (no model instances per row), the status as its label."""
    from frivillig.core.labels import choice_labels

    labels = choice_labels(Task, "status")
    return [{"pk": pk, "title": title, "institution_name": institution, "status_label": labels.get(status, status),
             "accepted": accepted, "volunteers_wanted": wanted, "expires_on": expires_on}
            for pk, title, institution, status, accepted, wanted, expires_on in rows]


def inbox_application_rows(rows) -> list[dict]:
    """The inbox's waiting applications as plain values; the applicant's name as User.get_full_name() gives it."""
    from frivillig.core.labels import choice_labels

    labels = choice_labels(TaskApplication, "status")
    return [{"pk": pk, "applicant_id": applicant_id, "applicant_name": (full_name or email) if applicant_id else "",
             "task_title": task_title, "status_label": labels.get(status, status), "created_at": created_at}
            for pk, applicant_id, full_name, email, task_title, status, created_at in rows]


def inbox(user):
    return (TaskApplication.objects.filter(task__institution_id__in=task_poster_ids(user))
            .select_related("task", "applicant", "task__institution").order_by("-created_at"))


def access_idea(user, pk):
    idea = Idea.objects.filter(pk=pk).first()
    if idea is None or not (idea.proposer_id == getattr(user, "pk", None) or workflow.is_triager(user, idea)):
        raise Http404
    return idea


def public_ideas(q: str = ""):
    """Answered ideas and ideas that became tasks, newest first; with a typed search, ranked by the portal's search
    pipeline (title, then description and answer). Returns (ideas, the corrected search or "")."""
    ideas = Idea.objects.filter(status__in=[Idea.Status.BECAME_TASK, Idea.Status.ANSWERED]).select_related(
        "task").order_by("-updated_at")
    if not (q or "").strip():
        return ideas, ""
    ranked, corrections, query = ranking.rank(
        q, ideas, lambda i: [(i.title, "A"), (i.description, "C"), (i.answer, "D")], limit=200)
    return [r.record for r in ranked], (" ".join(g.word for g in query.groups) if corrections else "")


def upcoming_events():
    return Event.objects.filter(is_published=True, ends_at__gte=timezone.now()).annotate(
        signed_up=Count("signups")).select_related("gathering_place").order_by("starts_at")


def staff_events(user):
    """Events the user may edit: all for the Culture department, their approved associations' otherwise."""
    qs = Event.objects.select_related("organiser").annotate(signed_up=Count("signups")).order_by("-starts_at")
    if workflow.organises_for_anyone(user):
        return qs
    return qs.filter(organiser_id__in=represented_ids(user))


def organisers_for(user):
    """The organisations an event can be organised for: any approved one for the Culture department, the person's
    approved associations otherwise."""
    if workflow.organises_for_anyone(user):
        return Organisation.objects.filter(is_active=True, status=Organisation.Status.APPROVED)
    return Organisation.objects.filter(pk__in=represented_ids(user))


def access_public_event(pk):
    event = Event.objects.filter(is_published=True, pk=pk).first()
    if event is None:
        raise Http404
    return event


def is_signed_up(user, event) -> bool:
    return user.is_authenticated and event.signups.filter(user=user).exists()


def access_staff_event(user, pk):
    event = staff_events(user).filter(pk=pk).first()
    if event is None:
        raise Http404
    return event


def staff_places():
    return GatheringPlace.objects.select_related("organisation").order_by("name")


def access_staff_place(user, pk):
    """Gathering places are the Culture department's to edit (404 for others)."""
    place = GatheringPlace.objects.filter(pk=pk).first()
    if place is None or not workflow.manages_places(user, place):
        raise Http404
    return place


def public_places():
    return GatheringPlace.objects.filter(is_published=True).select_related("organisation").order_by("name")


def access_public_place(pk):
    place = public_places().filter(pk=pk).first()
    if place is None:
        raise Http404
    return place


def place_listing(place):
    """Upcoming events and open tasks at a gathering place."""
    return {"events": list(upcoming_events().filter(gathering_place=place, cancelled_at__isnull=True)[:20]),
            "tasks": list(with_list_data(published_tasks().filter(gathering_place=place)).order_by("-published_at")[:20])}


def front_page_block(request):
    return {
        "template": "taskbank/front_page_block.html",
        "tasks": list(with_list_data(published_tasks()).order_by("-published_at")[:3]),
        "events": list(upcoming_events()[:3]),
    }


def task_jsonld(task) -> str:
    """schema.org JSON-LD for a task page (a volunteer JobPosting), safe inside a <script> element."""
    import json

    from django.conf import settings
    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.safestring import mark_safe

    data = {
        "@context": "https://schema.org", "@type": "JobPosting", "employmentType": "VOLUNTEER",
        "title": task.title, "description": task.description,
        "datePosted": task.published_at, "validThrough": task.expires_on,
        "url": settings.PORTAL_BASE_URL.rstrip("/") + task.get_absolute_url(),
        "hiringOrganization": {"@type": "Organization", "name": task.institution.name},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "streetAddress": task.address, "addressLocality": task.get_town_display(),
            "addressCountry": "DK"}},
    }
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308


def directory_offers():
    from .models import DirectoryOffer

    return DirectoryOffer.objects.order_by("organisation_name", "title")


def directory_associations():
    """Approved associations on the portal, with their number of open tasks."""
    from frivillig.accounts.models import Organisation

    return (Organisation.objects.filter(kind=Organisation.Kind.ASSOCIATION, status=Organisation.Status.APPROVED,
                                        is_active=True)
            .annotate(open_tasks=Count("tasks", filter=Q(tasks__status=Task.Status.PUBLISHED,
                                                         tasks__expires_on__gte=timezone.localdate())))
            .order_by("name"))
