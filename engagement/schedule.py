from celery.schedules import crontab

# Retention runs in the core's daily task (engagement/personal_data.py registers its steps).
BEAT_SCHEDULE = {
    "engagement.send_session_reminders": {"task": "engagement.tasks.send_session_reminders",
                                          "schedule": crontab(minute=0, hour="7-20")},
}
