from django.apps import AppConfig


class TaskbankConfig(AppConfig):
    name = "taskbank"
