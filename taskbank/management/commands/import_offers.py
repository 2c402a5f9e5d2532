"""Import offers of local associations from a CSV or JSON file into the public directory (no network calls)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from taskbank import exchange


class Command(BaseCommand):
    help = "Importér foreningstilbud fra en CSV- eller JSON-fil (fx en eksport fra Socialkompas)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--source", required=True, help="Hvor tilbuddene kommer fra, fx “Socialkompas”.")

    def handle(self, *args, path, source, **options):
        file = Path(path)
        rows = exchange.parse_offers(file.read_bytes(), file.name)
        counts = exchange.import_offers(actor=None, rows=rows, source=source)
        self.stdout.write(f"{counts['created']} nye, {counts['updated']} opdateret, {counts['duplicates']} dubletter")
