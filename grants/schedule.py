from celery.schedules import crontab

BEAT_SCHEDULE = {
    "grants.send_report_reminders": {"task": "grants.tasks.send_report_reminders", "schedule": crontab(minute=0, hour=9)},
}
