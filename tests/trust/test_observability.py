"""Watchable (issue 26): /metrics for operators only, with request latency by view, database time, Celery task
outcomes and undelivered mails; JSON log lines with a request id that follows the work into Celery tasks."""

import io
import json
import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

TOKEN = "operators-only-7f3a9c"


@pytest.fixture
def operators(settings):
    settings.METRICS_TOKEN = TOKEN
    return Client(HTTP_AUTHORIZATION=f"Bearer {TOKEN}")


def test_metrics_are_only_for_operators(client, settings, culture_admin):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404  # not configured: it does not exist
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    client.force_login(culture_admin)  # not even the Culture department: the operators' token only
    assert client.get("/metrics").status_code == 404


def test_metrics_hold_latency_by_view_database_time_task_outcomes_and_undelivered_mail(operators, citizen):
    from frivillig.core.models import Notification

    Notification.objects.create(kind="x", to_email="a@example.dk", subject="s", body_text="b",
                                status=Notification.Status.FAILED)
    Client().get("/opgaver/")
    from frivillig.core.observability import CELERY_TASKS

    CELERY_TASKS.labels(task="frivillig.core.tasks.send_notification", outcome="success").inc(0)
    response = operators.get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'django_http_requests_latency_seconds_by_view_method_bucket{' in text
    assert 'view="taskbank:task_list"' in text
    assert "django_db_query_duration_seconds_bucket" in text
    assert "frivillig_celery_tasks_total" in text
    assert 'frivillig_mails_undelivered{state="failed"} 1.0' in text


def test_celery_task_outcomes_are_counted(citizen, django_capture_on_commit_callbacks):
    from frivillig.core.notify import notify
    from frivillig.core.observability import CELERY_TASKS

    before = CELERY_TASKS.labels(task="frivillig.core.tasks.send_notification", outcome="success")._value.get()
    with django_capture_on_commit_callbacks(execute=True):
        notify(to=citizen, template="organisations/email/association_registered", key="obs-1",
               context={"organisation": {"name": "X"}})
    after = CELERY_TASKS.labels(task="frivillig.core.tasks.send_notification", outcome="success")._value.get()
    assert after == before + 1


@pytest.mark.django_db(transaction=True)  # the task is queued at the real commit, inside the request
def test_log_lines_are_json_with_the_request_id_carried_into_celery(client, citizen, settings):
    """One JSON object per line; the request's id is answered in X-Request-ID, stamped on its own log line and on
    the log lines of the Celery task it queued (here run eagerly, in the same thread, as the tests do)."""
    from celery import signals
    from pythonjsonlogger.json import JsonFormatter

    from frivillig.core import observability
    from frivillig.core.observability import RequestIdFilter

    seen_in_tasks = []

    def capture(task=None, **kwargs):
        seen_in_tasks.append((task.name, observability.request_id.get()))

    signals.task_prerun.connect(capture, weak=False)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    root.setLevel(logging.INFO)
    try:
        client.force_login(citizen)
        response = client.post("/konto/mine-data/", HTTP_X_REQUEST_ID="proxy-req-12345678")
    finally:
        signals.task_prerun.disconnect(capture)
        root.removeHandler(handler)
        root.setLevel(previous)
    assert response["X-Request-ID"] == "proxy-req-12345678"
    records = [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    mine = [r for r in records if r.get("request_id") == "proxy-req-12345678"]
    assert any(r["name"] == "frivillig.request" and r.get("status") and r.get("view") for r in mine), records
    assert all("request_id" in r for r in records)
    assert seen_in_tasks and all(rid == "proxy-req-12345678" for _name, rid in seen_in_tasks), seen_in_tasks
    # Across processes the id travels as a message header, which the worker adopts.
    headers = {}
    token = observability.request_id.set("proxy-req-12345678")
    try:
        signals.before_task_publish.send(sender="x", headers=headers, body=None)
    finally:
        observability.request_id.reset(token)
    assert headers[observability.HEADER] == "proxy-req-12345678"


def test_a_request_id_from_outside_must_be_sane(client):
    response = client.get("/healthz/live", HTTP_X_REQUEST_ID="x" * 500)
    assert response["X-Request-ID"] != "x" * 500 and len(response["X-Request-ID"]) == 32
