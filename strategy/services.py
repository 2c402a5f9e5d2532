"""Every write of the strategy app: processes from templates, meetings with waiting lists, input and
moderation, draft versions, hearings and responses, adoption, indicator values."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core import pdf
from frivillig.core import workflow as wf
from frivillig.core.notify import notify
from frivillig.core.text import danish_slugify

from . import workflow
from .models import (
    Draft,
    DraftSection,
    DraftVersion,
    Hearing,
    HearingDocument,
    HearingParty,
    HearingResponse,
    HearingStatusChange,
    Indicator,
    IndicatorValue,
    Input,
    Meeting,
    MeetingSignup,
    Phase,
    PhaseTemplate,
    Process,
    ProcessTemplate,
    ResponseAttachment,
    Support,
    Theme,
)


def _unique_slug(model, title):
    base = danish_slugify(title)[:40] or "proces"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_process(*, actor, template: ProcessTemplate, title: str, description: str, starts_on) -> Process:
    wf.require(workflow.is_strategy_staff, actor)
    process = Process.objects.create(slug=_unique_slug(Process, title), title=title, description=description,
                                     template=template)
    start = starts_on
    for pt in template.phases.all():
        end = start + timedelta(weeks=pt.weeks) - timedelta(days=1)
        Phase.objects.create(process=process, order=pt.order, name=pt.name, description=pt.description,
                             starts_on=start, ends_on=end)
        start = end + timedelta(days=1)
    return process


@transaction.atomic
def save_template(*, actor, template: ProcessTemplate | None = None, name: str, description: str = "") -> ProcessTemplate:
    """Create or edit a process template (the CFSA and Ballerup templates are seeded; staff adapt them here)."""
    wf.require(workflow.is_strategy_staff, actor)
    template = template or ProcessTemplate(slug=_unique_slug(ProcessTemplate, name))
    template.name, template.description = name.strip(), description.strip()
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def add_phase_template(*, actor, template: ProcessTemplate, name: str, description: str = "", weeks: int) -> PhaseTemplate:
    wf.require(workflow.is_strategy_staff, actor)
    ProcessTemplate.objects.select_for_update().get(pk=template.pk)
    last = template.phases.order_by("-order").values_list("order", flat=True).first() or 0
    phase = PhaseTemplate(template=template, order=last + 1, name=name.strip(), description=description.strip(),
                          weeks=weeks)
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def update_phase_template(*, actor, phase: PhaseTemplate, name: str, description: str = "", weeks: int) -> PhaseTemplate:
    wf.require(workflow.is_strategy_staff, actor)
    phase.name, phase.description, phase.weeks = name.strip(), description.strip(), weeks
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def remove_phase_template(*, actor, phase: PhaseTemplate) -> None:
    """Remove a phase from a template (processes already made from it keep their phases)."""
    wf.require(workflow.is_strategy_staff, actor)
    phase.delete()


@transaction.atomic
def update_phase(*, actor, phase: Phase, data: dict) -> Phase:
    wf.require(workflow.is_strategy_staff, actor)
    for k, v in data.items():
        setattr(phase, k, v)
    phase.full_clean(validate_constraints=False)
    phase.save()
    return phase


@transaction.atomic
def move_phase(*, actor, phase: Phase, direction: int) -> None:
    """Swap a phase with its neighbour (the unique order constraint is deferred to commit)."""
    wf.require(workflow.is_strategy_staff, actor)
    phases = list(phase.process.phases.select_for_update().order_by("order"))
    i = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
    j = i + direction
    if 0 <= j < len(phases):
        a, b = phases[i], phases[j]
        a.order, b.order = b.order, a.order
        Phase.objects.filter(pk=a.pk).update(order=a.order)
        Phase.objects.filter(pk=b.pk).update(order=b.order)


@transaction.atomic
def add_theme(*, actor, process: Process, name: str, description: str = "") -> Theme:
    wf.require(workflow.is_strategy_staff, actor)
    theme = Theme(process=process, name=name, description=description)
    theme.full_clean()
    theme.save()
    return theme


# --- meetings ----------------------------------------------------------------------------------

@transaction.atomic
def create_meeting(*, actor, process: Process, **fields) -> Meeting:
    wf.require(workflow.is_strategy_staff, actor)
    meeting = Meeting(process=process, **fields)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def sign_up(*, actor, meeting: Meeting) -> MeetingSignup:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    wf.require(workflow.may_sign_up, actor, meeting)
    taken = meeting.signups.filter(waiting=False).count()
    try:
        with transaction.atomic():
            signup = MeetingSignup.objects.create(meeting=meeting, user=actor, waiting=taken >= meeting.capacity)
    except IntegrityError:
        raise ValidationError(_("Du er allerede tilmeldt.")) from None
    template = "strategy/email/waiting" if signup.waiting else "strategy/email/signed_up"
    notify(to=actor, template=template, key=f"strategy.signup:{signup.pk}:{signup.waiting}", obj=meeting,
           context={"meeting": meeting})
    return signup


@transaction.atomic
def cancel_signup(*, actor, meeting: Meeting) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    signup = meeting.signups.filter(user=actor).first()
    if signup is None:
        return
    had_place = not signup.waiting
    signup.delete()
    if had_place:
        first = meeting.signups.filter(waiting=True).order_by("created_at", "pk").first()
        if first:
            first.waiting = False
            first.save(update_fields=["waiting"])
            notify(to=first.user, template="strategy/email/promoted", key=f"strategy.promoted:{first.pk}",
                   obj=meeting, context={"meeting": meeting})


def save_meeting_notes(*, actor, meeting: Meeting, notes: str) -> Meeting:
    wf.require(workflow.is_strategy_staff, actor)
    meeting.notes = notes
    meeting.save(update_fields=["notes"])
    return meeting


# --- input ---------------------------------------------------------------------------------------

@transaction.atomic
def submit_input(*, actor, process: Process, theme, kind: str, text: str) -> Input:
    wf.require(workflow.may_submit_input, actor, process)
    if theme.process_id != process.pk:
        raise ValidationError(_("Temaet hører ikke til processen."))
    return Input.objects.create(process=process, theme=theme, kind=kind, text=text.strip(), author=actor)


@transaction.atomic
def record_input(*, actor, process: Process, theme, kind: str, text: str, author_label: str, meeting=None) -> Input:
    """Staff record input gathered at a meeting on behalf of the participants (published at once)."""
    wf.require(workflow.is_strategy_staff, actor)
    return Input.objects.create(process=process, theme=theme, kind=kind, text=text.strip(), author_label=author_label,
                                recorded_by=actor, meeting=meeting, status=Input.Status.PUBLISHED)


@transaction.atomic
def moderate_input(*, actor, item: Input, publish: bool, reason: str = "") -> Input:
    wf.require(workflow.may_publish_input if publish else workflow.is_strategy_staff, actor, item)
    if not publish and not reason.strip():
        raise ValidationError(_("Skriv en begrundelse for at skjule input."))
    item.status = Input.Status.PUBLISHED if publish else Input.Status.HIDDEN
    item.hidden_reason = "" if publish else reason.strip()
    item.save(update_fields=["status", "hidden_reason", "updated_at"])
    return item


def support(*, actor, item: Input) -> bool:
    wf.require(workflow.may_support, actor, item)
    _obj, created = Support.objects.get_or_create(input=item, user=actor)
    return created


# --- drafts --------------------------------------------------------------------------------------

@transaction.atomic
def add_draft_version(*, actor, draft: Draft, note: str, sections: list[dict]) -> DraftVersion:
    wf.require(workflow.is_strategy_staff, actor)
    for section in sections:
        if (cited := section.get("caused_by_input")) is not None:
            if cited.process_id != draft.process_id:
                raise ValidationError(_("Inputtet hører ikke til processen."))
            wf.require(workflow.may_cite, actor, cited)
    last = draft.versions.select_for_update().order_by("-number").first()
    version = DraftVersion.objects.create(draft=draft, number=(last.number + 1) if last else 1, note=note,
                                          created_by=actor)
    DraftSection.objects.bulk_create([DraftSection(version=version, order=i, **s) for i, s in enumerate(sections, 1)])
    return version


@transaction.atomic
def add_draft_version_to_process(*, actor, process: Process, note: str, sections: list[dict]) -> DraftVersion:
    """A new version of the process's draft (the draft itself is made with the first version)."""
    wf.require(workflow.is_strategy_staff, actor)
    draft = process.drafts.first() or Draft.objects.create(process=process, title=process.title)
    return add_draft_version(actor=actor, draft=draft, note=note, sections=sections)


# --- hearings ------------------------------------------------------------------------------------

@transaction.atomic
def create_hearing(*, actor, document=None, document_title: str = "", **fields) -> Hearing:
    wf.require(workflow.is_strategy_staff, actor)
    hearing = Hearing(slug=_unique_slug(Hearing, fields.get("title", "")), **fields)
    hearing.full_clean()
    hearing.save()
    if document:
        HearingDocument.objects.create(hearing=hearing, file=document, title=document_title or hearing.title)
    return hearing


@transaction.atomic
def add_party(*, actor, hearing: Hearing, organisation) -> HearingParty:
    wf.require(workflow.is_strategy_staff, actor)
    party, _created = HearingParty.objects.get_or_create(hearing=hearing, organisation=organisation)
    return party


@transaction.atomic
def submit_response(*, actor, hearing: Hearing, text: str, publish_with_name: bool, organisation=None,
                    files=()) -> HearingResponse:
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    wf.require(workflow.may_respond, actor, hearing)
    wf.require(workflow.may_respond_for, actor, organisation)
    response = HearingResponse.objects.create(hearing=hearing, author=actor, organisation=organisation,
                                              text=text.strip(), publish_with_name=publish_with_name)
    for f in files:
        ResponseAttachment.objects.create(response=response, file=f)
    notify(to=actor, template="strategy/email/response_receipt", key=f"strategy.receipt:{response.pk}",
           obj=hearing, context={"hearing": hearing, "response": response})
    return response


@transaction.atomic
def write_remark(*, actor, response: HearingResponse, remark: str, themes=()) -> HearingResponse:
    wf.require(workflow.may_remark, actor, response)
    response.remark = remark.strip()
    response.remark_by = actor
    response.save(update_fields=["remark", "remark_by"])
    if themes:
        response.themes.set(themes)
    return response


def _move(hearing, to, actor, *fields):
    return wf.move(hearing, to=to, actor=actor, transitions=workflow.HEARING_TRANSITIONS,
                   log_model=HearingStatusChange, extra_update_fields=fields)


@transaction.atomic
def write_memo(*, actor, hearing: Hearing, changes_made: str):
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    wf.require(workflow.may_write_memo, actor, hearing)
    hearing.changes_made = changes_made
    _move(hearing, Hearing.State.MEMO_WRITTEN, actor, "changes_made", "memo_written_at")
    return pdf.request("strategy.hearing_memo", obj=hearing, version=str(hearing.memo_written_at.timestamp()))


@transaction.atomic
def conclude(*, actor, hearing: Hearing) -> Hearing:
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    wf.require(workflow.may_conclude, actor, hearing)
    _move(hearing, Hearing.State.CONCLUDED, actor, "concluded_at")
    return hearing


@transaction.atomic
def invite_parties(*, actor, hearing: Hearing) -> int:
    wf.require(workflow.is_strategy_staff, actor)
    sent = 0
    for party in hearing.parties.select_related("organisation"):
        if party.organisation.email and notify(to=party.organisation.email, template="strategy/email/invitation",
                                               key=f"strategy.invite:{hearing.pk}:{party.organisation_id}",
                                               obj=hearing, context={"hearing": hearing, "party": party.organisation}):
            party.invited_at = party.invited_at or timezone.now()
            party.save(update_fields=["invited_at"])
            sent += 1
    return sent


@transaction.atomic
def record_adoption(*, actor, process: Process, committee_on, council_on, decision: str):
    wf.require(workflow.is_strategy_staff, actor)
    process.committee_adopted_on = committee_on
    process.council_adopted_on = council_on
    process.adoption_decision = decision
    process.save()
    process.phases.update(status=Phase.Status.DONE)
    return pdf.request("strategy.final_strategy", obj=process, version=str(process.updated_at.timestamp()))


# --- indicators ----------------------------------------------------------------------------------

@transaction.atomic
def create_indicator(*, actor, **fields) -> Indicator:
    wf.require(workflow.is_strategy_staff, actor)
    indicator = Indicator(**fields)
    indicator.full_clean()
    indicator.save()
    from . import indicators

    indicators.recompute()
    return indicator


@transaction.atomic
def record_indicator_value(*, actor, indicator: Indicator, month, value) -> IndicatorValue:
    wf.require(workflow.is_strategy_staff, actor)
    if indicator.source_key:
        raise ValidationError({"indicator": _("Indikatoren beregnes automatisk og kan ikke indtastes.")})
    obj, _created = IndicatorValue.objects.update_or_create(indicator=indicator, month=month,
                                                            defaults={"value": value, "entered_by": actor})
    return obj


def recompute_indicators(*, actor) -> None:
    wf.require(workflow.is_strategy_staff, actor)
    from . import indicators

    indicators.recompute()
