"""Every write about what volunteers offer: each checks who may do it (workflow.py) in a transaction."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core import workflow as wf
from frivillig.core.notify import notify
from taskbank import services as taskbank
from taskbank.models import Task

from . import workflow
from .models import CONSENT_DAYS, Campaign, EmbedSite, Invitation, InvitationStatusChange, Profile

PROFILE_FIELDS = ("interests", "competences", "towns", "availability", "hours_per_week", "target_groups", "can_do",
                  "wants_digest")
CAMPAIGN_FIELDS = ("slug", "title", "intro", "starts_on", "ends_on", "target_groups", "areas", "towns",
                   "is_published")


def _signed_in(actor):
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Log ind for at udfylde din frivilligprofil."))


@transaction.atomic
def save_profile(*, actor, data: dict) -> Profile:
    """Create or change the actor's own profile. Saving never gives consent to be found: that is its own step."""
    _signed_in(actor)
    profile, _created = Profile.objects.select_for_update().get_or_create(user=actor)
    wf.require(workflow.is_owner, actor, profile)
    for field in PROFILE_FIELDS:
        if field in data:
            value = data[field]
            setattr(profile, field, value.strip() if isinstance(value, str) else value)
    profile.full_clean()
    profile.save()
    return profile


def _own_profile(actor) -> Profile:
    _signed_in(actor)
    profile = Profile.objects.select_for_update().filter(user=actor).first()
    if profile is None:
        raise ValidationError(_("Udfyld din profil først."))
    return profile


@transaction.atomic
def give_consent(*, actor, consent: bool = True) -> Profile:
    """She agrees to be found by staff for CONSENT_DAYS; afterwards she is hidden until she agrees again."""
    if not consent:
        raise ValidationError(_("Sæt kryds for at sige ja."))
    profile = _own_profile(actor)
    if not (profile.competences or profile.can_do.strip()):
        raise ValidationError(_("Skriv mindst én kompetence eller hvad du kan, så medarbejderne ved, hvad de "
                                "finder dig for."))
    now = timezone.now()
    profile.consented_at = now
    profile.findable_until = now + timedelta(days=CONSENT_DAYS)
    profile.save(update_fields=["consented_at", "findable_until", "updated_at"])
    return profile


@transaction.atomic
def withdraw_consent(*, actor) -> Profile:
    """Hides her at once: every staff search and profile page asks ``findable_until``."""
    profile = _own_profile(actor)
    profile.consented_at = None
    profile.findable_until = None
    profile.save(update_fields=["consented_at", "findable_until", "updated_at"])
    return profile


@transaction.atomic
def delete_profile(*, actor) -> None:
    _own_profile(actor).delete()


# --- invitations ---------------------------------------------------------------------------------------------

@transaction.atomic
def invite(*, actor, profile: Profile, task: Task, message: str, accept_directly: bool = False) -> Invitation:
    """Invite a volunteer who has agreed to be found to one of the actor's published tasks; once per task."""
    wf.require(workflow.may_find_volunteers, actor)
    profile = Profile.objects.select_for_update().get(pk=profile.pk)
    wf.require(workflow.may_see_profile, actor, profile)
    wf.require(workflow.may_invite_to, actor, task)
    invitation = Invitation(task=task, volunteer_id=profile.user_id, inviter=actor, message=message.strip(),
                            accept_directly=accept_directly)
    invitation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise ValidationError(_("Den frivillige er allerede inviteret til opgaven.")) from None
    wf.start(invitation, actor=actor, log_model=InvitationStatusChange)
    notify(to=profile.user, template="volunteers/email/invitation", key=f"volunteers.invitation:{invitation.pk}",
           context={"invitation": invitation, "task": task}, obj=invitation)
    return invitation


def _answer(invitation, to, actor):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation.answered_at = timezone.now()
    wf.move(invitation, to=to, actor=actor, transitions=workflow.INVITATION_TRANSITIONS,
            log_model=InvitationStatusChange, extra_update_fields=("answered_at",))
    return invitation


@transaction.atomic
def accept_invitation(*, actor, invitation: Invitation):
    """Her yes becomes an application to the task; accepted at once when the inviter said so and the task's rules
    allow it (a place left, a child certificate not needed), else it waits like any other application."""
    invitation = _answer(invitation, Invitation.Status.ACCEPTED, actor)
    application = taskbank.apply(actor=actor, task=invitation.task,
                                 message=_("Ja tak til jeres invitation."), availability=_availability(actor))
    if invitation.accept_directly and invitation.inviter is not None:
        try:
            with transaction.atomic():
                application = taskbank.accept(actor=invitation.inviter, application=application)
        except (ValidationError, PermissionDenied):
            pass  # the inviter decides it as an ordinary application
    invitation.application = application
    invitation.save(update_fields=["application", "updated_at"])
    _tell_inviter(invitation)
    return application


@transaction.atomic
def decline_invitation(*, actor, invitation: Invitation) -> Invitation:
    invitation = _answer(invitation, Invitation.Status.DECLINED, actor)
    _tell_inviter(invitation)
    return invitation


def _availability(user) -> str:
    profile = Profile.objects.filter(user=user).first()
    labels = profile.availability_labels() if profile else []
    return ", ".join(labels) or "–"


def _tell_inviter(invitation):
    if invitation.inviter is not None:
        notify(to=invitation.inviter, template="volunteers/email/invitation_answered",
               key=f"volunteers.answered:{invitation.pk}", context={"invitation": invitation, "task": invitation.task},
               obj=invitation)


# --- campaigns -----------------------------------------------------------------------------------------------

@transaction.atomic
def save_campaign(*, actor, data: dict, campaign: Campaign | None = None) -> Campaign:
    wf.require(workflow.is_campaign_editor, actor, campaign)
    campaign = campaign or Campaign()
    for field in CAMPAIGN_FIELDS:
        if field in data:
            setattr(campaign, field, data[field])
    campaign.is_example = False  # the department's own words now
    campaign.full_clean()
    campaign.save()
    if "tasks" in data:
        campaign.tasks.set(data["tasks"])
    return campaign


# --- embeds --------------------------------------------------------------------------------------------------

def normalise_origin(value: str) -> str:
    """``https://www.rudersdal.dk/`` → ``https://www.rudersdal.dk``: only scheme, host and port may be allowed."""
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise ValidationError({"origin": _("Skriv kun skema og værtsnavn, fx https://www.rudersdal.dk.")})
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


@transaction.atomic
def add_embed_site(*, actor, origin: str, name: str) -> EmbedSite:
    wf.require(workflow.is_embed_keeper, actor)
    site = EmbedSite(origin=normalise_origin(origin), name=name.strip())
    site.full_clean()
    site.save()
    return site


@transaction.atomic
def remove_embed_site(*, actor, site: EmbedSite) -> None:
    wf.require(workflow.is_embed_keeper, actor, site)
    site.delete()
