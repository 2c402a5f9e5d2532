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
    path("netvaerk/forslag/<int:pk>/<str:action>/", members.proposal_action, name="proposal_action"),
    path("netvaerk/indsatsomraader/<int:pk>/", members.priority, name="priority"),
    path("netvaerk/moeder/<int:pk>/", members.meeting, name="meeting"),
    path("netvaerk/moeder/<int:pk>/kalender.ics", members.meeting_ical, name="meeting_ical"),
    path("netvaerk/dokumenter/<int:pk>/", members.meeting_document, name="meeting_document"),
    path("medarbejder/netvaerk/", staff.home, name="staff_home"),
    path("medarbejder/netvaerk/medlemmer/<int:pk>/fjern/", staff.remove_member, name="staff_remove_member"),
    path("medarbejder/netvaerk/moeder/<int:pk>/", staff.meeting, name="staff_meeting"),
    path("medarbejder/netvaerk/aftaler/ny/", staff.agreement_new, name="staff_agreement_new"),
    path("medarbejder/netvaerk/aftaler/<int:pk>/", staff.agreement, name="staff_agreement"),
    path("netvaerk/moeder/kalender.ics", members.meetings_ical, name="meetings_ical"),
]
