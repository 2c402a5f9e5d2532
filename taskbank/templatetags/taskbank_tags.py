"""How a task's time and places are written, in one place for the list, the task page and e-mails."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()


def _plural_count(hours: Decimal) -> int:
    # ngettext counts whole numbers: 1 → "time", 1,5 and 0,5 → "timer".
    return int(hours) if hours == hours.to_integral_value() else 2


@register.filter
def task_time(task) -> str:
    """"1 time om ugen", "2,5 timer om ugen"; a one-off task has no week: "6 timer i alt"."""
    hours = Decimal(task.hours_per_week)
    text = number_format(hours.normalize() if hours % 1 else hours.to_integral_value(), use_l10n=True)
    n = _plural_count(hours)
    if task.kind == "one_off":
        return ngettext("%(h)s time i alt", "%(h)s timer i alt", n) % {"h": text}
    return ngettext("%(h)s time om ugen", "%(h)s timer om ugen", n) % {"h": text}


@register.filter
def task_places(task, places_left: int) -> str:
    """"Der søges 5 frivillige" while no one is taken; "Der søges 5 frivillige, 2 pladser tilbage" after."""
    wanted = task.volunteers_wanted
    text = ngettext("Der søges %(n)s frivillig", "Der søges %(n)s frivillige", wanted) % {"n": wanted}
    if places_left < wanted:
        text += ", " + ngettext("%(n)s plads tilbage", "%(n)s pladser tilbage", places_left) % {"n": places_left}
    return text
