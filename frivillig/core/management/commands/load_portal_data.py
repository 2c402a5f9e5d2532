"""Load reference data (always) and, with --demo, clearly marked demo data. Idempotent: running it
again changes nothing that is already there.

Each app may have a ``seed`` module with ``load_reference()`` and ``load_demo()``; they run in the
order of INSTALLED_APPS (core and accounts first)."""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load the portal's reference data, and with --demo its demo data."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="also load demo users, institutions and cases")

    def handle(self, *args, demo=False, **options):
        if demo and not getattr(settings, "PORTAL_ALLOW_DEMO_DATA", False):
            raise CommandError("Demo data is not allowed with these settings (production).")
        modules = []
        for config in apps.get_app_configs():
            try:
                modules.append(importlib.import_module(f"{config.name}.seed"))
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.seed":
                    raise
        for module in modules:
            if hasattr(module, "load_reference"):
                with transaction.atomic():
                    module.load_reference()
        if demo:
            for module in modules:
                if hasattr(module, "load_demo"):
                    with transaction.atomic():
                        module.load_demo()
        self.stdout.write(self.style.SUCCESS("Reference data loaded" + (" with demo data" if demo else "")))
