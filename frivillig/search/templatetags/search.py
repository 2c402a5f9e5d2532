"""{% load search %}: show why a record matched a search."""

from functools import lru_cache

from django import template

from frivillig.search.highlight import highlight as _highlight
from frivillig.search.query import Query, parse

register = template.Library()


def _query(searched: str) -> Query:
    from frivillig.core import pagecache

    return _parsed(searched, pagecache.generation("search"))  # read again when the vocabulary changes


@lru_cache(maxsize=256)
def _parsed(searched: str, _vocabulary_generation) -> Query:
    return parse(searched)


@register.filter
def highlight(text, searched):
    """{{ task.title|highlight:searched }}: the text escaped, the words that met the search marked."""
    return _highlight(str(text or ""), _query(searched) if searched else None)


@register.filter
def snippet(text, searched):
    """About 25 words of a long text around the first word that met the search; "" when none did."""
    if not searched:
        return ""
    html = _highlight(str(text or ""), _query(searched), max_words=25)
    return html if "<mark>" in html else ""


@register.filter
def after(text, prefix):
    """{{ task.description|after:task.summary|snippet:searched }}: the text without a leading copy of ``prefix``, so
    that a snippet does not repeat the summary shown just above it."""
    text, prefix = str(text or ""), str(prefix or "").strip()
    return text[len(prefix):].lstrip() if prefix and text.lstrip().startswith(prefix) else text
