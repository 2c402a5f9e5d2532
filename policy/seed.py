"""The policy's content (fixtures/policy.yaml), loaded on every `load_portal_data`: the seeds' words as reference
content, everything else as example text (``is_example=True``) until the Culture department replaces it.

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
            fields = {k: v for k, v in entry.items() if k not in ("slug", "reference")}
            fields.setdefault("order", order)
            fields["is_example"] = not entry.get("reference", False)
            fields["example_fields"] = list(model.PROSE) if fields["is_example"] else []
            model.objects.get_or_create(slug=entry["slug"], defaults=fields)
