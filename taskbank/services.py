"""Every write in the task bank: each checks who may do it, keeps the invariants in a transaction,
records state changes and queues e-mails after commit."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.accounts import workflow as accounts_workflow
from frivillig.accounts.roles import task_poster_ids
from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import search, workflow
from .models import (
    ApplicationMessage,
    ApplicationStatusChange,
    Event,
    EventSignup,
    Idea,
    IdeaStatusChange,
    SavedSearch,
    Task,
    TaskApplication,
    TaskQuestion,
    TaskStatusChange,
)
from .queries import accepted_count, places_left

__all__ = ["accepted_count", "places_left"]  # reads the services use, kept importable from here

TASK_FIELDS = [
    "title", "summary", "description", "area", "town", "address", "target_groups", "competences", "kind",
    "starts_on", "ends_on", "schedule", "hours_per_week", "volunteers_wanted", "min_age",
    "requires_child_certificate", "language_requirements", "contact", "expires_on",
]


def update_search_vector(task_ids) -> None:
    """Index the tasks for search (what is indexed: taskbank/search.py)."""
    search.reindex(task_ids)


@transaction.atomic
def save_task(*, actor, institution, data: dict, task: Task | None = None) -> Task:
    """Create a draft task or edit one of the actor's institution's tasks."""
    wf.require(workflow.posts_for, actor, institution)
    if task is not None:
        wf.require(workflow.is_task_staff, actor, task)
    task = task or Task(institution=institution)
    for field in TASK_FIELDS:
        if field in data:
            setattr(task, field, data[field])
    task.institution = institution
    if task.contact_id and task.institution_id not in task_poster_ids(task.contact):
        raise ValidationError({"contact": _("Kontaktpersonen skal være medarbejder på institutionen eller "
                                            "repræsentant for foreningen.")})
    task.full_clean()
    task.save()
    update_search_vector([task.pk])
    return task


def _move_task(task, to, actor, reason=""):
    return wf.move(task, to=to, actor=actor, reason=reason, transitions=workflow.TASK_TRANSITIONS,
                   log_model=TaskStatusChange, extra_update_fields=("published_at", "closed_at"))


@transaction.atomic
def change_task_status(*, actor, task: Task, to: str, reason: str = "") -> Task:
    task = Task.objects.select_for_update().get(pk=task.pk)
    if to == Task.Status.PUBLISHED:
        if task.expires_on < timezone.localdate():
            raise ValidationError(_("Udløbsdatoen er passeret. Vælg en ny udløbsdato, før opgaven offentliggøres."))
        task.published_at = task.published_at or timezone.now()
    if to in (Task.Status.CLOSED, Task.Status.ARCHIVED):
        task.closed_at = task.closed_at or timezone.now()
    _move_task(task, to, actor, reason)
    return task


@transaction.atomic
def copy_task(*, actor, task: Task) -> Task:
    wf.require(workflow.is_task_staff, actor, task)
    data = {f: getattr(task, f) for f in TASK_FIELDS}
    data["title"] = _("Kopi af %(title)s") % {"title": task.title}
    data["expires_on"] = max(task.expires_on, timezone.localdate())
    return save_task(actor=actor, institution=task.institution, data=data)


# --- applications -------------------------------------------------------------------------------

@transaction.atomic
def apply(*, actor, task: Task, message: str, availability: str, organisation=None,
          group_size: int = 1) -> TaskApplication:
    """Apply as a person, or on behalf of an approved association the actor represents with ``group_size``
    volunteers (an association takes on the task as a group)."""
    wf.require(accounts_workflow.is_verified, actor)
    task = Task.objects.select_for_update().get(pk=task.pk)
    wf.require(workflow.takes_applications, actor, task)
    if organisation is None:
        group_size = 1
    elif group_size < 1:
        raise ValidationError({"group_size": _("Antallet af frivillige skal være mindst 1.")})
    else:
        wf.require(workflow.may_apply_for, actor, organisation)
    if organisation is not None and group_size > places_left(task):
        raise ValidationError({"group_size": _("Opgaven har kun %(n)s ledige pladser.") % {"n": places_left(task)}})
    application = TaskApplication(task=task, applicant=actor, message=message.strip(),
                                  availability=availability.strip(), organisation=organisation, group_size=group_size)
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise ValidationError(_("Du har allerede søgt denne opgave. Se den under “Mine ansøgninger”.")) from None
    wf.start(application, actor=actor, log_model=ApplicationStatusChange)
    notify(to=actor, template="taskbank/email/application_received", key=f"taskbank.received:{application.pk}",
           context={"application": application, "task": task}, obj=application)
    notify(to=task.contact, template="taskbank/email/new_application", key=f"taskbank.new:{application.pk}",
           context={"application": application, "task": task}, obj=application)
    return application


def _move_application(application, to, actor, reason=""):
    return wf.move(application, to=to, actor=actor, reason=reason, transitions=workflow.APPLICATION_TRANSITIONS,
                   log_model=ApplicationStatusChange, extra_update_fields=("decided_at",))


@transaction.atomic
def accept(*, actor, application: TaskApplication) -> TaskApplication:
    """Accept a volunteer. The task row is locked, so two staff accepting the last place at the same
    moment cannot both succeed: the second gets a clear message."""
    task = Task.objects.select_for_update().get(pk=application.task_id)
    application = TaskApplication.objects.select_for_update().get(pk=application.pk)
    wf.require(workflow.is_application_staff, actor, application)
    if accepted_count(task) + application.group_size > task.volunteers_wanted:
        raise ValidationError(_("Opgaven har allerede fået de %(n)s frivillige, den søgte. Ansøgningen kan ikke "
                                "optages, medmindre I hæver antallet.") % {"n": task.volunteers_wanted})
    if task.requires_child_certificate and not application.certificate_checked_on:
        raise ValidationError(_("Opgaven kræver børneattest. Registrér, at attesten er indhentet og vurderet, "
                                "før ansøgeren optages."))
    application.decided_at = timezone.now()
    _move_application(application, TaskApplication.Status.ACCEPTED, actor)
    if accepted_count(task) >= task.volunteers_wanted and task.status == Task.Status.PUBLISHED:
        _move_task(task, Task.Status.FILLED, actor, _("Alle pladser er besat."))
    notify(to=application.applicant, template="taskbank/email/application_accepted",
           key=f"taskbank.accepted:{application.pk}", context={"application": application, "task": task},
           obj=application)
    return application


@transaction.atomic
def decline(*, actor, application: TaskApplication, message: str) -> TaskApplication:
    application = TaskApplication.objects.select_for_update().get(pk=application.pk)
    application.decided_at = timezone.now()
    _move_application(application, TaskApplication.Status.DECLINED, actor, reason=message)
    if message.strip():
        ApplicationMessage.objects.create(application=application, author=actor, from_staff=True, body=message.strip())
    notify(to=application.applicant, template="taskbank/email/application_declined",
           key=f"taskbank.declined:{application.pk}",
           context={"application": application, "task": application.task, "message": message}, obj=application)
    return application


@transaction.atomic
def ask_question(*, actor, application: TaskApplication, body: str) -> ApplicationMessage:
    application = TaskApplication.objects.select_for_update().get(pk=application.pk)
    wf.require(workflow.may_handle_application, actor, application)
    if application.status == TaskApplication.Status.SUBMITTED:
        _move_application(application, TaskApplication.Status.IN_DIALOGUE, actor, reason=_("Spørgsmål til ansøgeren"))
    msg = ApplicationMessage.objects.create(application=application, author=actor, from_staff=True, body=body.strip())
    notify(to=application.applicant, template="taskbank/email/question", key=f"taskbank.question:{msg.pk}",
           context={"application": application, "task": application.task, "body": body}, obj=application)
    return msg


@transaction.atomic
def reply(*, actor, application: TaskApplication, body: str) -> ApplicationMessage:
    wf.require(workflow.may_reply, actor, application)
    msg = ApplicationMessage.objects.create(application=application, author=actor, from_staff=False, body=body.strip())
    notify(to=application.task.contact, template="taskbank/email/reply", key=f"taskbank.reply:{msg.pk}",
           context={"application": application, "task": application.task, "body": body}, obj=application)
    return msg


@transaction.atomic
def withdraw(*, actor, application: TaskApplication) -> TaskApplication:
    application = TaskApplication.objects.select_for_update().get(pk=application.pk)
    _move_application(application, TaskApplication.Status.WITHDRAWN, actor, reason=_("Trukket tilbage af ansøgeren"))
    return application


@transaction.atomic
def record_child_certificate(*, actor, application: TaskApplication, checked_on) -> TaskApplication:
    """The institution records that a child certificate was obtained and assessed. The certificate
    itself and any CPR number are never stored."""
    wf.require(workflow.is_application_staff, actor, application)
    application.certificate_checked_on = checked_on
    application.certificate_checked_by = actor
    application.save(update_fields=["certificate_checked_on", "certificate_checked_by", "updated_at"])
    wf.note(application, actor=actor, log_model=ApplicationStatusChange,
            reason=_("Børneattest indhentet og vurderet %(date)s") % {"date": checked_on.strftime("%d.%m.%Y")})
    return application


# --- ideas --------------------------------------------------------------------------------------

@transaction.atomic
def submit_idea(*, actor, title: str, description: str, area: str = "", organisation=None) -> Idea:
    wf.require(accounts_workflow.is_verified, actor)
    if organisation is not None:
        wf.require(workflow.may_suggest_for, actor, organisation)
    idea = Idea(proposer=actor, title=title.strip(), description=description.strip(), area=area,
                organisation=organisation)
    idea.full_clean()
    idea.save()
    wf.start(idea, actor=actor, log_model=IdeaStatusChange)
    notify(to=actor, template="taskbank/email/idea_received", key=f"taskbank.idea:{idea.pk}",
           context={"idea": idea}, obj=idea)
    return idea


@transaction.atomic
def triage_idea(*, actor, idea: Idea, to: str, answer: str = "", task: Task | None = None) -> Idea:
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if to in (Idea.Status.ANSWERED, Idea.Status.REJECTED) and not answer.strip():
        raise ValidationError({"answer": _("Skriv et svar til forslagsstilleren.")})
    idea.answer = answer.strip() or idea.answer
    idea.task = task or idea.task
    idea.save(update_fields=["answer", "task", "updated_at"])
    wf.move(idea, to=to, actor=actor, reason=answer, transitions=workflow.IDEA_TRANSITIONS,
            log_model=IdeaStatusChange)
    if idea.proposer and to != Idea.Status.CONSIDERING:
        notify(to=idea.proposer, template="taskbank/email/idea_answered", key=f"taskbank.idea_answer:{idea.pk}:{to}",
               context={"idea": idea}, obj=idea)
    return idea


# --- events and saved searches --------------------------------------------------------------------

@transaction.atomic
def sign_up(*, actor, event: Event) -> EventSignup:
    wf.require(workflow.is_signed_in, actor)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise ValidationError(_("Arrangementet er aflyst."))
    if event.signups.filter(user=actor).exists():
        raise ValidationError(_("Du er allerede tilmeldt."))
    if event.signups.count() >= event.capacity:
        raise ValidationError(_("Arrangementet er fuldt booket."))
    signup = EventSignup.objects.create(event=event, user=actor)
    notify(to=actor, template="taskbank/email/event_signup", key=f"taskbank.event_signup:{signup.pk}",
           context={"event": event}, obj=event)
    return signup


@transaction.atomic
def cancel_signup(*, actor, event: Event) -> None:
    EventSignup.objects.filter(event=event, user=actor).delete()


def save_search(*, actor, name: str, query: str) -> SavedSearch:
    wf.require(accounts_workflow.is_verified, actor)
    return SavedSearch.objects.create(user=actor, name=name.strip()[:120] or _("Min søgning"), query=query[:1000],
                                      last_sent_at=timezone.now())


def unsubscribe(*, token: str) -> bool:
    deleted, _ignored = SavedSearch.objects.filter(unsubscribe_token=token).delete()
    return bool(deleted)


# --- moderation and questions ------------------------------------------------------------------------

@transaction.atomic
def approve_task(*, actor, task: Task) -> Task:
    """A moderator approves an association's first task: it goes public."""
    return _moderate(actor, task, workflow.may_approve, Task.Status.PUBLISHED, "approve", "")


@transaction.atomic
def send_back_task(*, actor, task: Task, reason: str) -> Task:
    """A moderator sends a task back to its poster as a draft, with a reason e-mailed to the contact."""
    return _moderate(actor, task, workflow.may_send_back, Task.Status.DRAFT, "send_back", reason)


@transaction.atomic
def unpublish_task(*, actor, task: Task, reason: str) -> Task:
    """A moderator takes a task off the portal (closed), with a reason e-mailed to the contact."""
    return _moderate(actor, task, workflow.may_unpublish, Task.Status.CLOSED, "unpublish", reason)


def _moderate(actor, task, check, to, action, reason):
    """The Culture department (the Volunteer Centre for associations' tasks) moderates; the contact gets one
    e-mail per step."""
    task = Task.objects.select_for_update().select_related("institution", "contact").get(pk=task.pk)
    wf.require(check, actor, task)
    if action != "approve" and not reason.strip():
        raise ValidationError({"reason": _("Skriv en begrundelse til den, der har slået opgaven op.")})
    if to == Task.Status.PUBLISHED:
        if task.expires_on < timezone.localdate():
            raise ValidationError(_("Udløbsdatoen er passeret. Bed foreningen vælge en ny udløbsdato."))
        task.published_at = task.published_at or timezone.now()
    if to == Task.Status.CLOSED:
        task.closed_at = task.closed_at or timezone.now()
    change = _move_task(task, to, actor, reason.strip())
    notify(to=task.contact, template="taskbank/email/task_moderated", key=f"taskbank.moderated:{change.pk}",
           context={"task": task, "action": action, "reason": reason.strip()}, obj=task)
    return task


@transaction.atomic
def ask_contact(*, actor, task: Task, body: str) -> TaskQuestion:
    """A verified person asks the task's contact a question through the portal. The e-mail has the asker as
    Reply-To, so the contact answers by e-mail; the contact's address is never shown to the asker."""
    wf.require(accounts_workflow.is_verified, actor)
    wf.require(workflow.takes_questions, actor, task)
    question = TaskQuestion(task=task, asker=actor, body=body.strip())
    question.full_clean()
    question.save()
    notify(to=task.contact, template="taskbank/email/task_question", key=f"taskbank.task_question:{question.pk}",
           context={"task": task, "question": question, "asker": actor}, obj=task,
           headers={"Reply-To": actor.email})
    return question


def delete_saved_search(*, actor, pk: int) -> int:
    """A person deletes one of their own saved searches (someone else's id deletes nothing)."""
    deleted, _rows = SavedSearch.objects.filter(pk=pk, user=actor).delete() if actor.is_authenticated else (0, {})
    return deleted
