from decimal import Decimal

from django import template
from django.utils.translation import ngettext

from frivillig.core import formatting

register = template.Library()


@register.filter
def hours(value) -> str:
    """'1 time', '2 timer', '1,5 timer' (a decimal comma in Danish; singular only for exactly one)."""
    value = Decimal(value or 0)
    return ngettext("%(n)s time", "%(n)s timer", 1 if value == 1 else 2) % {"n": formatting.number(value)}
