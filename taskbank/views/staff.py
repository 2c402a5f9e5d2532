import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from frivillig.accounts.roles import posting_organisations_of
from frivillig.core import actions
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required
from frivillig.core.labels import choice_labels
from frivillig.core.text import formula_safe
from frivillig.core.workflow import allowed_targets

from .. import queries, services, workflow
from ..forms import CertificateForm, DeclineForm, MessageForm, ModerationForm, TaskForm, TaskStatusForm, TriageForm
from ..models import Idea, Task, TaskApplication

_staff = role_required(workflow.works_in_task_bank)


@_staff
def home(request):
    # The rows as plain values of only the columns the page shows (45 rows a request).
    mine = queries.staff_tasks(request.user)
    tasks = queries.with_list_data(mine.order_by("status", "-updated_at")).values_list(*queries.INBOX_TASK_COLUMNS)
    waiting = queries.inbox(request.user).filter(status__in=[TaskApplication.Status.SUBMITTED,
                                                             TaskApplication.Status.IN_DIALOGUE])
    # Both counts in one query: the tasks (without the rows' join), the waiting applications up to WAITING_CAP
    # (beyond that the heading says "over 1.000" rather than counting them all).
    paginator = Paginator(tasks, 25)
    paginator.count, waiting_count, waiting_capped = queries.inbox_counts(mine, waiting, queries.WAITING_CAP)
    page = paginator.get_page(request.GET.get("side"))
    page.object_list = queries.inbox_task_rows(page.object_list)
    shown = queries.inbox_application_rows(waiting.values_list(*queries.INBOX_APPLICATION_COLUMNS)[:20])
    log_access(actor=request.user, subjects=[a["applicant_id"] for a in shown], reason=gettext_noop("Indbakke: ansøgninger"),
               request=request)
    return render(request, "taskbank/staff/home.html", {
        "page": page, "institutions": posting_organisations_of(request.user).only("name"), "waiting": shown,
        "waiting_count": waiting_count, "waiting_capped": waiting_capped,
        "review": queries.review_queue(request.user)[:50]})


@_staff
def task_create(request, institution_pk):
    institution = get_object_or_404(posting_organisations_of(request.user), pk=institution_pk)
    form = TaskForm(request.POST or None, institution=institution, initial={"contact": request.user})
    if task := actions.save_form(request, form, services.save_task, institution=institution, as_data=True):
        messages.success(request, _("Opgaven er gemt som kladde. Se forhåndsvisningen, og offentliggør den."))
        return redirect(task.get_staff_url())
    return render(request, "taskbank/staff/task_form.html", {"form": form, "institution": institution})


@_staff
def task_edit(request, pk):
    task = queries.access_staff_task(request.user, pk)
    form = TaskForm(request.POST or None, instance=task, institution=task.institution)
    if actions.save_form(request, form, services.save_task, institution=task.institution, as_data=True,
                         task=queries.access_staff_task(request.user, pk)):
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
                   reason=gettext_noop("Behandling af ansøgninger til opgaven “%(t)s”") % {"t": task.title}, request=request)
    else:
        applications = applications.none()
    labels = choice_labels(Task, "status")
    return render(request, "taskbank/staff/task_detail.html", {
        "task": task, "applications": applications, "places_left": queries.places_left(task),
        "targets": [(to, labels[to]) for to in allowed_targets(task, request.user, workflow.TASK_TRANSITIONS)],
        "history": task.status_changes.select_related("actor"), "moderation_form": ModerationForm()})


@_staff
@require_POST
def task_status(request, pk):
    task = queries.access_staff_task(request.user, pk)
    actions.perform(request, TaskStatusForm(request.POST), services.change_task_status, task=task,
                    success=_("Opgavens status er ændret."))
    return redirect(task.get_staff_url())


@_staff
@require_POST
def task_copy(request, pk):
    task = queries.access_staff_task(request.user, pk)
    copy = actions.perform(request, None, services.copy_task, task=task,
                           success=_("Opgaven er kopieret som en ny kladde."))
    return redirect((copy or task).get_staff_url())


@_staff
def task_preview(request, pk):
    task = queries.access_staff_task(request.user, pk)
    return render(request, "taskbank/task_detail.html", {
        "task": task, "places_left": queries.places_left(task), "related": [], "preview": True})


@_staff
def application_detail(request, pk):
    application = queries.access_staff_application(request.user, pk)
    log_access(actor=request.user, subjects=[application.applicant],
               reason=gettext_noop("Behandling af ansøgning til “%(t)s”") % {"t": application.task.title}, request=request)
    return render(request, "taskbank/staff/application.html", {
        "application": application, "task": application.task, "contact": queries.applicant_contact(application),
        "messages_list": application.messages.select_related("author"),
        "history": application.status_changes.select_related("actor"),
        "question_form": MessageForm(), "decline_form": DeclineForm(), "certificate_form": CertificateForm(),
        "places_left": queries.places_left(application.task)})


def _application_step(form=None, *, service, success):
    """A step on an application: one URL, one form (or none), one service; back to the application."""
    return _staff(actions.action_view(access=queries.access_staff_application, form=form, service=service,
                                      name="application", success=success))


application_accept = _application_step(service=services.accept, success=_("Ansøgeren er optaget og har fået besked."))
application_decline = _application_step(DeclineForm, service=services.decline,
                                        success=_("Ansøgningen er afslået, og ansøgeren har fået besked."))
application_question = _application_step(MessageForm, service=services.ask_question,
                                         success=_("Dit spørgsmål er sendt til ansøgeren."))
application_certificate = _application_step(CertificateForm, service=services.record_child_certificate,
                                            success=_("Det er registreret, at børneattesten er indhentet og vurderet."))


@_staff
def volunteers_csv(request):
    """Only what the institution needs: name, e-mail, phone and task of accepted volunteers."""
    rows = (TaskApplication.objects.filter(status=TaskApplication.Status.ACCEPTED,
                                           task__institution__in=posting_organisations_of(request.user))
            .select_related("applicant", "task").order_by("task__title"))
    log_access(actor=request.user, subjects=[r.applicant for r in rows], reason=gettext_noop("Eksport af frivillige (CSV)"),
               request=request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="frivillige.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Navn"), _("E-mail"), _("Telefon"), _("Opgave")])
    for r in rows:
        if r.applicant:
            writer.writerow([formula_safe(v) for v in (r.applicant.get_full_name(), r.applicant.email, r.applicant.phone,
                                                     r.task.title)])
    return response




# --- ideas (Culture department) ---------------------------------------------------------------------

_triager = role_required(workflow.is_triager)


@_triager
def idea_inbox(request):
    ideas = Idea.objects.select_related("proposer", "organisation").order_by("status", "-created_at")
    status = request.GET.get("status")
    if status in Idea.Status.values:
        ideas = ideas.filter(status=status)
    page = Paginator(ideas, 25).get_page(request.GET.get("side"))
    log_access(actor=request.user, subjects=[i.proposer_id for i in page], reason=gettext_noop("Idéer: indbakke"), request=request)
    return render(request, "taskbank/staff/idea_inbox.html", {"page": page, "statuses": Idea.Status.choices,
                                                               "status": status})


@_triager
def idea_triage(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("proposer"), pk=pk)
    form = TriageForm(request.POST or None)
    if actions.save_form(request, form, services.triage_idea, idea=idea):
        messages.success(request, _("Idéen er opdateret, og forslagsstilleren har fået besked."))
        return redirect("taskbank:staff_idea", pk=idea.pk)
    if idea.proposer:
        log_access(actor=request.user, subjects=[idea.proposer], reason=gettext_noop("Behandling af idé"), request=request)
    return render(request, "taskbank/staff/idea.html", {"idea": idea, "form": form,
                                                         "history": idea.status_changes.select_related("actor")})


__all__ = ["Task"]
