"""Reads about what volunteers offer; `access_*` raise 404 for missing and not-yours alike."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.accounts.roles import task_poster_ids
from taskbank.models import Task, TaskApplication
from taskbank.queries import published_tasks

from . import matching, workflow
from .models import Campaign, Invitation, Profile

PAGE_SIZE = 30


def own_profile(user) -> Profile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Profile.objects.filter(user=user).first()


def findable_profiles():
    """Only volunteers whose consent to be found runs now: a withdrawn or lapsed consent hides her at once."""
    return Profile.objects.filter(findable_until__gt=timezone.now()).select_related("user")


def find_volunteers(user, *, competence="", town="", availability="", interest="", page_size=PAGE_SIZE) -> list:
    if not workflow.may_find_volunteers(user):
        raise Http404
    qs = findable_profiles().exclude(user=user)
    if competence:
        qs = qs.filter(competences__contains=[competence])
    if town:
        qs = qs.filter(Q(towns__contains=[town]) | Q(towns=[]))
    if availability:
        qs = qs.filter(availability__contains=[availability])
    if interest:
        qs = qs.filter(interests__contains=[interest])
    return list(qs.order_by("-consented_at", "pk")[:page_size])


def access_findable_profile(user, pk) -> Profile:
    profile = Profile.objects.select_related("user").filter(pk=pk).first()
    if profile is None or not workflow.may_find_volunteers(user) or not workflow.may_see_profile(user, profile):
        raise Http404
    return profile


def invitable_tasks(user):
    """The actor's published tasks, for the invitation form."""
    return published_tasks().filter(institution_id__in=task_poster_ids(user)).select_related("institution") \
        .order_by("title")


def invitations_sent(user, profile) -> list:
    return list(Invitation.objects.filter(volunteer_id=profile.user_id, task__institution_id__in=task_poster_ids(user))
                .select_related("task"))


def my_invitations(user):
    return Invitation.objects.filter(volunteer=user).select_related("task", "task__institution")


def access_invitation(user, pk) -> Invitation:
    invitation = Invitation.objects.select_related("task", "task__institution", "inviter").filter(pk=pk).first()
    if invitation is None or not workflow.is_invitee(user, invitation):
        raise Http404
    return invitation


def suggestions_for(user, limit=20) -> list:
    profile = own_profile(user)
    if profile is None:
        return []
    applied = TaskApplication.objects.filter(applicant=user).values_list("task_id", flat=True)
    return matching.suggestions(profile, limit=limit, exclude_ids=list(applied))


# --- Min indflydelse -----------------------------------------------------------------------------------------

@dataclass
class Influence:
    kind: str
    title: str
    url: str
    submitted: object
    status: str
    outcome: str = ""
    outcome_url: str = ""


def influence(user) -> list[Influence]:
    """Her ideas, her input to strategy processes, her hearing responses and her network proposals, each with what
    became of it, newest first. Read through the apps' models, never written."""
    from network.models import Priority, Proposal
    from strategy.models import DraftSection, HearingResponse, Input
    from taskbank.models import Idea

    rows = []
    for idea in Idea.objects.filter(proposer=user).select_related("task"):
        outcome, url = "", ""
        if idea.task_id:
            outcome, url = _("Blev til opgaven “%(title)s”.") % {"title": idea.task.title}, idea.task.get_absolute_url()
        elif idea.answer:
            outcome = _("Kulturområdets svar: %(answer)s") % {"answer": idea.answer}
        rows.append(Influence(_("Idé"), idea.title, idea.get_absolute_url(), idea.created_at,
                              idea.get_status_display(), outcome, url))
    inputs = list(Input.objects.filter(author=user).select_related("process"))
    cited = {}
    for section in (DraftSection.objects.filter(caused_by_input__in=inputs)
                    .select_related("version__draft").order_by("version__number")):
        cited[section.caused_by_input_id] = section
    for item in inputs:
        section = cited.get(item.pk)
        outcome = (_("Udkastet “%(draft)s” (version %(n)s) blev ændret i afsnittet “%(heading)s”.")
                   % {"draft": section.version.draft.title, "n": section.version.number, "heading": section.heading}
                   if section else "")
        rows.append(Influence(_("Input til %(process)s") % {"process": item.process.title}, item.text[:120],
                              item.process.get_absolute_url(), item.created_at, item.get_status_display(), outcome,
                              item.process.get_absolute_url() if section else ""))
    responses = list(HearingResponse.objects.filter(author=user).select_related("hearing"))
    changed = {s.caused_by_response_id: s for s in DraftSection.objects.filter(caused_by_response__in=responses)
               .select_related("version__draft")}
    for response in responses:
        parts = []
        if response.remark:
            parts.append(_("Kommunens bemærkning i høringsnotatet: %(remark)s") % {"remark": response.remark})
        if section := changed.get(response.pk):
            parts.append(_("Udkastet “%(draft)s” blev ændret i afsnittet “%(heading)s”.")
                         % {"draft": section.version.draft.title, "heading": section.heading})
        rows.append(Influence(_("Høringssvar"), response.hearing.title, response.hearing.get_absolute_url(),
                              response.submitted_at, "", " ".join(parts)))
    proposals = list(Proposal.objects.filter(author=user))
    priorities = {p.proposal_id: p for p in Priority.objects.filter(proposal__in=proposals)}
    for proposal in proposals:
        priority = priorities.get(proposal.pk)
        outcome = (_("Blev til indsatsområdet “%(title)s” (%(status)s).")
                   % {"title": priority.title, "status": priority.get_status_display()} if priority else "")
        rows.append(Influence(_("Forslag til netværket"), proposal.title, proposal.get_absolute_url(),
                              proposal.created_at, proposal.get_status_display(), outcome))
    return sorted(rows, key=lambda r: r.submitted, reverse=True)


# --- campaigns -----------------------------------------------------------------------------------------------

def running_campaigns():
    today = timezone.localdate()
    return Campaign.objects.filter(is_published=True, starts_on__lte=today, ends_on__gte=today)


def access_public_campaign(slug) -> Campaign:
    campaign = Campaign.objects.filter(slug=slug, is_published=True).first()
    if campaign is None:
        raise Http404
    return campaign


def access_staff_campaign(user, pk) -> Campaign:
    campaign = Campaign.objects.filter(pk=pk).first()
    if campaign is None or not workflow.is_campaign_editor(user, campaign):
        raise Http404
    return campaign


def staff_campaigns(user):
    if not workflow.is_campaign_editor(user):
        raise Http404
    return Campaign.objects.all()


def campaign_tasks(campaign, limit=30) -> list[Task]:
    """The live selection: hand-picked tasks, or the open tasks of the campaign's target groups, areas and towns."""
    rule = Q(pk__in=campaign.tasks.values("pk"))
    selection = Q()
    if campaign.target_groups:
        selection &= Q(target_groups__overlap=campaign.target_groups)
    if campaign.areas:
        selection &= Q(area__in=campaign.areas)
    if campaign.towns:
        selection &= Q(town__in=campaign.towns)
    if selection:
        rule |= selection
    return list(published_tasks().filter(rule).select_related("institution").order_by("-published_at")[:limit])


def campaign_events(campaign, limit=10):
    from taskbank.models import Event

    qs = Event.objects.filter(is_published=True, cancelled_at__isnull=True, starts_at__gte=timezone.now())
    if campaign.towns:
        qs = qs.filter(town__in=campaign.towns)
    return list(qs.order_by("starts_at")[:limit]) if (campaign.towns or campaign.target_groups) else []


def front_page_block(request):
    campaigns = list(running_campaigns()[:3])
    if not campaigns:
        return None
    return {"template": "volunteers/front_page_block.html", "campaigns": campaigns}


# --- embeds --------------------------------------------------------------------------------------------------

def embed_origins() -> list[str]:
    from .models import EmbedSite

    return list(EmbedSite.objects.values_list("origin", flat=True))


def embed_tasks(params: dict, limit=20) -> list[Task]:
    """The open tasks an embed shows: the task list's own filters (taskbank.queries.filtered_tasks) and a campaign."""
    from taskbank.queries import filtered_tasks

    qs = filtered_tasks(params)
    if slug := params.get("kampagne"):
        campaign = Campaign.objects.filter(slug=slug, is_published=True).first()
        qs = qs.filter(pk__in=[t.pk for t in campaign_tasks(campaign)]) if campaign else qs.none()
    return list(qs.select_related("institution").order_by("-published_at")[:limit])


def staff_embed_sites(user):
    from .models import EmbedSite

    if not workflow.is_embed_keeper(user):
        raise Http404
    return EmbedSite.objects.all()


def access_embed_site(user, pk):
    from .models import EmbedSite

    site = EmbedSite.objects.filter(pk=pk).first()
    if site is None or not workflow.is_embed_keeper(user, site):
        raise Http404
    return site
