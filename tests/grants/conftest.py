from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from grants.models import BudgetLine, Criterion, GrantApplication, Pool, Round, Status

MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF")


@pytest.fixture
def pool(db):
    now = timezone.now()
    pool = Pool.objects.create(name="Puljen til lokale aktiviteter", slug="lokale", purpose="Støtte lokale aktiviteter.",
                               who_may_apply="Alle", max_amount=Decimal("25000"), yearly_budget=Decimal("50000"))
    Round.objects.create(pool=pool, name="Runde 1", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30))
    Criterion.objects.create(pool=pool, name="Fællesskab", order=1)
    return pool


def make_application(pool, applicant, *, status=Status.SUBMITTED, amount="10000", title="Sommerfest"):
    today = timezone.localdate()
    application = GrantApplication.objects.create(
        pool=pool, applicant=applicant, contact_name=applicant.full_name, contact_email=applicant.email, title=title,
        description="En fest for alle.", purpose="Fællesskab", target_group="Alle", place="Holte",
        starts_on=today + timedelta(days=10), ends_on=today + timedelta(days=20), amount_requested=Decimal(amount),
        consent=True, status=status, submitted_at=timezone.now())
    BudgetLine.objects.create(application=application, description="Telt", amount=Decimal(amount))
    return application


@pytest.fixture
def submitted(pool, association_rep):
    return make_application(pool, association_rep)
