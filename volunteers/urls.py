from django.urls import path

from .views import embed, public, staff, volunteer

app_name = "volunteers"
urlpatterns = [
    path("frivillig/profil/", volunteer.profile, name="profile"),
    path("frivillig/profil/samtykke/", volunteer.consent, name="consent"),
    path("frivillig/profil/samtykke/traek-tilbage/", volunteer.withdraw_consent, name="withdraw_consent"),
    path("frivillig/profil/slet/", volunteer.delete_profile, name="delete_profile"),
    path("frivillig/opgaver-til-dig/", volunteer.suggestions, name="suggestions"),
    path("frivillig/invitationer/<int:pk>/", volunteer.invitation, name="invitation"),
    path("frivillig/invitationer/<int:pk>/ja/", volunteer.accept_invitation, name="accept_invitation"),
    path("frivillig/invitationer/<int:pk>/nej-tak/", volunteer.decline_invitation, name="decline_invitation"),
    path("frivillig/min-indflydelse/", volunteer.influence, name="influence"),
    path("medarbejder/find-frivillige/", staff.find, name="find"),
    path("medarbejder/find-frivillige/<int:pk>/", staff.profile_for_staff, name="profile_for_staff"),
    path("medarbejder/find-frivillige/<int:pk>/inviter/", staff.invite, name="invite"),
    path("medarbejder/kampagner/", staff.campaigns, name="staff_campaigns"),
    path("medarbejder/kampagner/ny/", staff.campaign_form, name="staff_campaign_create"),
    path("medarbejder/kampagner/<int:pk>/", staff.campaign_form, name="staff_campaign_edit"),
    path("kampagner/<slug:slug>/", public.campaign, name="campaign"),
    path("indlejr/opgaver/", embed.embedded_tasks, name="embed"),
    path("medarbejder/indlejring/", embed.embed_sites, name="staff_embeds"),
    path("medarbejder/indlejring/<int:pk>/fjern/", embed.remove_embed_site, name="staff_embed_remove"),
]
