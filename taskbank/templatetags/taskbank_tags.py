"""How a task's time and places are written, in one place for the list, the task page and e-mails; the task
list's filter form."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

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


@register.simple_tag
def filter_form(form):
    """The task list's filter form in the DKFDS markup of the project's crispy pack (templates/dkfds/field.html),
    written here directly: the form is on every freshly computed task list, and Django's template per select
    option cost more than the rest of the page. A form with errors (a date typed wrong) goes through the crispy
    pack, which shows them; so does any field this does not know how to write."""
    from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form

    if form.errors:
        return as_crispy_form(form)
    return mark_safe("\n".join(_filter_field(form[name]) for name in form.fields))  # noqa: S308 - every value escaped


def _attrs(attrs: dict) -> str:
    """HTML attributes as Django's widget template writes them (django/forms/widgets/attrs.html)."""
    return "".join(f" {name}" if value is True else f' {name}="{escape(value)}"'
                   for name, value in attrs.items() if value is not False and value is not None)


def _input(bound_field) -> str:
    """An <input> as Django's widget template writes it (django/forms/widgets/input.html)."""
    widget = bound_field.field.widget
    context = widget.get_context(bound_field.html_name, bound_field.value(), bound_field.build_widget_attrs(
        {**widget.attrs, "id": bound_field.auto_id}))["widget"]
    value = "" if context["value"] is None else f' value="{escape(context["value"])}"'
    return f'<input type="{context["type"]}" name="{context["name"]}"{value}{_attrs(context["attrs"])}>'


def _filter_field(bound_field) -> str:
    """One field in the pack's markup, written with plain string formatting (every value escaped): the form has
    some sixty options, and format_html per option cost more than the rest of the form."""
    from django import forms
    from django.template.loader import render_to_string

    from frivillig.core.templatetags.portal import dkfds_prepare

    field = bound_field.field
    widget = field.widget
    simple = isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple) and not any(
        isinstance(label, (list, tuple)) for _value, label in field.choices)
    plain_input = type(widget) in (forms.TextInput, forms.DateInput, forms.CheckboxInput)
    if field.required or bound_field.help_text or not (simple or plain_input):
        return render_to_string("dkfds/field.html", {"field": bound_field})
    dkfds_prepare(bound_field)
    auto_id, label = escape(bound_field.auto_id), escape(bound_field.label)
    if isinstance(widget, forms.CheckboxInput):
        return (f'<div id="div_{auto_id}" class="form-group">\n<div class="form-group-checkbox">\n{_input(bound_field)}\n'
                f'<label class="form-label" for="{auto_id}">{label}</label>\n</div>\n</div>')
    if simple:
        value = bound_field.value()
        current = "" if value is None else str(value)
        options = "\n".join(f'<option value="{escape(value)}"{" selected" if str(value) == current else ""}>'
                             f"{escape(choice)}</option>" for value, choice in field.choices)
        control = (f'<select name="{escape(bound_field.html_name)}"{_attrs({**widget.attrs, "id": bound_field.auto_id})}>'
                   f"\n{options}\n</select>")
    else:
        control = _input(bound_field)
    return (f'<div id="div_{auto_id}" class="form-group">\n<label class="form-label" for="{auto_id}">{label} '
            f'<span class="weight-normal">{escape(gettext("(valgfrit)"))}</span></label>\n{control}\n</div>')


@register.simple_tag(takes_context=True)
def task_card(context, task):
    """One task of a list as a DKFDS card, with the words that met a search (`searched` in the context) marked.
    Written here rather than as an included template: a list shows twenty, and the template machinery per card
    cost as much as the rest of a freshly computed search page. The same card as a template, to read and change:
    taskbank/_task_card.html; tests/taskbank/test_task_card.py fails while the two differ."""
    from frivillig.search.templatetags.search import after, highlight, snippet

    searched = context.get("searched") or ""
    mark = (lambda text: highlight(text, searched)) if searched else conditional_escape
    found = snippet(after(task.description, task.summary), searched) if searched else ""
    certificate = format_html(" · {}", gettext("Kræver børneattest")) if task.requires_child_certificate else ""
    return format_html(
        '<li class="card"><div class="card-content">\n<h3 class="h4"><a href="{}">{}</a></h3>\n<p>{}</p>\n{}'
        '<p class="muted"><span class="badge {}">{}</span> {} · {} · {} · {}{}</p>\n</div></li>',
        task.get_absolute_url(), mark(task.title), mark(task.summary),
        format_html('<p class="search-snippet">{}</p>\n', found) if found else "",
        "badge-info" if task.is_municipal else "badge-success", task.provider_label, mark(task.institution.name),
        mark(task.get_town_display()), task.get_kind_display(), task_time(task), certificate)
