"""Issue 29: a grant case as the applicant and the case handler meet it (rows 7, 8 without JavaScript, 9) and the
who-may rules of grants/workflow.py."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from frivillig.core.models import PersonalDataAccess
from grants import queries, services
from grants.models import GrantApplication, Report, Round, Status

from .conftest import MINIMAL_PDF, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(submitted):
    GrantApplication.objects.filter(pk=submitted.pk).update(status=Status.REPORT_RECEIVED, approved_amount=Decimal("10000"))
    Report.objects.create(application=submitted, what_happened="Festen blev holdt.", participants=40,
                          money_spent=Decimal("9000"), receipts=SimpleUploadedFile("kvitteringer.pdf", MINIMAL_PDF))
    return submitted


def test_the_report_receipts_are_linked_on_the_case_with_access_log(client, reported, culture_admin, citizen):
    client.force_login(culture_admin)
    page = client.get(reverse("grants:staff_case", args=[reported.pk])).content.decode()
    url = reverse("grants:report_receipts", args=[reported.pk])
    assert url in page
    before = PersonalDataAccess.objects.count()
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == MINIMAL_PDF
    assert PersonalDataAccess.objects.count() == before + 1
    client.force_login(citizen)
    assert client.get(url).status_code == 404


def test_the_applicant_finds_the_receipts_on_the_application(client, reported):
    client.force_login(reported.applicant)
    url = reverse("grants:report_receipts", args=[reported.pk])
    assert url in client.get(reported.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 200


def test_the_round_filter_offers_the_pools_rounds_by_name(client, pool, association_rep, culture_admin):
    first = pool.rounds.get()
    second = Round.objects.create(pool=pool, name="Efterårsrunden", opens_at=first.closes_at,
                                   closes_at=first.closes_at + timedelta(days=30))
    a = make_application(pool, association_rep, title="Forår")
    b = make_application(pool, association_rep, title="Efterår")
    GrantApplication.objects.filter(pk=a.pk).update(round=first)
    GrantApplication.objects.filter(pk=b.pk).update(round=second)
    client.force_login(culture_admin)
    page = client.get(reverse("grants:staff_cases", args=[pool.pk])).content.decode()
    assert "Runde (id)" not in page
    assert f'<option value="{second.pk}">Efterårsrunden</option>' in page
    filtered = client.get(reverse("grants:staff_cases", args=[pool.pk]), {"runde": second.pk}).content.decode()
    assert "Efterår" in filtered and ">Forår<" not in filtered
    assert client.get(reverse("grants:staff_cases", args=[pool.pk]), {"runde": "x"}).status_code == 200


def test_a_step_link_saves_what_was_typed_without_javascript(client, pool, association_rep):
    client.force_login(association_rep)
    client.post(f"/puljer/{pool.slug}/ansoeg/")
    application = GrantApplication.objects.get()
    page = client.get(reverse("grants:step", args=[application.pk, "projekt"])).content.decode()
    to_budget = reverse("grants:step_save_to", args=[application.pk, "projekt", "budget"])
    assert f'formaction="{to_budget}"' in page  # the step links are buttons of the form: they save first
    response = client.post(to_budget, {"title": "Roregatta", "description": "Halvt skrevet"})
    assert response.status_code == 302 and response.url == reverse("grants:step", args=[application.pk, "budget"])
    application.refresh_from_db()
    assert (application.title, application.description) == ("Roregatta", "Halvt skrevet")


def test_the_consent_step_can_be_left_without_consenting(client, pool, association_rep):
    client.force_login(association_rep)
    client.post(f"/puljer/{pool.slug}/ansoeg/")
    application = GrantApplication.objects.get()
    response = client.post(reverse("grants:step_save_to", args=[application.pk, "samtykke", "projekt"]), {})
    assert response.status_code == 302


def test_a_sent_application_cannot_be_changed_by_the_save_url(client, submitted):
    client.force_login(submitted.applicant)
    client.post(reverse("grants:step_save", args=[submitted.pk, "projekt"]), {"title": "Ændret"})
    submitted.refresh_from_db()
    assert submitted.title == "Sommerfest"
    with pytest.raises(PermissionDenied, match="kan ikke længere ændres"):
        services.save_step(actor=submitted.applicant, application=submitted, step="project", data={"title": "x"})


def test_withdraw_is_offered_exactly_when_the_rule_allows_it(client, submitted):
    client.force_login(submitted.applicant)
    url = reverse("grants:withdraw", args=[submitted.pk])
    assert url in client.get(submitted.get_absolute_url()).content.decode()
    GrantApplication.objects.filter(pk=submitted.pk).update(status=Status.APPROVED)
    assert url not in client.get(submitted.get_absolute_url()).content.decode()


def test_budget_left_is_one_sum_everywhere(pool, association_rep, culture_admin):
    a = make_application(pool, association_rep, amount="10000")
    services.decide(actor=culture_admin, application=a, outcome=Status.APPROVED, amount=Decimal("10000"), reason="")
    a.refresh_from_db()
    left = pool.yearly_budget - 10000
    assert queries.budget_left(pool, a.budget_year) == left
    assert dict(queries.pools_with_budget_left(a.budget_year))[pool] == left
    b = make_application(pool, association_rep, amount="45000", title="For meget")
    with pytest.raises(Exception, match="kun 40.000 kr. tilbage"):
        services.decide(actor=culture_admin, application=b, outcome=Status.APPROVED, amount=Decimal("45000"), reason="")


def test_an_empty_budget_does_not_hold_the_applicant_on_the_step(client, pool, association_rep):
    client.force_login(association_rep)
    client.post(f"/puljer/{pool.slug}/ansoeg/")
    application = GrantApplication.objects.get()
    data = {"budget-TOTAL_FORMS": "4", "budget-INITIAL_FORMS": "0", "budget-MIN_NUM_FORMS": "1",
            "budget-MAX_NUM_FORMS": "1000", **{f"budget-{i}-kind": "expense" for i in range(4)}}
    response = client.post(reverse("grants:step_save_to", args=[application.pk, "budget", "samarbejde"]), data)
    assert response.status_code == 302
    # going on ("Gem og fortsæt") still needs a line
    assert client.post(reverse("grants:step", args=[application.pk, "budget"]), data).status_code == 200
