from celery.schedules import crontab

BEAT_SCHEDULE = {
    "core.resend_pending_notifications": {
        "task": "frivillig.core.tasks.resend_pending_notifications",
        "schedule": crontab(minute="*/15"),
    },
    "core.apply_retention": {"task": "frivillig.core.tasks.apply_retention", "schedule": crontab(minute=45, hour=2)},
}
