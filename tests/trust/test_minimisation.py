"""Data minimisation by state, and anonymised cases are read-only (issue 26, rows 4 and 5, and their classes).

- What staff see of an applicant follows the application's state: e-mail and phone only once accepted (as the
  profile page promises), tested for every state and every persona that may open the application.
- Every model that is kept anonymised (it has ``anonymised_at``) is read-only once anonymised: its staff page
  offers no form on it, and posting each step that the page offered before the erasure changes nothing. The
  models are found from the app registry, the steps from the page itself.
"""

import re

import pytest
from django.apps import apps
from django.test import Client

from frivillig.accounts.gdpr import erase_user
from tests.trust.test_erasure_invariants import life, person  # noqa: F401  (fixtures: a full life in every app)

pytestmark = pytest.mark.django_db

PHONE = "+45 21 43 65 87"


@pytest.fixture
def application_in(institution, institution_staff, citizen, django_capture_on_commit_callbacks):
    from taskbank import services
    from taskbank.models import TaskApplication
    from tests.taskbank.factories import TaskFactory

    def make(state):
        citizen.phone = PHONE
        citizen.save()
        task = TaskFactory(institution=institution, contact=institution_staff, volunteers_wanted=5)
        with django_capture_on_commit_callbacks(execute=True):
            application = services.apply(actor=citizen, task=task, message="Jeg vil gerne", availability="Altid")
            if state == "in_dialogue":
                services.ask_question(actor=institution_staff, application=application, body="Har du tid?")
            elif state == "accepted":
                services.accept(actor=institution_staff, application=application)
            elif state == "declined":
                services.decline(actor=institution_staff, application=application, message="Desværre")
            elif state == "withdrawn":
                services.withdraw(actor=citizen, application=application)
        application = TaskApplication.objects.get(pk=application.pk)
        assert application.status == state
        return application

    return make


@pytest.mark.parametrize("state", ["submitted", "in_dialogue", "accepted", "declined", "withdrawn"])
@pytest.mark.parametrize("persona", ["institution_staff", "culture_admin", "volunteer_centre", "association_rep",
                                     "other_institution_staff"])
def test_what_staff_see_of_an_applicant_follows_the_state(request, application_in, citizen, state, persona):
    application = application_in(state)
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    response = client.get(application.get_staff_url())
    if response.status_code != 200:
        assert response.status_code in (403, 404)
        return
    html = response.content.decode()
    shown = citizen.email in html or PHONE in html
    assert shown == (state == "accepted"), (persona, state)


def _post_forms(html: str, under: str) -> list[str]:
    return sorted({a for a in re.findall(r'<form[^>]*method="post"[^>]*action="([^"]+)"', html) if a.startswith(under)})


def _kept_models():
    from django.contrib.auth import get_user_model

    return [m for m in apps.get_models() if any(f.name == "anonymised_at" for f in m._meta.concrete_fields)
            and m is not get_user_model()]


def test_an_anonymised_case_is_read_only(person, culture_admin, institution, institution_staff,  # noqa: F811
                                         django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    from taskbank import services
    from taskbank.models import TaskApplication
    from tests.taskbank.factories import TaskFactory

    # Besides the life's declined application, one still waiting for an answer (row 5: "Optag ansøgeren").
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.apply(actor=person, task=TaskFactory(institution=institution, contact=institution_staff),
                                 message="Hej", availability="Nu")
    assert TaskApplication.objects.get(pk=waiting.pk).status == "submitted"
    models = _kept_models()
    assert {m._meta.label_lower for m in models} >= {"taskbank.taskapplication", "grants.grantapplication"}
    staff = [Client(), Client()]
    staff[0].force_login(culture_admin)
    staff[1].force_login(institution_staff)
    before = {}
    for model in models:
        for row in model._default_manager.filter(**{next(f.name for f in model._meta.concrete_fields
                                                         if f.is_relation and f.related_model is get_user_model()): person}):
            url = row.get_staff_url()
            for client in staff:
                response = client.get(url)
                if response.status_code == 200:
                    before[(model, row.pk, url)] = (client, _post_forms(response.content.decode(), url))
                    break
    offered = {key: forms for key, (_c, forms) in before.items() if forms}
    assert len(offered) >= 2, "the life's cases offered no steps before the erasure: the test would prove nothing"

    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person, dry_run=False)
    for (model, pk, url), (client, forms) in before.items():
        row = model._default_manager.get(pk=pk)
        assert row.anonymised_at is not None, (model, pk)
        html = client.get(url).content.decode()
        assert _post_forms(html, url) == [], (url, _post_forms(html, url))
        snapshot = _snapshot(row)
        for action in forms:
            client.post(action, {"note-body": "x", "body": "x", "message": "x", "reason": "x", "amount": "1",
                                 "paid_on": "2026-01-01", **{k: "3" for k in _score_fields(row)}})
        assert _snapshot(model._default_manager.get(pk=pk)) == snapshot, (url, forms)


def _score_fields(row) -> list[str]:
    pool = getattr(row, "pool", None)
    return [f"score-{c.pk}" for c in pool.criteria.all()] if pool is not None else []


def _snapshot(row) -> tuple:
    """The row's own fields and how many rows hang on it (notes, scores, messages, status changes)."""
    own = tuple(getattr(row, f.attname) for f in row._meta.concrete_fields if f.name != "updated_at")
    related = tuple(getattr(row, rel.get_accessor_name()).count() for rel in row._meta.related_objects
                    if rel.one_to_many)
    return own, related
