from celery.schedules import crontab

BEAT_SCHEDULE = {
    "network.send_meeting_reminders": {"task": "network.tasks.send_meeting_reminders", "schedule": crontab(minute=10)},
    "network.remind_agreement_expiry": {"task": "network.tasks.remind_agreement_expiry", "schedule": crontab(minute=0, hour=7)},
}
