"""Issue 29 rows 13 and 14: an association's event form offers no organiser it refuses; a task sent back shows no
empty "Moderation" heading."""

import pytest
from django.urls import reverse

from taskbank.models import Task

from .factories import TaskFactory

pytestmark = pytest.mark.django_db


def test_the_event_form_preselects_the_representatives_own_association(client, association_rep, association):
    client.force_login(association_rep)
    html = client.get(reverse("taskbank:staff_event_create")).content.decode()
    select = html[html.index('name="organiser"'):]
    select = select[:select.index("</select>")]
    assert "Kulturområdet" not in select and 'value=""' not in select
    assert association.name in select


def test_a_task_sent_back_shows_no_empty_moderation_heading(client, culture_admin, association, association_rep):
    task = TaskFactory(institution=association, contact=association_rep, title="Lektiehjælp", status=Task.Status.DRAFT)
    client.force_login(culture_admin)
    html = client.get(reverse("taskbank:staff_task", args=[task.pk])).content.decode()
    assert "<h2>Moderation</h2>" not in html
    Task.objects.filter(pk=task.pk).update(status=Task.Status.PUBLISHED)
    html = client.get(reverse("taskbank:staff_task", args=[task.pk])).content.decode()
    assert "<h2>Moderation</h2>" in html
