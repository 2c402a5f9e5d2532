"""The hook from the task bank's acceptance: when an application becomes "Optaget", the task's contact person is
asked (once) to write the volunteer agreement. Nothing is changed behind anyone's back: the agreement itself is
written by the staff through services.start_agreement."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from frivillig.core.notify import notify
from taskbank.models import ApplicationStatusChange, Event, TaskApplication


@receiver(post_save, sender=ApplicationStatusChange, dispatch_uid="engagement.ask_for_agreement")
def ask_for_agreement(sender, instance, created, **kwargs):
    if not created or instance.to_status != TaskApplication.Status.ACCEPTED:
        return
    application = instance.subject
    if application.task.contact_id and application.applicant_id:
        notify(to=application.task.contact, template="engagement/email/write_agreement",
               key=f"engagement.write_agreement:{application.pk}", context={"application": application},
               obj=application)


@receiver(post_save, sender=Event, dispatch_uid="engagement.event_cancelled")
def cancel_sessions_of_cancelled_event(sender, instance, created, **kwargs):
    """An event that is cancelled takes its helpers' sessions with it; each helper is told once."""
    if instance.cancelled_at is not None:
        from .services import cancel_sessions_of_event

        cancel_sessions_of_event(instance)
