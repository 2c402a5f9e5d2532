"""The staff inbox: its rows and counts as a member of staff reads them (rows read as plain values, both counts
in one query)."""

import re

import pytest
from django.utils import timezone

from taskbank import queries
from taskbank.models import Task, TaskApplication

from .factories import ApplicationFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_the_inbox_shows_the_waiting_applications_and_tasks_with_their_labels_and_counts(
        client, task, institution, institution_staff, other_institution, citizen, monkeypatch):
    ApplicationFactory(task=task, applicant=citizen)
    ApplicationFactory(task=task, status=TaskApplication.Status.IN_DIALOGUE)
    ApplicationFactory(task=task, status=TaskApplication.Status.DECLINED)  # answered: not waiting
    ApplicationFactory(task=TaskFactory(institution=other_institution))  # not theirs
    TaskFactory(institution=institution, title="Kladdeopgave", status=Task.Status.DRAFT)
    client.force_login(institution_staff)
    html = client.get("/medarbejder/opgaver/").content.decode()
    assert "2 ansøgninger venter på svar" in html
    assert f"{citizen.get_full_name()} – {task.title}" in html and "(I dialog, " in html
    assert f"(Modtaget, {timezone.localdate():%d.%m.%Y})" in html
    assert f'<a href="{task.get_staff_url()}">{task.title}</a></td><td>{institution.name}</td><td>Offentliggjort</td>' in html
    assert ">Kladdeopgave</a></td><td>" in html and "<td>Kladde</td>" in html
    # Over the cap: "over" and the cap, not a count of every application.
    monkeypatch.setattr(queries, "WAITING_CAP", 1)
    html = client.get("/medarbejder/opgaver/").content.decode()
    assert re.search(r"Over 1 ansøgninger venter på svar", html)


def test_the_inbox_of_someone_without_organisations_counts_nothing(client, volunteer_centre):
    client.force_login(volunteer_centre)
    response = client.get("/medarbejder/opgaver/")
    assert response.status_code == 200 and "0 ansøgninger venter på svar" in response.content.decode()
