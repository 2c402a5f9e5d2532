import importlib
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frivillig.settings.dev")

app = Celery("frivillig")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def collect_beat_schedule() -> dict:
    """Merge BEAT_SCHEDULE from every installed app's ``schedule`` module."""
    from django.apps import apps

    schedule = {}
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.schedule")
        except ModuleNotFoundError:
            continue
        schedule.update(getattr(module, "BEAT_SCHEDULE", {}))
    return schedule


@app.on_after_finalize.connect
def _setup_schedule(sender, **kwargs):
    sender.conf.beat_schedule = collect_beat_schedule()
