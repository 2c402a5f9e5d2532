"""The per-row template helpers of long staff lists give exactly what Django's own machinery gives."""

from datetime import UTC, date, datetime

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from frivillig.core.labels import choice_labels
from grants.models import GrantApplication, Status
from taskbank.models import Task, TaskApplication

render = engines["django"].from_string


@pytest.mark.parametrize("language", ["da", "en"])
def test_labels_urls_and_dates_match_djangos_own(language):
    task = Task(pk=17, status=Task.Status.PUBLISHED)
    application = TaskApplication(pk=5, status=TaskApplication.Status.IN_DIALOGUE)
    case = GrantApplication(pk=9, status=Status.PARTLY_APPROVED)
    # 23:30 UTC on 31 December is already 1 January in Copenhagen: the local date is shown.
    late = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    with translation.override(language):
        for obj in (task, application, case):
            assert choice_labels(type(obj), "status")[obj.status] == obj.get_status_display()
        assert render('{% load rows %}{{ 17|url_of:"taskbank:staff_task" }}').render({}) == reverse(
            "taskbank:staff_task", args=[17])
        assert render('{% load rows %}{{ 9|url_of:"grants:staff_case" }}').render({}) == task.get_staff_url().replace(
            "/medarbejder/opgaver/17/", "/medarbejder/puljer/sager/9/")
        for value in (late, date(2027, 3, 4), None):
            assert (render('{% load rows %}{{ v|short_date }}').render({"v": value})
                    == render('{{ v|date:"SHORT_DATE_FORMAT" }}').render({"v": value}))
    with translation.override("da"):
        assert choice_labels(GrantApplication, "status")["partly_approved"] == "Delvist bevilget"
        assert render('{% load rows %}{{ v|short_date }}').render({"v": late}) == "01.01.2027"
    with translation.override("en"):
        assert choice_labels(GrantApplication, "status")["partly_approved"] == "Partly granted"
