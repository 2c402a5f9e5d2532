"""Every write of the network app."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.accounts import services as account_services
from frivillig.accounts.models import Role, RoleAssignment
from frivillig.core import pdf
from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import workflow
from .models import (
    AgendaItem,
    Agreement,
    AnnualReport,
    Body,
    FollowUp,
    Meeting,
    MeetingDocument,
    Membership,
    Obligation,
    ObligationSelfReport,
    ObligationStatus,
    Priority,
    PriorityLink,
    PriorityReview,
    PriorityStatusChange,
    PriorityUpdate,
    Proposal,
    ProposalComment,
    ProposalStatusChange,
)

BODY_ROLE = {Body.Kind.STEERING: Role.STEERING_MEMBER, Body.Kind.NETWORK: Role.NETWORK_MEMBER}


@transaction.atomic
def add_member(*, actor, body: Body, user, organisation=None, area: str = "", title: str = "", is_chair=False) -> Membership:
    """Membership of a body also grants the matching portal role, so permissions have one source."""
    wf.require(workflow.runs_network, actor)
    membership, _created = Membership.objects.update_or_create(
        body=body, user=user, defaults={"organisation": organisation, "area": area, "title": title, "is_chair": is_chair})
    account_services.grant_role(actor=actor, user=user, role=BODY_ROLE[body.kind], organisation=organisation,
                                title=title, area=area)
    return membership


@transaction.atomic
def remove_member(*, actor, membership: Membership) -> None:
    wf.require(workflow.runs_network, actor)
    role = BODY_ROLE[membership.body.kind]
    for assignment in RoleAssignment.objects.filter(user=membership.user, role=role):
        account_services.revoke_role(actor=actor, assignment=assignment)
    membership.delete()


@transaction.atomic
def create_proposal(*, actor, title: str, summary: str) -> Proposal:
    wf.require(workflow.is_member, actor)
    proposal = Proposal.objects.create(title=title.strip(), summary=summary.strip(), author=actor)
    wf.start(proposal, actor=actor, log_model=ProposalStatusChange)
    return proposal


def comment(*, actor, proposal: Proposal, body: str) -> ProposalComment:
    wf.require(workflow.is_member, actor)
    return ProposalComment.objects.create(proposal=proposal, author=actor, body=body.strip())


def next_steering_meeting():
    body = Body.objects.filter(kind=Body.Kind.STEERING).first()
    return body and body.meetings.filter(starts_at__gte=timezone.now()).order_by("starts_at").first()


@transaction.atomic
def forward_proposal(*, actor, proposal: Proposal, reason: str = "") -> Proposal:
    """The Culture department sends a proposal to the steering group: it goes on the next meeting's agenda."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    wf.move(proposal, to=Proposal.Status.FORWARDED, actor=actor, reason=reason,
            transitions=workflow.PROPOSAL_TRANSITIONS, log_model=ProposalStatusChange)
    meeting = next_steering_meeting()
    if meeting is not None:
        AgendaItem.objects.create(meeting=meeting, order=meeting.agenda.count() + 1,
                                  title=_("Forslag fra netværket: %(t)s") % {"t": proposal.title},
                                  description=proposal.summary, proposal=proposal)
    return proposal


@transaction.atomic
def propose_priority(*, actor, title: str, description: str, year: int, proposal: Proposal | None = None) -> Priority:
    wf.require(workflow.decides, actor)
    priority = Priority.objects.create(year=year, title=title, description=description, proposal=proposal)
    wf.start(priority, actor=actor, log_model=PriorityStatusChange)
    if proposal is not None and proposal.status == Proposal.Status.FORWARDED:
        wf.move(proposal, to=Proposal.Status.BECAME_PRIORITY, actor=actor, transitions=workflow.PROPOSAL_TRANSITIONS,
                log_model=ProposalStatusChange)
    return priority


@transaction.atomic
def review(*, actor, priority: Priority, recommendation: str, comment: str = "") -> PriorityReview:
    wf.require(workflow.is_steering, actor)
    if not workflow.may_review(actor, priority):
        raise ValidationError(_("Indsatsområdet er ikke til behandling."))
    obj, _c = PriorityReview.objects.update_or_create(priority=priority, member=actor,
                                                      defaults={"recommendation": recommendation, "comment": comment})
    if priority.status == Priority.Status.PROPOSED:
        wf.move(priority, to=Priority.Status.UNDER_REVIEW, actor=actor, transitions=workflow.PRIORITY_TRANSITIONS,
                log_model=PriorityStatusChange)
    return obj


@transaction.atomic
def decide_priority(*, actor, priority: Priority, to: str, reason: str = "") -> Priority:
    priority = Priority.objects.select_for_update().get(pk=priority.pk)
    if to in (Priority.Status.ADOPTED, Priority.Status.REJECTED) and not reason.strip():
        raise ValidationError(_("Skriv styregruppens begrundelse."))
    if to == Priority.Status.ADOPTED and workflow.decides(actor) and not (adopt := workflow.may_adopt(actor, priority)):
        raise ValidationError(adopt.reason)  # the quorum is not met: a fact about the case, said as the rule says it
    if to == Priority.Status.ADOPTED and priority.status == Priority.Status.UNDER_REVIEW:
        wf.move(priority, to=Priority.Status.RECOMMENDED, actor=actor, transitions=workflow.PRIORITY_TRANSITIONS,
                log_model=PriorityStatusChange)
    priority.decision_reason = reason.strip() or priority.decision_reason
    priority.save(update_fields=["decision_reason", "updated_at"])
    wf.move(priority, to=to, actor=actor, reason=reason, transitions=workflow.PRIORITY_TRANSITIONS,
            log_model=PriorityStatusChange)
    return priority


@transaction.atomic
def create_meeting(*, actor, body: Body, title: str, starts_at, ends_at, place: str) -> Meeting:
    wf.require(workflow.runs_network, actor)
    meeting = Meeting(body=body, title=title, starts_at=starts_at, ends_at=ends_at, place=place)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def add_agenda_item(*, actor, meeting: Meeting, title: str, description: str = "") -> AgendaItem:
    wf.require(workflow.runs_network, actor)
    return AgendaItem.objects.create(meeting=meeting, order=meeting.agenda.count() + 1, title=title,
                                     description=description)


@transaction.atomic
def save_minutes(*, actor, meeting: Meeting, minutes: str) -> Meeting:
    wf.require(workflow.runs_network, actor)
    meeting.minutes = minutes
    meeting.save(update_fields=["minutes"])
    return meeting


@transaction.atomic
def invite(*, actor, meeting: Meeting) -> int:
    wf.require(workflow.runs_network, actor)
    sent = 0
    for m in meeting.body.memberships.select_related("user"):
        if notify(to=m.user, template="network/email/invitation", key=f"network.invite:{meeting.pk}:{m.user_id}",
                  obj=meeting, context={"meeting": meeting}):
            sent += 1
    meeting.invitations_sent_at = timezone.now()
    meeting.save(update_fields=["invitations_sent_at"])
    return sent


@transaction.atomic
def add_document(*, actor, meeting: Meeting, title: str, file) -> MeetingDocument:
    wf.require(workflow.runs_network, actor)
    return MeetingDocument.objects.create(meeting=meeting, title=title, file=file)


@transaction.atomic
def record_follow_up(*, actor, agreement: Agreement, held_on, notes: str, statuses: dict) -> FollowUp:
    """A follow-up meeting on the agreement with a status (met, partly, not met) per obligation."""
    wf.require(workflow.runs_network, actor)
    follow_up = FollowUp.objects.create(agreement=agreement, held_on=held_on, notes=notes)
    for obligation in agreement.obligations.all():
        status, note = statuses.get(obligation.pk, (None, ""))
        if status:
            ObligationStatus.objects.create(follow_up=follow_up, obligation=obligation, status=status, note=note)
    return follow_up


@transaction.atomic
def create_agreement_version(*, actor, period_start, period_end, annual_grant, contacts: str, is_published: bool,
                             centre_obligations: list[str], municipality_obligations: list[str]) -> Agreement:
    """A new version of the cooperation agreement with the Volunteer Centre, numbered after the latest. Earlier
    versions and their follow-ups stay as they were."""
    wf.require(workflow.runs_network, actor)
    errors = {}
    if period_end <= period_start:
        errors["period_end"] = _("Aftalen skal slutte efter, den begynder.")
    if not centre_obligations and not municipality_obligations:
        errors["centre_obligations"] = _("Skriv mindst én forpligtelse.")
    if errors:
        raise ValidationError(errors)
    latest = Agreement.objects.order_by("-version").first()
    try:
        with transaction.atomic():
            agreement = Agreement.objects.create(
                version=(latest.version if latest else 0) + 1, period_start=period_start, period_end=period_end,
                annual_grant=annual_grant, contacts=contacts, is_published=is_published)
    except IntegrityError:
        # Someone else saved a version with the same number a moment ago (the number is unique).
        raise ValidationError(_("En anden har netop gemt en ny version af aftalen. Se den, og prøv igen.")) from None
    Obligation.objects.bulk_create(
        [Obligation(agreement=agreement, party=Obligation.Party.CENTRE, text=t) for t in centre_obligations]
        + [Obligation(agreement=agreement, party=Obligation.Party.MUNICIPALITY, text=t)
           for t in municipality_obligations])
    return agreement


# --- priorities carried out ---------------------------------------------------------------------------------------

@transaction.atomic
def link_priority(*, actor, priority: Priority, target) -> PriorityLink:
    """Link a priority to the task, pool, strategy process or proposal that carries it out. Stored as the target's
    title and internal path (network does not hold foreign keys into the other apps)."""
    wf.require(workflow.runs_network, actor)
    path = target.get_absolute_url()
    existing = priority.links.filter(path=path).first()
    if existing is not None:
        raise ValidationError(_("Indsatsområdet er allerede knyttet til %(t)s.") % {"t": existing.title})
    link = PriorityLink(priority=priority, title=str(target)[:200], path=path)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def record_quarter_status(*, actor, priority: Priority, year: int, quarter: int, status: str,
                          text: str = "") -> PriorityUpdate:
    """The priority's status in one quarter, with a note; recording the quarter again replaces it."""
    wf.require(workflow.runs_network, actor)
    if priority.status != Priority.Status.ADOPTED:
        raise ValidationError(_("Kun et indsatsområde, som styregruppen har anbefalet, får en status pr. kvartal."))
    update = PriorityUpdate(priority=priority, year=year, quarter=quarter, status=status, text=text.strip())
    update.full_clean(validate_unique=False, validate_constraints=False)
    update, _created = PriorityUpdate.objects.update_or_create(
        priority=priority, year=year, quarter=quarter, defaults={"status": status, "text": text.strip()})
    return update


@transaction.atomic
def request_annual_report(*, actor, year: int):
    """The steering group's annual report to the executive board, made as a PDF in Celery."""
    wf.require(workflow.sees_steering_group, actor)
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Vælg et år mellem 2000 og 2100."))
    report, _created = AnnualReport.objects.get_or_create(year=year)
    return pdf.request("network.annual_report", obj=report, version=str(timezone.now().timestamp()))


# --- the Volunteer Centre's own account of the agreement ---------------------------------------------------------

@transaction.atomic
def record_centre_status(*, actor, obligation: Obligation, status: str, note: str = "") -> ObligationSelfReport:
    """The Volunteer Centre records its own status and note on one of its obligations (the latest replaces the
    previous). The municipality's follow-up meeting keeps its own statuses (record_follow_up)."""
    wf.require(workflow.reports_for_centre, actor, obligation)
    if obligation.party != Obligation.Party.CENTRE:
        raise ValidationError(_("Frivilligcentret registrerer status på sine egne forpligtelser."))
    report = ObligationSelfReport(obligation=obligation, status=status, note=note.strip(), reported_by=actor)
    report.full_clean(validate_unique=False)
    report, _created = ObligationSelfReport.objects.update_or_create(
        obligation=obligation, defaults={"status": status, "note": note.strip(), "reported_by": actor})
    return report


@transaction.atomic
def set_adoption_quorum(*, actor, body: Body, adoption_quorum: int) -> Body:
    """How many of the steering group's members must recommend an annual priority before it is adopted without
    the chair (network/workflow.py, may_adopt)."""
    wf.require(workflow.may_set_quorum, actor, body)
    if body.kind != Body.Kind.STEERING:
        raise ValidationError(_("Kun styregruppen har et beslutningsdygtigt antal."))
    if adoption_quorum < 1:
        raise ValidationError({"adoption_quorum": _("Mindst ét medlem skal anbefale.")})
    body.adoption_quorum = adoption_quorum
    body.save(update_fields=["adoption_quorum"])
    return body
