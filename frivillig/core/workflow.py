"""A small, explicit state-machine helper shared by the apps.

Each app declares its workflow as a plain table::

    TRANSITIONS = {
        Status.SUBMITTED: {Status.IN_REVIEW: is_case_handler, Status.WITHDRAWN: is_applicant},
    }

where each check is ``check(actor, obj) -> bool`` naming who may take the step (there is no "anyone": a test
walks every table and refuses ``None``). ``move()`` is the only code that assigns a status: it
checks the table, saves, and writes one status-change row (who, when, from, to, why).
"""

import functools
from collections.abc import Callable, Mapping
from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

Check = Callable[[object, object], bool]


class Verdict(NamedTuple):
    """What a who-may check answers: whether, and if not, the Danish sentence the person reads. Truthy when
    allowed, so a check also serves as a transition-table entry (``if check(actor, obj)``)."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


CHECKS: dict[str, Callable] = {}
"""Every named check by "<app>.<name>" (``grants.is_case_handler``), for the ``{% may %}`` template tag and the
structure test. Filled by the ``@rule`` decorator when an app's ``workflow.py`` is imported."""


def _app_of(module: str) -> str:
    parts = module.split(".")
    if parts[-1] == "workflow":
        parts = parts[:-1]
    return parts[-1]


def rule(reason):
    """Make a who-may predicate ``fn(actor, obj) -> bool`` a named check ``check(actor, obj=None) -> Verdict``.

        @rule(_("Kun Kulturområdet behandler ansøgninger."))
        def is_case_handler(actor, application=None) -> bool:
            return is_culture_admin(actor)

    ``reason`` is what a person reads when refused. A predicate may also return a ``Verdict`` of its own when
    the reason depends on the object (``Verdict(False, _("Ansøgningen er sendt …"))``). Lives in the app's
    ``workflow.py`` only: services call ``require(check, actor, obj)``, templates ``{% may "app.name" obj %}``."""
    def decorate(fn):
        @functools.wraps(fn)
        def check(actor, obj=None):
            answer = fn(actor, obj)
            if isinstance(answer, Verdict):
                return answer if answer.allowed or answer.reason else Verdict(False, str(reason))
            return Verdict(True, "") if answer else Verdict(False, str(reason))

        check.rule_name = f"{_app_of(fn.__module__)}.{fn.__name__}"
        check.is_rule = True
        CHECKS[check.rule_name] = check
        return check

    return decorate


def require(check, actor, obj=None) -> None:
    """The one way a service checks who may act: raises ``PermissionDenied`` with the check's Danish reason."""
    verdict = check(actor, obj)
    if not verdict:
        raise PermissionDenied(getattr(verdict, "reason", "") or _("Du har ikke adgang til at foretage dette skridt."))


def named_check(name: str):
    """The check registered as "<app>.<name>"; imports the app's workflow module on first use."""
    if name not in CHECKS:
        import importlib

        app = name.split(".", 1)[0]
        for module in (f"{app}.workflow", f"frivillig.{app}.workflow"):
            try:
                importlib.import_module(module)
            except ModuleNotFoundError:
                continue
    return CHECKS[name]


class TransitionNotAllowed(Exception):
    """The case is not in a state from which this step can be taken."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def automatic(check: Check) -> Check:
    """Mark a step that a service takes by itself (a task is filled when its last place is taken): still checked
    by ``move()``, never offered as a button."""
    def wrapped(actor, obj):
        return check(actor, obj)

    wrapped.automatic = True
    wrapped.is_rule = getattr(check, "is_rule", False)  # still the named check it wraps
    wrapped.rule_name = getattr(check, "rule_name", "")
    wrapped.__name__ = f"automatic({getattr(check, '__name__', 'check')})"
    return wrapped


def allowed_targets(obj, actor, transitions: Mapping, status_field: str = "status") -> list:
    """The steps ``actor`` may take by hand now (for the buttons on a page)."""
    current = getattr(obj, status_field)
    return [to for to, check in transitions.get(current, {}).items()
            if not getattr(check, "automatic", False) and check(actor, obj)]


def can_move(obj, actor, to, transitions: Mapping, status_field: str = "status") -> tuple[bool, str]:
    """(allowed, reason) so that a page can say why a button is missing."""
    current = getattr(obj, status_field)
    checks = transitions.get(current, {})
    if to not in checks:
        return False, _("Sagen kan ikke ændres fra “%(current)s” til “%(to)s”.") % {
            "current": _label(obj, status_field, current), "to": _label(obj, status_field, to)}
    check = checks[to]
    if not check(actor, obj):
        return False, _("Du har ikke adgang til at foretage dette skridt.")
    return True, ""


def move(obj, *, to, actor, reason: str = "", transitions: Mapping, log_model, status_field: str = "status",
         extra_update_fields: tuple[str, ...] = ()):
    """Change ``obj``'s status to ``to`` if the table allows it for ``actor``; record the change.

    Call inside a transaction, with ``obj`` locked (select_for_update) when concurrent changes matter.
    """
    current = getattr(obj, status_field)
    checks = transitions.get(current, {})
    if to not in checks:
        raise TransitionNotAllowed(can_move(obj, actor, to, transitions, status_field)[1])
    check = checks[to]
    if not check(actor, obj):
        raise PermissionDenied(_("Du har ikke adgang til at foretage dette skridt."))
    setattr(obj, status_field, to)
    update_fields = [status_field, *extra_update_fields]
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        update_fields.append("updated_at")
    obj.save(update_fields=update_fields)
    return _log(obj, log_model, current, to, actor, reason)


def start(obj, *, actor, log_model, reason: str = "", status_field: str = "status"):
    """The first history row of a case just created in its first status (no previous status). With ``move()``
    and ``note()`` the only writers of status-change rows."""
    return _log(obj, log_model, "", getattr(obj, status_field), actor, reason)


def note(obj, *, actor, log_model, reason: str, status_field: str = "status"):
    """A history row that records a step without a change of status (a child certificate checked)."""
    current = getattr(obj, status_field)
    return _log(obj, log_model, current, current, actor, reason)


def _log(obj, log_model, from_status, to_status, actor, reason):
    return log_model.objects.create(
        subject=obj, from_status=from_status or "", to_status=to_status,
        actor=actor if getattr(actor, "is_authenticated", False) else None, reason=reason,
    )


def _label(obj, status_field, value):
    field = obj._meta.get_field(status_field)
    return dict(field.flatchoices).get(value, value)
