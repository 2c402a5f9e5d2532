from django.urls import path

from .views import members, public, staff

app_name = "network"
urlpatterns = [
    path("netvaerk/", public.index, name="index"),
    path("netvaerk/organ/<str:kind>/", public.body, name="body"),
    path("netvaerk/indsatsomraader/", public.priorities, name="priorities"),
    path("netvaerk/indsatsomraader/<int:pk>/offentlig/", public.priority, name="priority_public"),
    path("netvaerk/frivilligcenter/", public.volunteer_centre, name="volunteer_centre"),
    path("netvaerk/frivilligcenter/aftale/<int:pk>/pdf/", public.agreement_pdf, name="agreement_pdf"),
    path("netvaerk/styregruppe/overblik/", members.dashboard, name="dashboard"),
    path("netvaerk/forslag/", members.proposals, name="proposals"),
    path("netvaerk/forslag/<int:pk>/", members.proposal, name="proposal"),
    path("netvaerk/forslag/<int:pk>/videresend/", members.proposal_forward, name="proposal_forward"),
    path("netvaerk/forslag/<int:pk>/indsatsomraade/", members.proposal_to_priority, name="proposal_to_priority"),
    path("netvaerk/indsatsomraader/<int:pk>/", members.priority, name="priority"),
    path("netvaerk/indsatsomraader/<int:pk>/anbefaling/", members.priority_review, name="priority_review"),
    path("netvaerk/indsatsomraader/<int:pk>/beslutning/", members.priority_decide, name="priority_decide"),
    path("netvaerk/moeder/<int:pk>/", members.meeting, name="meeting"),
    path("netvaerk/moeder/<int:pk>/kalender.ics", members.meeting_ical, name="meeting_ical"),
    path("netvaerk/dokumenter/<int:pk>/", members.meeting_document, name="meeting_document"),
    path("medarbejder/netvaerk/", staff.home, name="staff_home"),
    path("medarbejder/netvaerk/medlemmer/<int:pk>/fjern/", staff.remove_member, name="staff_remove_member"),
    path("medarbejder/netvaerk/medlemmer/ny/", staff.member_add, name="staff_member_add"),
    path("medarbejder/netvaerk/moeder/ny/", staff.meeting_add, name="staff_meeting_add"),
    path("medarbejder/netvaerk/moeder/<int:pk>/", staff.meeting, name="staff_meeting"),
    path("medarbejder/netvaerk/moeder/<int:pk>/punkter/", staff.meeting_add_item, name="staff_meeting_add_item"),
    path("medarbejder/netvaerk/moeder/<int:pk>/referat/", staff.meeting_minutes, name="staff_meeting_minutes"),
    path("medarbejder/netvaerk/moeder/<int:pk>/bilag/", staff.meeting_add_document, name="staff_meeting_add_document"),
    path("medarbejder/netvaerk/moeder/<int:pk>/inviter/", staff.meeting_invite, name="staff_meeting_invite"),
    path("medarbejder/netvaerk/aftaler/ny/", staff.agreement_new, name="staff_agreement_new"),
    path("medarbejder/netvaerk/aftaler/<int:pk>/", staff.agreement, name="staff_agreement"),
    path("netvaerk/moeder/kalender.ics", members.meetings_ical, name="meetings_ical"),
]
