from django.shortcuts import render

from .. import queries


def campaign(request, slug):
    campaign = queries.access_public_campaign(slug)
    return render(request, "volunteers/campaign.html", {
        "campaign": campaign, "tasks": queries.campaign_tasks(campaign), "events": queries.campaign_events(campaign)})
