from celery.schedules import crontab

BEAT_SCHEDULE = {
    "volunteers.send_suggestion_digests": {"task": "volunteers.tasks.send_suggestion_digests",
                                           "schedule": crontab(minute=15, hour=6, day_of_week="mon")},
}
