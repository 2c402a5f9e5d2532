"""One way for a view to run a state change and show what went wrong.

Every state-changing request is one URL, one short view, one form and one service (docs/DEVELOPING.md):

    @require_POST
    def case_note(request, pk):
        application = queries.access_case(request.user, pk)
        actions.perform(request, NoteForm(request.POST, prefix="note"), services.add_note,
                        application=application, success=_("Noten er gemt."))
        return redirect(application.get_staff_url())

The form parses and validates the input; the service checks permission, validates the rules and is the only
writer. What a service refuses (``ValidationError``, ``PermissionDenied``, ``TransitionNotAllowed``) is turned
into field errors on a form that is shown again (``show_errors``) or into one Danish message (``perform``),
always by this module, so every page reports a refusal the same way.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .workflow import TransitionNotAllowed, anonymised_refusal, is_anonymised

REFUSALS = (ValidationError, PermissionDenied, TransitionNotAllowed)


def message_of(exc) -> str:
    """The Danish sentence a person should read for a service's refusal."""
    if isinstance(exc, ValidationError):
        return " ".join(str(m) for m in exc.messages)
    if isinstance(exc, TransitionNotAllowed):
        return exc.message
    return str(exc) or str(_("Du har ikke adgang til at foretage dette skridt."))


def form_errors_text(form) -> str:
    """A form's errors as one sentence per field, with the field's label ("Beløb: Indtast et tal.")."""
    parts = []
    for name, errors in form.errors.items():
        text = " ".join(str(e) for e in errors)
        field = form.fields.get(name)
        parts.append(f"{field.label}: {text}" if field is not None and field.label else text)
    return " ".join(parts) or str(_("Der er fejl i formularen."))


def show_errors(request, exc, form=None) -> None:
    """Put a refusal on the form that will be shown again: at its fields where the form has them, otherwise as a
    form-wide error (or a message when there is no form)."""
    if form is not None and not hasattr(form, "add_error"):
        form = None  # a formset: the refusal is said as a message
    if form is not None and isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif form is not None:
        form.add_error(None, message_of(exc))
    else:
        messages.error(request, message_of(exc))


def _input(form, as_data):
    if form is None:
        return {}
    return {"data": form.cleaned_data} if as_data else form.cleaned_data


def _refuse_anonymised(kwargs) -> None:
    """Every step on a kept, anonymised case is refused, whatever the app: it is read-only."""
    if any(is_anonymised(value) for value in kwargs.values()):
        raise TransitionNotAllowed(anonymised_refusal())


def perform(request, form, service, *, success: str = "", as_data: bool = False, **kwargs):
    """Validate ``form`` (or none), call ``service(actor=request.user, **kwargs, **form.cleaned_data)`` (or with
    ``data=form.cleaned_data`` when ``as_data``) and report the outcome as a message. Returns the service's result,
    or ``None`` when the form or the service refused (an anonymised case always refuses)."""
    if any(is_anonymised(value) for value in kwargs.values()):
        messages.error(request, anonymised_refusal())
        return None
    if form is not None and not form.is_valid():
        messages.error(request, form_errors_text(form))
        return None
    try:
        result = service(actor=request.user, **kwargs, **_input(form, as_data))
    except REFUSALS as exc:
        messages.error(request, message_of(exc))
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True


def save_form(request, form, service, *, as_data: bool = False, **kwargs):
    """For a page that shows its form again on error: validate, call the service, and put its refusal on the
    form (nothing typed is lost). Returns the service's result, or ``None``."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        _refuse_anonymised(kwargs)
        result = service(actor=request.user, **kwargs, **_input(form, as_data))
    except REFUSALS as exc:
        show_errors(request, exc, form)
        return None
    return result if result is not None else True


def action_view(*, access, service, success: str, name: str, form=None, prefix: str = "", form_kwargs=None,
                back=None, as_data: bool = False):
    """The whole view for a one-button (or one-form) step on an object, built from its parts:

        case_note = _handler(actions.action_view(access=queries.access_case, form=NoteForm, prefix="note",
                                                 service=services.add_note, name="application",
                                                 success=_("Noten er gemt.")))

    POST only; ``access(user, pk)`` answers 404 for missing and not-yours alike; the form is built with
    ``form_kwargs(obj)`` when given (e.g. a queryset limited to the object); the service gets the object as
    ``name``; afterwards back to ``back(obj)`` (default: the object's staff page)."""
    from django.shortcuts import redirect
    from django.views.decorators.http import require_POST

    @require_POST
    def view(request, pk):
        obj = access(request.user, pk)
        kwargs = {"prefix": prefix or None, **(form_kwargs(obj) if form_kwargs else {})}
        bound = form(request.POST, request.FILES, **kwargs) if form is not None else None
        perform(request, bound, service, success=success, as_data=as_data, **{name: obj})
        return redirect(back(obj) if back else obj.get_staff_url())

    return view
