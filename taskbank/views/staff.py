import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import institutions_of, is_culture_admin, is_institution_staff
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required
from frivillig.core.workflow import TransitionNotAllowed, allowed_targets

from .. import queries, services, workflow
from ..forms import CertificateForm, DeclineForm, MessageForm, TaskForm, TriageForm
from ..models import Idea, Task, TaskApplication

_staff = role_required(lambda user: is_institution_staff(user) or is_culture_admin(user))


def _errors(request, exc):
    messages.error(request, " ".join(getattr(exc, "messages", None) or [getattr(exc, "message", str(exc))]))


@_staff
def home(request):
    tasks = queries.staff_tasks(request.user).order_by("status", "-updated_at")
    page = Paginator(queries.with_list_data(tasks), 25).get_page(request.GET.get("side"))
    waiting = queries.inbox(request.user).filter(status__in=[TaskApplication.Status.SUBMITTED,
                                                             TaskApplication.Status.IN_DIALOGUE])
    shown = list(waiting[:20])
    log_access(actor=request.user, subjects=[a.applicant_id for a in shown], reason=_("Indbakke: ansøgninger"),
               request=request)
    return render(request, "taskbank/staff/home.html", {
        "page": page, "institutions": institutions_of(request.user), "waiting": shown,
        "waiting_count": waiting.count()})


@_staff
def task_create(request, institution_pk):
    institution = get_object_or_404(institutions_of(request.user), pk=institution_pk)
    form = TaskForm(request.POST or None, institution=institution, initial={"contact": request.user})
    if request.method == "POST" and form.is_valid():
        try:
            task = services.save_task(actor=request.user, institution=institution, data=form.cleaned_data)
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, _("Opgaven er gemt som kladde. Se forhåndsvisningen, og offentliggør den."))
            return redirect(task.get_staff_url())
    return render(request, "taskbank/staff/task_form.html", {"form": form, "institution": institution})


@_staff
def task_edit(request, pk):
    task = queries.access_staff_task(request.user, pk)
    form = TaskForm(request.POST or None, instance=task, institution=task.institution)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_task(actor=request.user, institution=task.institution, data=form.cleaned_data,
                               task=queries.access_staff_task(request.user, pk))
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(task.get_staff_url())
    return render(request, "taskbank/staff/task_form.html", {"form": form, "institution": task.institution,
                                                              "task": task})


@_staff
def task_detail(request, pk):
    task = queries.access_staff_task(request.user, pk, manage=False)
    applications = task.applications.select_related("applicant").order_by("-created_at")
    if workflow.is_task_staff(request.user, task):
        log_access(actor=request.user, subjects=[a.applicant for a in applications],
                   reason=_("Behandling af ansøgninger til opgaven “%(t)s”") % {"t": task.title}, request=request)
    else:
        applications = applications.none()
    return render(request, "taskbank/staff/task_detail.html", {
        "task": task, "applications": applications, "places_left": services.places_left(task),
        "targets": allowed_targets(task, request.user, workflow.TASK_TRANSITIONS),
        "history": task.status_changes.select_related("actor"), "can_manage": workflow.is_task_staff(request.user, task)})


@_staff
@require_POST
def task_status(request, pk):
    task = queries.access_staff_task(request.user, pk)
    try:
        services.change_task_status(actor=request.user, task=task, to=request.POST.get("to", ""),
                                    reason=request.POST.get("reason", ""))
    except (ValidationError, TransitionNotAllowed, PermissionDenied) as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Opgavens status er ændret."))
    return redirect(task.get_staff_url())


@_staff
@require_POST
def task_copy(request, pk):
    task = queries.access_staff_task(request.user, pk)
    copy = services.copy_task(actor=request.user, task=task)
    messages.success(request, _("Opgaven er kopieret som en ny kladde."))
    return redirect(copy.get_staff_url())


@_staff
def task_preview(request, pk):
    task = queries.access_staff_task(request.user, pk)
    return render(request, "taskbank/task_detail.html", {
        "task": task, "places_left": services.places_left(task), "related": [], "preview": True})


@_staff
def application_detail(request, pk):
    application = queries.access_staff_application(request.user, pk)
    log_access(actor=request.user, subjects=[application.applicant],
               reason=_("Behandling af ansøgning til “%(t)s”") % {"t": application.task.title}, request=request)
    return render(request, "taskbank/staff/application.html", {
        "application": application, "task": application.task,
        "messages_list": application.messages.select_related("author"),
        "history": application.status_changes.select_related("actor"),
        "question_form": MessageForm(), "decline_form": DeclineForm(), "certificate_form": CertificateForm(),
        "places_left": services.places_left(application.task)})


@_staff
@require_POST
def application_action(request, pk, action):
    application = queries.access_staff_application(request.user, pk)
    try:
        if action == "optag":
            services.accept(actor=request.user, application=application)
            messages.success(request, _("Ansøgeren er optaget og har fået besked."))
        elif action == "afslaa":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Skriv en besked til ansøgeren."))
                return redirect(application.get_staff_url())
            services.decline(actor=request.user, application=application, message=form.cleaned_data["message"])
            messages.success(request, _("Ansøgningen er afslået, og ansøgeren har fået besked."))
        elif action == "spoerg":
            form = MessageForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Skriv dit spørgsmål."))
                return redirect(application.get_staff_url())
            services.ask_question(actor=request.user, application=application, body=form.cleaned_data["body"])
            messages.success(request, _("Dit spørgsmål er sendt til ansøgeren."))
        elif action == "boerneattest":
            form = CertificateForm(request.POST)
            if not form.is_valid():
                messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
                return redirect(application.get_staff_url())
            services.record_child_certificate(actor=request.user, application=application,
                                              checked_on=form.cleaned_data["checked_on"])
            messages.success(request, _("Det er registreret, at børneattesten er indhentet og vurderet."))
        else:
            raise Http404
    except (ValidationError, TransitionNotAllowed, PermissionDenied) as exc:
        _errors(request, exc)
    return redirect(application.get_staff_url())


@_staff
def volunteers_csv(request):
    """Only what the institution needs: name, e-mail, phone and task of accepted volunteers."""
    rows = (TaskApplication.objects.filter(status=TaskApplication.Status.ACCEPTED,
                                           task__institution__in=institutions_of(request.user))
            .select_related("applicant", "task").order_by("task__title"))
    log_access(actor=request.user, subjects=[r.applicant for r in rows], reason=_("Eksport af frivillige (CSV)"),
               request=request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="frivillige.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Navn"), _("E-mail"), _("Telefon"), _("Opgave")])
    for r in rows:
        if r.applicant:
            writer.writerow([_csv_safe(v) for v in (r.applicant.get_full_name(), r.applicant.email, r.applicant.phone,
                                                     r.task.title)])
    return response


def _csv_safe(value: str) -> str:
    """Neutralise spreadsheet formulas in user-provided text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# --- ideas (Culture department) ---------------------------------------------------------------------

_triager = role_required(is_culture_admin)


@_triager
def idea_inbox(request):
    ideas = Idea.objects.select_related("proposer", "organisation").order_by("status", "-created_at")
    status = request.GET.get("status")
    if status in Idea.Status.values:
        ideas = ideas.filter(status=status)
    page = Paginator(ideas, 25).get_page(request.GET.get("side"))
    log_access(actor=request.user, subjects=[i.proposer_id for i in page], reason=_("Idéer: indbakke"), request=request)
    return render(request, "taskbank/staff/idea_inbox.html", {"page": page, "statuses": Idea.Status.choices,
                                                               "status": status})


@_triager
def idea_triage(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("proposer"), pk=pk)
    form = TriageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.triage_idea(actor=request.user, idea=idea, to=form.cleaned_data["status"],
                                 answer=form.cleaned_data["answer"], task=form.cleaned_data["task"])
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        except TransitionNotAllowed as exc:
            form.add_error("status", exc.message)
        else:
            messages.success(request, _("Idéen er opdateret, og forslagsstilleren har fået besked."))
            return redirect("taskbank:staff_idea", pk=idea.pk)
    if idea.proposer:
        log_access(actor=request.user, subjects=[idea.proposer], reason=_("Behandling af idé"), request=request)
    return render(request, "taskbank/staff/idea.html", {"idea": idea, "form": form,
                                                         "history": idea.status_changes.select_related("actor")})


__all__ = ["Task"]
