from decimal import Decimal

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def hours(value) -> str:
    """'1 time', '2 timer', '1,5 timer' (Danish: a decimal comma; singular only for exactly one)."""
    value = Decimal(value or 0).normalize()
    number = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    count = 1 if value == 1 else 2
    return ngettext("%(n)s time", "%(n)s timer", count) % {"n": number.replace(".", ",")}
