"""Reads of the policy section: search across all content with the portal's search pipeline (frivillig/search)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from frivillig.search import sql as search_sql

from .models import Category, GuideArticle, Theme, ToolboxItem, Value, WhitePaperSection

# model, label, the short text (weight C) and the long texts (weight D); the title weighs A
SEARCHABLE = [
    (Value, _("Værdi"), ("explanation",), ()),
    (Theme, _("Frivillighedstema"), ("summary",), ("frame", "conditions")),
    (WhitePaperSection, _("Hvidbog"), (), ("body",)),
    (GuideArticle, _("Frivillighedsguide"), ("summary",), ("body",)),
    (ToolboxItem, _("Værktøjskasse"), ("summary",), ("body",)),
]


@dataclass
class SearchResult:
    kind: str
    title: str
    url: str
    headline: str
    rank: float
    is_example: bool = False


@dataclass
class Searchable:
    row: object
    label: str
    short: tuple
    long: tuple

    def fields(self):
        return ([(self.row.title, "A")] + [(getattr(self.row, f), "C") for f in self.short]
                + [(getattr(self.row, f), "D") for f in self.long])

    def text(self):
        return " … ".join(getattr(self.row, f) for f in self.short + self.long)


def search_with_suggestion(q: str, limit: int = 50) -> tuple[list[SearchResult], str]:
    """Ranked results across values, themes, white paper, guide and toolbox, and the search actually used when
    a word was corrected ("" otherwise). Danish forms meet ("forsikringer" finds "forsikring"); the title
    weighs more than the text. The collection is small (tens of pages): its vectors are built per search
    with the task search's analysis and ranked by the same SQL (frivillig/search/sql.py)."""
    if not (q or "").strip():
        return [], ""
    records = [Searchable(row, label, short, long) for model, label, short, long in SEARCHABLE
               for row in model.objects.all()]
    ranked, suggestion, query = search_sql.rank_collection(q, records, Searchable.fields, limit=limit)
    headlines = search_sql.headlines([record.text() for record, _score in ranked], query, max_words=30)
    return [SearchResult(kind=str(record.label), title=record.row.title, url=record.row.get_absolute_url(),
                         headline=headline, rank=score, is_example=record.row.is_example)
            for (record, score), headline in zip(ranked, headlines, strict=True)], suggestion


def search(q: str, limit: int = 50) -> list[SearchResult]:
    return search_with_suggestion(q, limit)[0]


def has_example_text() -> bool:
    """Whether any part of the policy is still example text (then the whole policy is only a draft)."""
    return any(model.objects.filter(is_example=True).exists() for model, *_rest in SEARCHABLE)


def overview():
    return {
        "values": Value.objects.all(),
        "themes": Theme.objects.all(),
        "articles": GuideArticle.objects.all(),
        "sections": WhitePaperSection.objects.all(),
        "has_examples": has_example_text(),
    }


@dataclass(frozen=True)
class Template:
    label: str
    url: str


def templates_for(item) -> list[Template]:
    """The templates a toolbox item hands out: the agreements' templates (PDF, built from the Culture department's
    standard wording, the same the portal's volunteer agreements copy) and the standard wording itself."""
    from django.urls import reverse

    wording = Template(_("Standardtekster: forsikring, tavshedspligt, underretningspligt og afslutning"),
                       reverse("engagement:standard_texts"))
    volunteer = Template(_("Frivilligaftale – skabelon (PDF)"), reverse("policy:agreement_pdf"))
    partnership = Template(_("Samarbejdsaftale mellem kommunen og en forening – skabelon (PDF)"),
                           reverse("policy:partnership_pdf"))
    return {
        Category.AGREEMENTS: [volunteer, wording],
        Category.CONTRACTS: [partnership, volunteer, wording],
        Category.INSURANCE: [wording],
        Category.CONFIDENTIALITY: [wording],
    }.get(item.category, [])


def agreement_wording(keys=("insurance", "confidentiality", "notification", "ending")) -> dict:
    """The Culture department's standard wording (the texts the portal's volunteer agreements copy) in the order of
    ``keys``, and whether any of it is still example text."""
    from engagement.queries import standard_texts

    by_key = {t.key: t for t in standard_texts()}
    wording = [by_key[k] for k in keys if k in by_key]
    return {"wording": wording, "wording_is_example": any(t.is_example for t in wording)}


def wording_version() -> str:
    from engagement.queries import standard_texts

    latest = standard_texts().order_by("-updated_at").values_list("updated_at", flat=True).first()
    return f"w{latest.timestamp() if latest else 0}"
