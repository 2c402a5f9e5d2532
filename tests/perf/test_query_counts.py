"""Every list page runs a fixed number of queries (≤ 12) whatever the number of rows: N+1 fails here."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def count_queries(client, url):
    """Queries of a page rendered from scratch: the shared caches (page, fragments, listing) are emptied first."""
    from django.core.cache import cache

    from frivillig.core.pagecache import clear_local

    cache.clear()
    clear_local()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def make_tasks(n, institution, contact):
    from tests.taskbank.factories import ApplicationFactory, TaskFactory

    for i in range(n):
        task = TaskFactory(institution=institution, contact=contact, title=f"Opgave {i}")
        ApplicationFactory(task=task, applicant=UserFactory())


def make_responses(n, hearing):
    from strategy.models import HearingResponse

    HearingResponse.objects.bulk_create([HearingResponse(hearing=hearing, author=UserFactory(), text=f"Svar {i}",
                                                         publish_with_name=True) for i in range(n)])


def make_pools(n):
    from grants.models import Pool, Round

    now = timezone.now()
    start = Pool.objects.count()
    for i in range(start, start + n):
        pool = Pool.objects.create(name=f"Pulje {i}", slug=f"pulje-{i}", purpose="x", who_may_apply="x",
                                   max_amount=Decimal(100), yearly_budget=Decimal(1000))
        Round.objects.create(pool=pool, name="Runde", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9))


def make_grants(n, pool, applicant):
    from tests.grants.conftest import make_application

    for i in range(n):
        make_application(pool, applicant, amount="100", title=f"Projekt {i}")


def make_places(n):
    from taskbank.models import GatheringPlace

    GatheringPlace.objects.bulk_create([GatheringPlace(name=f"Sted {i}", address="Vej 1", town="holte")
                                        for i in range(n)])


def make_events(n):
    from taskbank.models import Event, EventSignup

    start = timezone.now() + timedelta(days=3)
    for i in range(n):
        event = Event.objects.create(title=f"Arrangement {i}", description="d", starts_at=start,
                                     ends_at=start + timedelta(hours=2), place="x", town="holte", capacity=10)
        EventSignup.objects.create(event=event, user=UserFactory())


def make_organisations(n):
    from tests.factories import AssociationFactory

    for _i in range(n):
        AssociationFactory(status="pending")


def make_offers(n):
    from taskbank.models import DirectoryOffer
    from tests.factories import AssociationFactory

    DirectoryOffer.objects.bulk_create([DirectoryOffer(organisation_name=f"Forening {i}", title=f"Tilbud {i}",
                                                       source="Socialkompas", dedup_key=f"{i}") for i in range(n)])
    for _i in range(n):
        AssociationFactory()


def make_agreements(n, institution, contact, volunteer=None):
    """Accepted volunteers with an agreement, a session they signed up for and hours; and one still waiting."""
    from engagement.models import Agreement, HoursEntry, Session, SessionSignup
    from tests.taskbank.factories import ApplicationFactory, TaskFactory

    now = timezone.now()
    for i in range(n):
        task = TaskFactory(institution=institution, contact=contact, title=f"Frivilligopgave {i}")
        person = volunteer or UserFactory()
        agreement = Agreement.objects.create(task=task, volunteer=person, contact=contact, status="accepted",
                                             duties="d", staff_duties="s", schedule="x")
        session = Session.objects.create(task=task, starts_at=now + timedelta(days=2),
                                         ends_at=now + timedelta(days=2, hours=2), places=2)
        SessionSignup.objects.create(session=session, volunteer=person)
        HoursEntry.objects.create(agreement=agreement, date=now.date(), hours=2, status="approved")
        ApplicationFactory(task=task, applicant=UserFactory(), status="accepted")


def make_sessions(n, task):
    from engagement.models import Session, SessionSignup

    now = timezone.now()
    for i in range(n):
        session = Session.objects.create(task=task, starts_at=now + timedelta(days=2 + i),
                                         ends_at=now + timedelta(days=2 + i, hours=2), places=2)
        SessionSignup.objects.create(session=session, volunteer=UserFactory())


def make_findable(n):
    from volunteers import services

    for _i in range(n):
        user = UserFactory()
        services.save_profile(actor=user, data={"competences": ["it"], "towns": ["holte"]})
        services.give_consent(actor=user)


def make_suggested(n, citizen, institution, contact):
    from tests.taskbank.factories import TaskFactory
    from volunteers import services

    services.save_profile(actor=citizen, data={"competences": ["it"], "towns": ["holte"]})
    for i in range(n):
        TaskFactory(institution=institution, contact=contact, title=f"IT {i}", competences=["it"], town="holte")


def make_influence(n, citizen):
    from taskbank.models import Idea

    Idea.objects.bulk_create([Idea(proposer=citizen, title=f"Idé {i}", description="d") for i in range(n)])


def make_campaigns(n):
    from volunteers.models import Campaign

    today = timezone.localdate()
    start = Campaign.objects.count()
    Campaign.objects.bulk_create([Campaign(slug=f"k-{i}", title=f"Kampagne {i}", intro="x", starts_on=today,
                                           ends_on=today, is_published=True) for i in range(start, start + n)])


PAGES = ["tasks", "staff_tasks", "hearing", "grant_cases", "my_grants", "pools", "staff_pools", "places", "staff_events",
         "organisations", "directory", "volunteers", "my_volunteering", "rota", "find_volunteers", "suggestions",
         "influence", "staff_campaigns"]


def measure(client, page, *, institution, institution_staff, culture_admin, citizen) -> tuple[str, int, int]:
    """(url, queries with 1 row, queries with 50 rows) for one list page; also run by `make bench`."""
    from grants.models import Pool
    from strategy.models import Hearing

    now = timezone.now()
    hearing = Hearing.objects.create(slug="perf-h", title="H", description="d", opens_at=now - timedelta(days=9),
                                     closes_at=now - timedelta(days=1))
    pool = Pool.objects.create(name="P", slug="perf-p", purpose="x", who_may_apply="x", max_amount=Decimal(100),
                               yearly_budget=Decimal(100000))
    from tests.taskbank.factories import TaskFactory

    rota_task = TaskFactory(institution=institution, contact=institution_staff) if page == "rota" else None
    setups = {
        "volunteers": (lambda n: make_agreements(n, institution, institution_staff), institution_staff,
                       "/medarbejder/frivillige/"),
        "my_volunteering": (lambda n: make_agreements(n, institution, institution_staff, volunteer=citizen), citizen,
                            "/frivillig/"),
        "rota": (lambda n: make_sessions(n, rota_task), institution_staff,
                 f"/medarbejder/frivillige/opgaver/{rota_task.pk}/vagter/" if rota_task else ""),
        "tasks": (lambda n: make_tasks(n, institution, institution_staff), None, "/opgaver/"),
        "staff_tasks": (lambda n: make_tasks(n, institution, institution_staff), institution_staff, "/medarbejder/opgaver/"),
        "hearing": (lambda n: make_responses(n, hearing), None, "/hoeringer/perf-h/"),
        "grant_cases": (lambda n: make_grants(n, pool, citizen), culture_admin, f"/medarbejder/puljer/{pool.pk}/"),
        "my_grants": (lambda n: make_grants(n, pool, citizen), citizen, "/puljer/mine-ansoegninger/"),
        "pools": (make_pools, None, "/puljer/"),
        "staff_pools": (make_pools, culture_admin, "/medarbejder/puljer/"),
        "places": (make_places, None, "/samlingssteder/"),
        "staff_events": (make_events, culture_admin, "/medarbejder/arrangementer/"),
        "organisations": (make_organisations, culture_admin, "/medarbejder/organisationer/"),
        "directory": (make_offers, None, "/foreninger/"),
        "find_volunteers": (make_findable, institution_staff, "/medarbejder/find-frivillige/"),
        "suggestions": (lambda n: make_suggested(n, citizen, institution, institution_staff), citizen,
                        "/frivillig/opgaver-til-dig/"),
        "influence": (lambda n: make_influence(n, citizen), citizen, "/frivillig/min-indflydelse/"),
        "staff_campaigns": (make_campaigns, culture_admin, "/medarbejder/kampagner/"),
    }
    create, user, url = setups[page]
    client.logout()
    if user:
        client.force_login(user)
    create(1)
    client.get(url)  # warm per-process caches (content types, sites) so that only the page's own queries count
    one = count_queries(client, url)
    create(49)
    return url, one, count_queries(client, url)


@pytest.mark.parametrize("page", PAGES)
def test_list_pages_have_a_fixed_number_of_queries(client, page, institution, institution_staff, culture_admin, citizen):
    url, one, fifty = measure(client, page, institution=institution, institution_staff=institution_staff,
                              culture_admin=culture_admin, citizen=citizen)
    assert one == fifty, f"{url}: {one} queries with 1 row, {fifty} with 50"
    assert fifty <= MAX_QUERIES, f"{url}: {fifty} queries"
