"""Reads of the policy section: full-text search across all content (Danish configuration)."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import CharField, F
from django.db.models import Value as V
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import GuideArticle, Theme, ToolboxItem, Value, WhitePaperSection

# Sentinels that PostgreSQL puts around matches; replaced by <mark> after the text is escaped, so that
# nothing staff wrote is ever rendered as HTML.
START, STOP = "\x02", "\x03"

SEARCHABLE = [
    (Value, _("Værdi"), ("explanation",)),
    (Theme, _("Frivillighedstema"), ("summary", "frame", "conditions")),
    (WhitePaperSection, _("Hvidbog"), ("body",)),
    (GuideArticle, _("Frivillighedsguide"), ("summary", "body")),
    (ToolboxItem, _("Værktøjskasse"), ("summary", "body")),
]


@dataclass
class SearchResult:
    kind: str
    title: str
    url: str
    headline: str
    rank: float


def highlight(text: str) -> str:
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(q: str, limit: int = 50) -> list[SearchResult]:
    """Ranked results across values, themes, white paper, guide and toolbox. Danish stemming makes
    "forsikringer" find "forsikring"; the title weighs more than the text."""
    q = (q or "").strip()
    if not q:
        return []
    query = SearchQuery(q, config="danish", search_type="websearch")
    results = []
    for model, label, fields in SEARCHABLE:
        vector = SearchVector("title", weight="A", config="danish") + SearchVector(*fields, weight="B", config="danish")
        if len(fields) == 1:
            text = F(fields[0])
        else:
            parts = []
            for f in fields:
                parts += [F(f), V(" … ")]
            text = Concat(*parts[:-1], output_field=CharField())
        rows = (
            model.objects.annotate(document=vector)
            .filter(document=query)
            .annotate(
                rank=SearchRank(vector, query),
                headline=SearchHeadline(text, query, config="danish", start_sel=START, stop_sel=STOP,
                                        max_fragments=2, min_words=8, max_words=30),
            )
            .order_by("-rank")[:limit]
        )
        for row in rows:
            results.append(SearchResult(kind=str(label), title=row.title, url=row.get_absolute_url(),
                                        headline=highlight(row.headline), rank=float(row.rank)))
    results.sort(key=lambda r: r.rank, reverse=True)
    return results[:limit]


def overview():
    return {
        "values": Value.objects.all(),
        "themes": Theme.objects.all(),
        "articles": GuideArticle.objects.all(),
        "sections": WhitePaperSection.objects.all(),
    }
