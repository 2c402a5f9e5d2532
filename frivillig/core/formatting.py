"""How the portal writes amounts: one function for pages, e-mails, exports and PDFs."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format


def _decimal(value):
    """The value as a Decimal; None for no value; the value itself when it is not a number."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return value


def amount(value) -> str:
    """20000 → "20.000" (Danish) or "20,000" (English); øre only when there are any: "1.234,50"."""
    number = _decimal(value)
    if not isinstance(number, Decimal):
        return "" if number is None else str(number)
    places = 0 if number == number.to_integral_value() else 2
    return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def number(value) -> str:
    """A count or measure as Danes write it: 2.0 → "2", 2.5 → "2,5" (English "2.5"); no trailing zeros."""
    number = _decimal(value)
    if not isinstance(number, Decimal):
        return "" if number is None else str(number)
    number = number.to_integral_value() if number == number.to_integral_value() else number.normalize()
    return number_format(number, use_l10n=True)


def kroner(value) -> str:
    """20000 → "20.000 kr." (in English "DKK 20,000"); empty for no value."""
    from django.utils.translation import get_language

    text = amount(value)
    if not text:
        return ""
    return f"DKK {text}" if (get_language() or "da").startswith("en") else f"{text} kr."


def parse_iso(value):
    """An ISO 8601 string from an export ("2026-08-24T11:05:00+00:00" or "2026-08-24") as a datetime/date;
    anything else unchanged."""
    from django.utils.dateparse import parse_date, parse_datetime

    if not isinstance(value, str):
        return value
    try:
        return parse_datetime(value) or parse_date(value) or value
    except ValueError:
        return value


def when(value) -> str:
    """A moment as people here read it: Danish local time (Europe/Copenhagen), "24. august 2026 kl. 13:05"."""
    import datetime

    from django.utils import timezone
    from django.utils.formats import date_format

    value = parse_iso(value)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    return "" if value is None else str(value)
