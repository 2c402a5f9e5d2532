"""The case list of a pool: its totals come from kept figures (a trigger on the cases) when the list is every case
or those of one status, and they always equal a sum over the cases themselves."""

import re
from decimal import Decimal

import pytest

from grants import queries, services
from grants.filters import CaseFilter
from grants.models import GRANTED, GrantApplication, Pool, Status

from .conftest import make_application

pytestmark = pytest.mark.django_db


def summed(pool, **filters):
    """The reference: the totals summed over the cases."""
    return queries.case_totals(pool.applications.exclude(status=Status.DRAFT).filter(**filters))


def shown_totals(client, pool, query=""):
    html = client.get(f"/medarbejder/puljer/{pool.pk}/{query}").content.decode()
    return [re.sub(r"\s+", " ", cell) for cell in re.findall(r'<th scope="row">[^<]*</th><td>([^<]*)</td>', html)]


def test_kept_totals_follow_inserts_decisions_bulk_updates_and_deletes(pool, association_rep, culture_admin, citizen):
    a = make_application(pool, association_rep, amount="10000")
    b = make_application(pool, association_rep, amount="4000", title="B")
    make_application(pool, citizen, amount="2500", title="Kladde", status=Status.DRAFT)
    assert queries.kept_case_totals(pool) == summed(pool)
    assert queries.kept_case_totals(pool)["count"] == 2 and queries.kept_case_totals(pool)["requested"] == 14000

    services.decide(actor=culture_admin, application=a, outcome=Status.APPROVED, amount=Decimal("8000"), reason="Ja")
    GrantApplication.objects.filter(pk=b.pk).update(status=Status.IN_REVIEW, recommended_amount=Decimal("3000"))
    for status in (None, Status.APPROVED, Status.IN_REVIEW, Status.SUBMITTED):
        kept = queries.kept_case_totals(pool, status=status)
        assert kept == summed(pool, **({"status": status} if status else {}))
    assert queries.kept_case_totals(pool)["approved"] == 8000
    assert queries.kept_case_totals(pool)["recommended"] == 3000
    a.refresh_from_db()
    assert queries.budget_left(pool, a.budget_year) == pool.yearly_budget - 8000 == pool.yearly_budget - sum(
        x.approved_amount for x in pool.applications.filter(budget_year=a.budget_year, status__in=GRANTED))
    assert queries.budget_left(pool, a.budget_year + 1) == pool.yearly_budget
    assert dict(queries.pools_with_budget_left(a.budget_year))[pool] == pool.yearly_budget - 8000

    b.budget_lines.all().delete()
    b.delete()
    assert queries.kept_case_totals(pool) == summed(pool)
    assert queries.kept_case_totals(pool)["count"] == 1

    other = Pool.objects.create(name="Anden pulje", slug="anden", purpose="-", who_may_apply="Alle",
                                max_amount=Decimal("1000"), yearly_budget=Decimal("1000"))
    assert queries.kept_case_totals(other) == {"count": 0, "requested": 0, "recommended": 0, "approved": 0, "paid": 0}


def test_the_case_list_shows_the_same_totals_kept_or_summed(client, pool, association_rep, citizen, culture_admin):
    a = make_application(pool, association_rep, amount="10000")
    make_application(pool, association_rep, amount="5000", title="B")
    make_application(pool, citizen, amount="3000", title="C")
    services.decide(actor=culture_admin, application=a, outcome=Status.APPROVED, amount=Decimal("8000"), reason="Ja")
    client.force_login(culture_admin)
    # Every case (kept totals): requested, recommended, granted, paid out, budget left.
    assert shown_totals(client, pool) == ["18.000 kr.", "0 kr.", "8.000 kr.", "0 kr.", "42.000 kr."]
    # One status (kept totals) and a page number, which is no filter.
    assert shown_totals(client, pool, "?status=submitted&side=1") == ["8.000 kr.", "0 kr.", "0 kr.", "0 kr.",
                                                                      "42.000 kr."]
    # A filter the kept totals cannot answer: summed over the matching cases.
    assert shown_totals(client, pool, "?ansoeger=citizen")[0] == "18.000 kr."
    assert shown_totals(client, pool, "?min_beloeb=4000") == ["15.000 kr.", "0 kr.", "8.000 kr.", "0 kr.", "42.000 kr."]
    assert shown_totals(client, pool, "?status=submitted&min_beloeb=4000")[:3] == ["5.000 kr.", "0 kr.", "0 kr."]


def test_the_filter_form_is_the_same_whether_rendered_fresh_or_kept(client, pool, culture_admin):
    from django.template.loader import render_to_string
    from django.utils import translation

    client.force_login(culture_admin)
    html = client.get(f"/medarbejder/puljer/{pool.pk}/").content.decode()
    with translation.override("da"):
        fresh = render_to_string("grants/staff/_case_filter_form.html", {"filter": CaseFilter(pool=pool)})
    assert fresh in html and "Ansøgertype" in html
    # Filtered: the form shows the chosen values (rendered for the request, not the kept blank form).
    filtered = client.get(f"/medarbejder/puljer/{pool.pk}/?status=approved").content.decode()
    assert re.search(r'<option value="approved" selected', filtered)
    assert not re.search(r'<option value="approved" selected', client.get(f"/medarbejder/puljer/{pool.pk}/").content.decode())


def test_the_rows_show_the_applicant_as_applicant_name_gives(client, pool, association_rep, association, citizen,
                                                             culture_admin):
    for_association = make_application(pool, association_rep, title="Foreningens fest")
    GrantApplication.objects.filter(pk=for_association.pk).update(on_behalf_of=association)
    own = make_application(pool, citizen, title="Min fest")
    erased = make_application(pool, citizen, title="Slettet")
    GrantApplication.objects.filter(pk=erased.pk).update(applicant=None, contact_name="")
    client.force_login(culture_admin)
    html = client.get(f"/medarbejder/puljer/{pool.pk}/").content.decode()
    for application in GrantApplication.objects.filter(pk__in=[for_association.pk, own.pk, erased.pk]):
        assert (f'<a href="{application.get_staff_url()}">{application.title}</a></td><td>{application.applicant_name}'
                f'</td>') in html
    assert f"<td>{association.name}</td>" in html and "<td>Anonymiseret</td>" in html and "<td>Indsendt</td>" in html
