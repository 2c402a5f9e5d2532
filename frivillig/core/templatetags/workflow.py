"""Templates ask the app's own who-may checks, never restate roles or statuses:

    {% load workflow %}
    {% may "grants.is_case_handler" application as can_handle %}
    {% if can_handle %}…{% endif %}
    {% may "taskbank.may_apply" task as verdict %}{% if not verdict %}<p>{{ verdict.reason }}</p>{% endif %}
"""

from django import template

from frivillig.core.workflow import named_check

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, name, obj=None):
    """The ``Verdict`` of the check "<app>.<name>" for the signed-in person and ``obj`` (truthy when allowed)."""
    request = context.get("request")
    actor = getattr(request, "user", None) if request is not None else context.get("user")
    return named_check(name)(actor, obj)
