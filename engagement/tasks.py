from celery import shared_task

from . import reminders


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_session_reminders() -> int:
    return reminders.send_session_reminders()
