"""Staff find volunteers who agreed to be found, and invite one to a task; the Culture department's campaigns.
Every page that shows a volunteer writes an access-log row."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from frivillig.core import actions, ratelimit
from frivillig.core.audit import log_access

from .. import queries, services, workflow
from ..forms import CampaignForm, FindForm, InviteForm


@login_required
def find(request):
    form = FindForm(request.GET or None)
    found = queries.find_volunteers(request.user, **form.criteria())
    log_access(actor=request.user, subjects=[p.user for p in found], reason=gettext_noop("Søgning efter frivillige"),
               request=request)
    return render(request, "volunteers/staff/find.html", {"form": form, "found": found})


@login_required
def profile_for_staff(request, pk):
    profile = queries.access_findable_profile(request.user, pk)
    log_access(actor=request.user, subjects=profile.user, reason=gettext_noop("Frivilligprofil"), request=request)
    return render(request, "volunteers/staff/profile.html", {
        "profile": profile, "form": InviteForm(tasks=queries.invitable_tasks(request.user)),
        "sent": queries.invitations_sent(request.user, profile)})


@login_required
@require_POST
def invite(request, pk):
    profile = queries.access_findable_profile(request.user, pk)
    form = InviteForm(request.POST, tasks=queries.invitable_tasks(request.user))
    if ratelimit.exceeded(request, "volunteers.invite", per_user="20/d", per_ip="60/d"):
        messages.error(request, ratelimit.MESSAGE)
    else:
        actions.perform(request, form, services.invite, profile=profile,
                        success=_("Invitationen er sendt. Den frivillige får en e-mail og svarer ja eller nej tak."))
    return redirect(profile.get_staff_url())


@login_required
def campaigns(request):
    return render(request, "volunteers/staff/campaigns.html",
                  {"campaigns": queries.staff_campaigns(request.user)})


@login_required
def campaign_form(request, pk=None):
    campaign = queries.access_staff_campaign(request.user, pk) if pk else None
    if campaign is None and not workflow.is_campaign_editor(request.user):
        raise Http404
    form = CampaignForm(request.POST or None, instance=campaign)
    if saved := actions.save_form(request, form, services.save_campaign, campaign=campaign, as_data=True):
        messages.success(request, _("Kampagnen er gemt."))
        return redirect(saved.get_staff_url())
    return render(request, "volunteers/staff/campaign_form.html", {"form": form, "campaign": campaign})
