"""The policy's reference content (fixtures/policy.yaml), loaded on every `load_portal_data`.

Idempotent and respectful of edits: an object that exists is left as the Culture department edited it."""

from pathlib import Path

import yaml
from django.conf import settings

from .models import GuideArticle, Theme, ToolboxItem, Value, WhitePaperSection

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "policy.yaml"
SECTIONS = [
    ("values", Value),
    ("themes", Theme),
    ("white_paper", WhitePaperSection),
    ("guide", GuideArticle),
    ("toolbox", ToolboxItem),
]


def load_reference():
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    for key, model in SECTIONS:
        for order, entry in enumerate(data[key], start=1):
            fields = {k: v for k, v in entry.items() if k != "slug"}
            fields.setdefault("order", order)
            model.objects.get_or_create(slug=entry["slug"], defaults=fields)
