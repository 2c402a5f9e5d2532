"""A real Celery worker on real Redis is killed (SIGKILL) in the middle of a batch of reminders; a second worker
finishes the batch. Every reminder is sent exactly once: late acknowledgement redelivers the lost task, and the
notification row (unique key, row lock, status) makes the second delivery a no-op for what was already sent."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings

from frivillig import celery_app
from frivillig.core.models import Notification
from frivillig.core.notify import notify
from tests.conftest import worker_redis_url
from tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
BATCH = 30


def start_worker(env, name):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "frivillig", "worker", "--concurrency=1", "--pool=prefork",
         "--loglevel=WARNING", "-n", f"{name}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def reset_connections():
    """Make the app open new broker connections (after broker_url changed)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def mail_files(maildir):
    return [p.read_text(errors="replace") for p in Path(maildir).glob("*.log")]


@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_batch_sends_every_reminder_exactly_once(tmp_path, settings):
    broker = worker_redis_url()  # a database of this test worker's own
    redis.Redis.from_url(broker).flushdb()
    maildir = tmp_path / "mail"
    maildir.mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.trust.worker_settings", "CRASH_TEST_BROKER": broker,
           "CRASH_TEST_DB": settings.DATABASES["default"]["NAME"], "CRASH_TEST_MAILDIR": str(maildir)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = broker
    reset_connections()
    try:
        users = [UserFactory(email=f"frivillig{i}@example.dk") for i in range(BATCH)]
        for user in users:
            notify(to=user, template="core/email/test_message", context={"message": "Husk mødet i morgen"},
                   key=f"crash-test:{user.pk}")
        first = start_worker(env, "first")
        deadline = time.monotonic() + 60
        inflight = maildir / "inflight"
        while time.monotonic() < deadline:
            # kill while a reminder is being sent (inside the pause), after a few have gone out
            if len(mail_files(maildir)) >= 3 and inflight.exists():
                current = inflight.read_text()
                if current and not any(f"To: {current}" in text for text in mail_files(maildir)):
                    break
            time.sleep(0.005)
        os.killpg(first.pid, signal.SIGKILL)  # the worker dies in the middle of the batch
        first.wait(timeout=10)
        sent_before_crash = Notification.objects.filter(status="sent").count()
        assert 0 < sent_before_crash < BATCH
        second = start_worker(env, "second")
        try:
            deadline = time.monotonic() + 90
            while Notification.objects.filter(status="sent").count() < BATCH and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(2)  # let any duplicate delivery show itself
        finally:
            os.killpg(second.pid, signal.SIGTERM)
            second.wait(timeout=20)
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url = previous
        reset_connections()
    assert Notification.objects.filter(status="sent").count() == BATCH
    recipients = []
    for text in mail_files(maildir):
        recipients += [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("To:")]
    assert sorted(recipients) == sorted(u.email for u in users)  # each exactly once


def test_celery_is_configured_for_redelivery():
    from frivillig.settings import base

    assert base.CELERY_TASK_ACKS_LATE and base.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert base.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    # a task lost with its worker comes back after the visibility timeout; longer than the longest task
    assert base.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > base.CELERY_TASK_TIME_LIMIT
    assert celery_app.conf.task_acks_late and celery_app.conf.task_reject_on_worker_lost
