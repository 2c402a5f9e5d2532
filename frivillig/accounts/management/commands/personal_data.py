"""Requests that reach the municipality by letter or phone:

    manage.py personal_data export person@example.dk > person.json
    manage.py personal_data erase person@example.dk            # dry run: what would change
    manage.py personal_data erase person@example.dk --confirm  # anonymise
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from frivillig.accounts import gdpr
from frivillig.accounts.models import User


class Command(BaseCommand):
    help = "Export or erase (anonymise) everything the portal holds about one person."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--confirm", action="store_true", help="erase for real (without it: a dry run)")

    def handle(self, *args, action, email, confirm, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user with the e-mail address {email}.")
        if action == "export":
            self.stdout.write(json.dumps(gdpr.export_user_data(user), cls=DjangoJSONEncoder, ensure_ascii=False,
                                         indent=2))
            return
        with translation.override("da"):
            changes = gdpr.erase_user(user, dry_run=not confirm)
        self.stdout.write("Anonymised:" if confirm else "Dry run, nothing changed. Would change:")
        for change in changes:
            self.stdout.write(f"- {change}")
