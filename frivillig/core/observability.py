"""Watchable (issue 26): Prometheus metrics for the operators, JSON logs with a request id that follows the work
into Celery, and an optional error tracker.

- ``/metrics`` (``metrics`` view): django-prometheus' request latency by view and method, database time
  (``django_db_query_duration_seconds``, through its database backend), the Celery tasks' outcomes
  (``frivillig_celery_tasks_total{task,outcome}``, counted where the task ran: a worker exports its own on
  ``CELERY_METRICS_PORT``) and the undelivered mails (``frivillig_mails_undelivered{state}``, read from the
  database at each scrape). Reachable only with ``Authorization: Bearer $METRICS_TOKEN``; without the
  variable, or with another token, it does not exist (404).
- ``RequestIdMiddleware``: every request gets an id (the proxy's ``X-Request-ID`` when it is a sane one, else a new
  one), answered in ``X-Request-ID``, put on every log record of the request (``RequestIdFilter``) and carried into
  the Celery tasks the request queues (a message header), whose log records carry it too. One log line per request:
  method, path, view, status and duration.
- ``LOG_FORMAT=json`` (production's default) writes every log record as one JSON object (python-json-logger).
- ``SENTRY_DSN``: errors go to that error tracker (sentry-sdk), without personal data.
"""

import contextvars
import hmac
import logging
import re
import time
import uuid

from django.conf import settings
from django.http import Http404, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, generate_latest
from prometheus_client.core import GaugeMetricFamily

request_id = contextvars.ContextVar("request_id", default="-")
logger = logging.getLogger("frivillig.request")
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "portal_request_id"

CELERY_TASKS = Counter("frivillig_celery_tasks", "Celery tasks by name and outcome (success, failure, retry).",
                       ["task", "outcome"])


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = given if SANE_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            match = getattr(request, "resolver_match", None)
            logger.info("%s %s %s", request.method, request.path, response.status_code, extra={
                "method": request.method, "path": request.path, "status": response.status_code,
                "view": match.view_name if match else "", "duration_ms": round((time.perf_counter() - started) * 1000, 1)})
            return response
        finally:
            request_id.reset(token)


class UndeliveredMails:
    """Mails not sent: pending for more than 15 minutes, and failed for good (read at scrape time)."""

    def collect(self):
        from datetime import timedelta

        from django.db import DatabaseError
        from django.utils import timezone

        from .models import Notification

        gauge = GaugeMetricFamily("frivillig_mails_undelivered", "E-mails not delivered, by state.", labels=["state"])
        try:
            late = Notification.objects.filter(status=Notification.Status.PENDING,
                                               created_at__lt=timezone.now() - timedelta(minutes=15)).count()
            failed = Notification.objects.filter(status=Notification.Status.FAILED).count()
        except DatabaseError:
            return  # the database is down: /healthz says so; the scrape still answers
        gauge.add_metric(["pending_over_15_minutes"], late)
        gauge.add_metric(["failed"], failed)
        yield gauge


def registry():
    """The registry to export: every process' metrics in multiprocess mode (gunicorn workers), else this one's."""
    import os

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        combined = CollectorRegistry()
        multiprocess.MultiProcessCollector(combined)
        combined.register(UndeliveredMails())
        return combined
    return REGISTRY


_registered = False


def _register_undelivered():
    global _registered
    if not _registered:
        REGISTRY.register(UndeliveredMails())
        _registered = True


def metrics_response(request) -> HttpResponse:
    """The metrics, for the operators' token only (else 404: for anybody else the page does not exist)."""
    token = getattr(settings, "METRICS_TOKEN", "")
    given = request.META.get("HTTP_AUTHORIZATION", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise Http404
    _register_undelivered()
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)


def connect_celery_signals():
    """Count task outcomes; carry the request id from the request that queued a task into the task's logs."""
    from celery import signals

    @signals.before_task_publish.connect(weak=False)
    def _carry_request_id(headers=None, **kwargs):
        if headers is not None and request_id.get() != "-":
            headers[HEADER] = request_id.get()

    @signals.task_prerun.connect(weak=False)
    def _adopt_request_id(task=None, **kwargs):
        if task is None:
            return
        given = getattr(task.request, HEADER, None) or (getattr(task.request, "headers", None) or {}).get(HEADER)
        current = request_id.get()  # an eager task runs inside the request that queued it
        task._request_id_token = request_id.set(given or (current if current != "-" else f"task-{uuid.uuid4().hex[:12]}"))

    @signals.task_postrun.connect(weak=False)
    def _forget_request_id(task=None, **kwargs):
        token = getattr(task, "_request_id_token", None)
        if token is not None:
            try:
                request_id.reset(token)
            except ValueError:
                request_id.set("-")

    for outcome, signal in (("success", signals.task_success), ("failure", signals.task_failure),
                            ("retry", signals.task_retry)):
        def count(sender=None, request=None, outcome=outcome, **kwargs):
            name = getattr(sender, "name", None) or getattr(request, "task", None) or str(sender)
            CELERY_TASKS.labels(task=name, outcome=outcome).inc()

        signal.connect(count, weak=False)

    @signals.worker_process_init.connect(weak=False)
    def _export_worker_metrics(**kwargs):
        port = getattr(settings, "CELERY_METRICS_PORT", None)
        if port:
            from prometheus_client import start_http_server

            _register_undelivered()
            start_http_server(int(port), addr=getattr(settings, "CELERY_METRICS_ADDR", "127.0.0.1"))


def init_error_tracking():
    dsn = getattr(settings, "SENTRY_DSN", "")
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(dsn=dsn, send_default_pii=False, environment=getattr(settings, "SENTRY_ENVIRONMENT", "production"),
                    traces_sample_rate=0.0)
    return True
