from celery.schedules import crontab

# Retention runs in the core's daily task (taskbank/personal_data.py registers its steps).
BEAT_SCHEDULE = {
    "taskbank.remind_unanswered_applications": {
        "task": "taskbank.tasks.remind_unanswered_applications", "schedule": crontab(minute=0, hour="8-17")},
    "taskbank.remind_expiring_tasks": {"task": "taskbank.tasks.remind_expiring_tasks", "schedule": crontab(minute=30, hour=7)},
    "taskbank.expire_tasks": {"task": "taskbank.tasks.expire_tasks", "schedule": crontab(minute=5, hour=0)},
    "taskbank.send_saved_search_digests": {"task": "taskbank.tasks.send_saved_search_digests",
                                           "schedule": crontab(minute=0, hour=6)},
}
