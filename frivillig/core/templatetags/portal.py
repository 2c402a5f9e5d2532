"""Template helpers shared by all apps: DKFDS form controls, status tags, query-string building."""

from django import forms, template
from django.utils.http import urlencode

from frivillig.core import formatting

register = template.Library()


@register.filter
def kr(value) -> str:
    """``{{ pool.max_amount|kr }}`` → "20.000 kr." (grouped, øre only when there are any)."""
    return formatting.kroner(value)


@register.filter(is_safe=True)
def page_title(value) -> str:
    """The page's own title, a dash, the portal's name: "Ansøgning om tilskud – Frivillig Rudersdal"."""
    own = " ".join(str(value).split())
    return f"{own} – Frivillig Rudersdal" if own else "Frivillig Rudersdal"


@register.filter
def when(value) -> str:
    """``{{ iso_string_or_datetime|when }}`` → "24. august 2026 kl. 13:05" in Danish local time."""
    return formatting.when(value)


@register.filter
def amount(value) -> str:
    """``{{ value|amount }}`` → "20.000": the number alone, for tables whose heading says "kr."."""
    return formatting.amount(value)

INPUT_CLASS = {
    forms.Textarea: "form-input",
    forms.Select: "form-select",
    forms.SelectMultiple: "form-select",
    forms.CheckboxInput: "form-checkbox",
    forms.RadioSelect: "form-radio",
    forms.CheckboxSelectMultiple: "form-checkbox",
    forms.FileInput: "form-file-input",
}


def widget_kind(widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.MultiWidget):
        return "multi"
    return "input"


@register.filter
def dkfds_kind(bound_field) -> str:
    return widget_kind(bound_field.field.widget)


@register.filter
def dkfds_prepare(bound_field):
    """Give the widget DKFDS classes and aria-describedby (hint, error); return the bound field."""
    widget = bound_field.field.widget
    css = next((c for cls, c in INPUT_CLASS.items() if isinstance(widget, cls)), "form-input")
    attrs = widget.attrs
    existing = attrs.get("class", "")
    if css not in existing.split():
        attrs["class"] = f"{existing} {css}".strip()
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described and widget_kind(widget) in {"input", "checkbox", "file"}:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one); for pagination and
    filter links that keep each other's state."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def querystring_from(data: dict) -> str:
    return urlencode({k: v for k, v in data.items() if v not in (None, "")}, doseq=True)


@register.filter(needs_autoescape=True)
def link_portal_urls(text, autoescape=True):
    """Escape ``text`` and turn only the portal's own addresses (PORTAL_BASE_URL) into links. For e-mails that
    carry what citizens wrote: their addresses stay plain text, so a mail to staff never offers a citizen's link
    (unlike ``urlize``)."""
    import re

    from django.conf import settings
    from django.utils.html import conditional_escape, escape
    from django.utils.safestring import mark_safe

    escaped = conditional_escape(text) if autoescape else escape(text)
    base = re.escape(escape(settings.PORTAL_BASE_URL.rstrip("/")))
    pattern = re.compile(base + r"(?:/[^\s<>\"']*)?")
    return mark_safe(pattern.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', str(escaped)))


@register.simple_tag(takes_context=True)
def personal(context, template_name):
    """``{% personal "components/user_links.html" %}``: a part of the page that belongs to the person who asked
    for it (their name, their CSRF token). Rendered in place, except on a page rendered for the signed-in page
    cache (frivillig/core/pagecache.py), where it leaves a marker that each request fills for its own person."""
    from django.utils.safestring import mark_safe

    holes = getattr(context.get("request"), "_personal_holes", None)
    if holes is not None:
        holes["templates"].append(template_name)
        return mark_safe(f"<!--personal:{holes['secret']}:{len(holes['templates']) - 1}-->")
    from frivillig.core.holes import render_in_place

    return render_in_place(template_name, context)
