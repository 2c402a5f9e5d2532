"""axe-core over the remaining forms and staff pages that the journey tests do not pass through."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from frivillig.accounts.models import Role, RoleAssignment
from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_forms_and_staff_pages_pass_axe(page, live_server, axe, culture_admin, institution):
    from grants.models import Pool
    from strategy.seed import load_reference

    load_reference()
    RoleAssignment.objects.create(user=culture_admin, role=Role.INSTITUTION_STAFF, organisation=institution)
    pool = Pool.objects.create(name="Pulje", slug="pulje", purpose="x", who_may_apply="x", max_amount=Decimal(100),
                               yearly_budget=Decimal(1000))
    login_as(page, live_server, culture_admin)
    for path in [f"/medarbejder/opgaver/ny/{institution.pk}/", "/medarbejder/ideer/", "/ideer/ny/",
                 "/medarbejder/puljer/ny/", f"/medarbejder/puljer/{pool.pk}/rediger/", f"/medarbejder/puljer/{pool.pk}/overblik/",
                 f"/medarbejder/puljer/{pool.pk}/udvalgsmoede/", "/medarbejder/strategi/indikatorer/",
                 "/medarbejder/hoeringer/ny/", "/puljer/mine-ansoegninger/", "/opgaver/mine-ansoegninger/",
                 "/konto/mine-data/", "/konto/slet/", "/konto/password/change/", "/konto/email/", "/konto/2fa/",
                 "/medarbejder/netvaerk/aftaler/ny/"]:
        page.goto(live_server.url + path)
        axe(page)


def test_unsubscribing_from_a_digest_in_the_browser(page, live_server, axe, citizen):
    """From the e-mail's link: the page asks first (a link scanner unsubscribes nobody), the button does it."""
    from taskbank import services

    saved = services.save_search(actor=citizen, name="Læsning i Holte", query="q=l%C3%A6sning")
    page.goto(f"{live_server.url}/opgaver/afmeld/{saved.unsubscribe_token}/")
    axe(page)
    expect(page.get_by_text("Læsning i Holte", exact=False)).to_be_visible()
    page.get_by_role("button", name="Ja, afmeld").click()
    expect(page.get_by_role("heading", name="Du er afmeldt")).to_be_visible()
    axe(page)
    assert not citizen.saved_searches.exists()
