"""Cheap per-row helpers for long lists (the staff inbox, the grant case list, the hearing responses).

Each row of a 25-50 row page called Django's general-purpose machinery: ``get_FOO_display()`` builds a dict of
every (lazy) choice on each call, ``{% url %}``/``get_staff_url`` runs the URL resolver's reverse, and
``|date:"SHORT_DATE_FORMAT"`` looks the format up and builds a DateFormat. These helpers give the same output
from what is computed once per language (labels, URL shapes) or per date; the lists read their rows as plain
values and take the status labels from ``frivillig.core.labels.choice_labels()``.
"""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

register = template.Library()


_MARKER = 987654321


@lru_cache(maxsize=128)
def _url_shape(viewname: str, prefix: str, language: str | None) -> tuple[str, str]:
    head, _sep, tail = reverse(viewname, args=[_MARKER]).rpartition(str(_MARKER))
    return head, tail


def pk_url(viewname: str, pk) -> str:
    """``reverse(viewname, args=[pk])`` for a URL whose only argument is the pk, without the resolver per row."""
    head, tail = _url_shape(viewname, get_script_prefix(), get_language())
    return f"{head}{pk}{tail}"


@register.filter
def url_of(pk, viewname: str) -> str:
    """``{{ a.pk|url_of:"grants:staff_case" }}`` = ``{% url "grants:staff_case" a.pk %}``."""
    return pk_url(viewname, pk)


@lru_cache(maxsize=2048)
def _short_date(day, language: str | None) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


@register.filter
def short_date(value) -> str:
    """``{{ value|short_date }}`` = ``{{ value|date:"SHORT_DATE_FORMAT" }}`` (local date), formatted once per day."""
    if not value:
        return ""
    if hasattr(value, "tzinfo"):  # a datetime: its day in local time, as |date does
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _short_date(value, get_language())
