from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "frivillig.core"
    label = "core"
    verbose_name = "Kerne"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from frivillig.accounts.roles import is_culture_admin

        from .registry import StaffSection, register_staff_section

        register_staff_section(StaffSection(
            key="core.undelivered", title=_("E-mails, der ikke er leveret"), url_name="core:undelivered",
            predicate=is_culture_admin, order=90,
            description=_("E-mails, som portalen ikke har kunnet sende, med årsagen.")))

        from . import observability

        observability.connect_celery_signals()
        observability.init_error_tracking()
