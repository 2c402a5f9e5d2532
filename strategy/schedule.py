from celery.schedules import crontab

BEAT_SCHEDULE = {
    "strategy.send_meeting_reminders": {"task": "strategy.tasks.send_meeting_reminders", "schedule": crontab(minute=0)},
    "strategy.send_hearing_reminders": {"task": "strategy.tasks.send_hearing_reminders",
                                        "schedule": crontab(minute=0, hour=8)},
    "strategy.recompute_indicators": {"task": "strategy.tasks.recompute_indicators", "schedule": crontab(minute=30, hour=2)},
}
