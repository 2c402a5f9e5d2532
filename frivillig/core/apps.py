from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "frivillig.core"
    label = "core"
    verbose_name = "Kerne"
